import { analyzeStatement } from '../../../../src/claims/extraction/index.js';
import { analyze } from '../../../../src/linking/relation/analyze.js';
import { BuiltinRelationClassifier } from '../../../../src/linking/relation/classifier.js';
import {
  applyEvidence,
  DEFAULT_RULE_WEIGHTS,
  gatherEvidence,
} from '../../../../src/linking/relation/decision.js';
import { align, computeSignalsWith } from '../../../../src/linking/relation/signals.js';
import { topicalAlignment } from '../../../../src/linking/relation/topic.js';
import type { StatementView } from '../../../../src/linking/relation/types.js';

// Made-up sentences; facets come from the real extraction, as in the service.
const ctx = { publishedAt: new Date('2030-12-01T09:00:00Z') };
const v = (text: string): StatementView => ({ text, facets: analyzeStatement(text, ctx).facets });
const topic = (a: StatementView, b: StatementView) => {
  const la = analyze(a.text);
  const ra = analyze(b.text);
  return topicalAlignment(a, b, la, ra, align(la, ra));
};

describe('topical alignment gates facet rules', () => {
  const clf = new BuiltinRelationClassifier();
  const rel = (a: string, b: string) => {
    const ab = clf.classify(v(a), v(b));
    expect(clf.classify(v(b), v(a)).relation).toBe(ab.relation);
    return ab;
  };
  const conflictKinds = new Set([
    'QUANTITY_MISMATCH',
    'DATE_MISMATCH',
    'DURATION_MISMATCH',
    'ACTOR_SWAP',
    'ANTONYM',
    'NEGATION',
  ]);

  it('does not link unrelated statements that share only a date', () => {
    const r = rel(
      'On 3 May 2030, 12 trucks crossed the bridge at Tarsk.',
      'On 3 May 2030, 40 people attended the festival in Varn.',
    );
    expect(r.relation).toBeNull();
    expect(r.signals.some((s) => conflictKinds.has(s.kind))).toBe(false);
  });

  it('does not link unrelated statements that share a date and a number', () => {
    const r = rel(
      'On 3 May 2030, 12 trucks crossed the bridge at Tarsk.',
      'On 3 May 2030, 12 protesters were arrested by police at the Varn town hall.',
    );
    expect(r.relation).toBeNull();
  });

  it('does not contradict the same kind of event in another place', () => {
    for (const [a, b] of [
      [
        'On 3 May 2030, 12 civilians were killed when rebel units shelled Tarsk.',
        'On 3 May 2030, 40 civilians were killed when government troops shelled Varn.',
      ],
      [
        'Floods destroyed 7 houses in Orvel on 26 March 2030.',
        'On 1 September 2030, 7 houses in Quorn were destroyed by the floods.',
      ],
    ]) {
      const r = rel(a, b);
      expect(r.relation).toBeNull();
      expect(r.signals.some((s) => conflictKinds.has(s.kind))).toBe(false);
    }
  });

  it('still contradicts the same event with a different count', () => {
    const r = rel(
      'On 3 May 2030, 12 civilians were killed when rebel units shelled Tarsk.',
      'Rebel units shelled Tarsk on 3 May 2030, killing 40 civilians.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(r.signals.some((s) => s.kind === 'QUANTITY_MISMATCH')).toBe(true);
  });

  it('still contradicts the same event on a different day', () => {
    const r = rel(
      'Police in Varn arrested 40 protesters outside the town hall on 11 May 2030.',
      'On 9 November 2030, 40 protesters were arrested by police at the Varn town hall.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(r.signals.some((s) => s.kind === 'DATE_MISMATCH')).toBe(true);
  });

  it('does not read the month May as a hedge', () => {
    expect(analyze('On 3 May 2030, 12 trucks crossed the bridge.').hedges).toHaveLength(0);
    expect(analyze('The bridge may have collapsed.').hedges).toHaveLength(1);
  });

  it('scores shared topic without the facet words', () => {
    const t = topic(
      v('On 3 May 2030, 12 trucks crossed the bridge at Tarsk.'),
      v('On 3 May 2030, 40 trucks crossed the bridge at Tarsk.'),
    );
    expect(t.aligned).toBe(true);
    expect(t.sharedName).toBe(true);
    // Neither the date words nor the counted noun or its event are topic.
    expect(t.keys).not.toContain('2030');
    expect(t.keys.some((k) => k.startsWith('truck'))).toBe(false);
    const u = topic(
      v('On 3 May 2030, 12 trucks crossed the bridge at Tarsk.'),
      v('On 3 May 2030, 12 trucks crossed the bridge at Varn.'),
    );
    expect(u.placeConflict).toBe(true);
    expect(u.aligned).toBe(false);
  });

  it('makes "no link" win over the model when only facets tie the statements', () => {
    const a = v('On 3 May 2030, 12 trucks crossed the bridge at Tarsk.');
    const b = v('On 3 May 2030, 40 people attended the festival in Varn.');
    const la = analyze(a.text);
    const ra = analyze(b.text);
    const al = align(la, ra);
    const ev = gatherEvidence(a, b, la, ra, al, computeSignalsWith(a, b, la, ra, al));
    expect(ev.unaligned).toBe(true);
    expect(ev.conflicts).toEqual([]);
    const p = applyEvidence([0.01, 0.2, 0.7, 0.09], ev, DEFAULT_RULE_WEIGHTS);
    expect(p[0]).toBeGreaterThan(Math.max(p[1], p[2], p[3]));
  });
});
