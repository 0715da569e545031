import {
  BuiltinRelationClassifier,
  loadModel,
} from '../../../../src/linking/relation/classifier.js';
import type { StatementView } from '../../../../src/linking/relation/types.js';

const empty = {
  dates: [],
  durations: [],
  quantities: [],
  actors: [],
  negations: [],
  attribution: null,
  hedges: [],
  question: false,
};
const v = (text: string): StatementView => ({ text, facets: empty });

const PAIRS: [string, string][] = [
  ['A giant squid was found in the city lake.', 'Officials said the giant squid photo is a hoax.'],
  ['The mayor attended the ceremony.', "The mayor didn't attend the ceremony."],
  ['Unemployment rose sharply last year.', 'Unemployment fell sharply last year.'],
  [
    'The bridge collapsed on Monday.',
    'The bridge reportedly collapsed on Monday, witnesses claimed.',
  ],
  ['The team won the final.', 'Bakers sold bread at the market.'],
  ['Gunmen killed two guards at the depot.', 'Two guards were slain by gunmen at the depot.'],
];

describe('BuiltinRelationClassifier', () => {
  const clf = new BuiltinRelationClassifier();

  it('loads the committed model with a header recording the data', () => {
    const m = loadModel();
    expect(clf.method).toBe(`claimtrace-relation@${m.header.version}`);
    const files = m.header.datasets.map((d) => d.file);
    expect(files).toContain('fnc-1-train/train_stances.csv');
    for (const d of m.header.datasets) expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.header.command).toContain('train-relation');
    expect(typeof m.header.seed).toBe('number');
  });

  it('is symmetric in relation', () => {
    for (const [a, b] of PAIRS) {
      const ab = clf.classify(v(a), v(b));
      const ba = clf.classify(v(b), v(a));
      expect(ab.relation).toBe(ba.relation);
      expect(ab.confidence).toBeCloseTo(ba.confidence, 12);
    }
  });

  it('gives calibrated-looking confidences and signals', () => {
    const r = clf.classify(v(PAIRS[0][0]), v(PAIRS[0][1]));
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThan(1);
    expect(r.signals.some((s) => s.kind === 'REFUTATION_CUE')).toBe(true);
  });

  it('does not link statements that share no words', () => {
    expect(clf.classify(v(PAIRS[4][0]), v(PAIRS[4][1])).relation).toBeNull();
  });
});
