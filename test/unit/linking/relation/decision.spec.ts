import { analyzeStatement } from '../../../../src/claims/extraction/index.js';
import { BuiltinRelationClassifier } from '../../../../src/linking/relation/classifier.js';
import { analyze } from '../../../../src/linking/relation/analyze.js';
import { align, computeSignalsWith } from '../../../../src/linking/relation/signals.js';
import {
  aimedRefutation,
  applyEvidence,
  DEFAULT_RULE_WEIGHTS,
  gatherEvidence,
} from '../../../../src/linking/relation/decision.js';
import type { StatementView } from '../../../../src/linking/relation/types.js';

// Made-up sentences; facets come from the real extraction, as in the service.
const ctx = { publishedAt: new Date('2030-03-12T09:00:00Z') };
const v = (text: string): StatementView => ({ text, facets: analyzeStatement(text, ctx).facets });
const evidence = (a: StatementView, b: StatementView) => {
  const la = analyze(a.text);
  const ra = analyze(b.text);
  const al = align(la, ra);
  return gatherEvidence(a, b, la, ra, al, computeSignalsWith(a, b, la, ra, al));
};

describe('relation decision rules', () => {
  const clf = new BuiltinRelationClassifier();
  const rel = (a: string, b: string) => {
    const ab = clf.classify(v(a), v(b));
    // Every rule is symmetric in the two statements.
    expect(clf.classify(v(b), v(a)).relation).toBe(ab.relation);
    return ab;
  };

  it('a different count of the same thing and event contradicts', () => {
    const r = rel(
      'Three miners were killed in the tunnel collapse near Orvel.',
      'Seven miners died in the tunnel collapse near Orvel.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(r.signals.some((s) => s.kind === 'QUANTITY_MISMATCH')).toBe(true);
  });

  it('a second figure for another group is not a conflict when one figure agrees', () => {
    const r = rel(
      'The flood killed four farmers, not six.',
      'Four farmers were killed and six were injured in the flood.',
    );
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('a different day for the same event contradicts', () => {
    const r = rel(
      'The ferry strike began on 3 March at the northern port.',
      'The ferry strike began on 4 March, union leaders at the northern port confirmed.',
    );
    expect(r.signals.some((s) => s.kind === 'DATE_MISMATCH')).toBe(true);
  });

  it('opposite predicates on the same subject contradict', () => {
    const r = rel(
      'The Halden mountain pass remains open to freight trucks.',
      'The Halden mountain pass remains closed to freight trucks.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(r.signals.some((s) => s.kind === 'ANTONYM')).toBe(true);
  });

  it('a negated predicate contradicts', () => {
    const r = rel(
      'The cargo ship was carrying grain for the island.',
      'The cargo ship was not carrying grain, but diesel fuel.',
    );
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a rebuttal aimed at the shared words is a conflict, even when attributed', () => {
    const a = v('The reservoir was poisoned by factory waste.');
    const b = v('The water board denied that factory waste poisoned the reservoir.');
    const ev = evidence(a, b);
    // A denial aimed at the shared words is a conflict of its own kind (DENIAL).
    expect(ev.conflicts).toContain('DENIAL');
    // The denial is the statement's own stance, not a report of the other's content.
    expect(ev.reported).toBe(false);
  });

  it('attributing or hedging the shared figure discusses it', () => {
    const r = rel(
      'Local officials said nine hikers were rescued from the glacier.',
      'Nine hikers were rescued from the glacier on Sunday.',
    );
    expect(r.relation).toBe('DISCUSSES');
  });

  it('a balanced report of an accusation and its rebuttal reports, and shifts to DISCUSSES', () => {
    const a = v('Velmar blamed the rail union for the blockade, a charge the union rejected.');
    const b = v('The rail union organised the blockade of the Velmar line.');
    const ev = evidence(a, b);
    expect(ev.balanced).toBe(true);
    expect(ev.reported).toBe(true);
    expect(ev.conflicts).not.toContain('REFUTATION_CUE');
    const q = applyEvidence([0.25, 0.25, 0.25, 0.25], ev, DEFAULT_RULE_WEIGHTS);
    expect(q[3]).toBeGreaterThan(q[1]);
    expect(q[3]).toBeGreaterThan(q[2]);
  });

  it('agreeing figures with no conflict corroborate', () => {
    const r = rel(
      'Nine hikers were rescued from the glacier on Sunday.',
      'Rescuers brought 9 hikers down from the glacier.',
    );
    expect(r.relation).toBe('CORROBORATES');
  });

  it('different lengths of an event contradict even without shared words', () => {
    const r = rel('The blockade lasted 6 hours.', 'Four days of protest paralysed the port.');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('only finds a rebuttal aimed when it reaches shared words', () => {
    const other = analyze('The reservoir was poisoned.');
    const shared = new Set(other.keys);
    expect(
      aimedRefutation(analyze('Officials denied that the reservoir was poisoned.'), shared, other),
    ).toBe(true);
    expect(
      aimedRefutation(analyze('Officials denied everything about the budget.'), shared, other),
    ).toBe(false);
  });

  it('the same count of people with no event agrees on nothing; a count of an event does', () => {
    // SNLI captions: "two kids" on a boat and "two kids" in bed name the same children.
    const bare = evidence(
      v('Two kids sit on a boat near Orvel, one with a paddle.'),
      v('Two kids sleep in a bed near Orvel.'),
    );
    expect(bare.agreement).toBe(false);
    const killed = evidence(
      v('Two civilians were killed by shelling in Orvel.'),
      v('Shelling in Orvel killed two civilians on Monday.'),
    );
    expect(killed.agreement).toBe(true);
  });

  it('leaves the model probabilities unchanged without evidence', () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const q = applyEvidence(
      p,
      {
        conflicts: [],
        reported: false,
        agreement: false,
        anchored: false,
        balanced: false,
        durationOnly: false,
        unaligned: false,
      },
      DEFAULT_RULE_WEIGHTS,
    );
    q.forEach((x, i) => expect(x).toBeCloseTo(p[i], 9));
  });
});
