import {
  canonicalPair,
  combine,
  planRescoring,
  skipped,
} from '../../../../src/linking/providers/rescore.js';
import type { RelationResult } from '../../../../src/linking/relation/types.js';

const r = (relation: RelationResult['relation'], confidence: number): RelationResult => ({
  relation,
  confidence,
  signals: [{ kind: 'PARAPHRASE', detail: 'same words', left: 'a', right: 'b', weight: 0.5 }],
});

describe('which pairs the model re-scores', () => {
  it('keeps linked pairs and unsure "no link" pairs, at most perClaim per claim, best first', () => {
    const results = [
      r('CORROBORATES', 0.6),
      r(null, 0.97),
      r(null, 0.5),
      r('CONTRADICTS', 0.9),
      r('DISCUSSES', 0.55),
      r('CORROBORATES', 0.8),
    ];
    const claims = ['c1', 'c1', 'c1', 'c1', 'c2', 'c2'];
    expect(planRescoring(results, claims, 2)).toEqual([0, 3, 4, 5]);
    expect(planRescoring(results, claims, 10)).toEqual([0, 2, 3, 4, 5]);
  });
});

describe('combining a verdict with the built-in result', () => {
  const signal = {
    kind: 'NLI_MODEL',
    detail: 'm: contradiction 0.90',
    left: null,
    right: null,
    weight: 0.9,
  };
  it('the model sets relation and confidence; the built-in signals stay, the model first', () => {
    const out = combine(r('CORROBORATES', 0.7), {
      ok: true,
      relation: 'CONTRADICTS',
      confidence: 0.9,
      signal,
    });
    expect(out.relation).toBe('CONTRADICTS');
    expect(out.confidence).toBe(0.9);
    expect(out.signals.map((s) => s.kind)).toEqual(['NLI_MODEL', 'PARAPHRASE']);
  });
  it('NEUTRAL keeps the built-in link as DISCUSSES, and keeps "no link" as no link', () => {
    expect(
      combine(r('CORROBORATES', 0.7), { ok: true, relation: 'NEUTRAL', confidence: 0.6, signal })
        .relation,
    ).toBe('DISCUSSES');
    const none = combine(r(null, 0.6), { ok: true, relation: 'NEUTRAL', confidence: 0.8, signal });
    expect(none).toMatchObject({ relation: null, confidence: 0.6 });
  });
  it('UNRELATED drops the link; an unusable verdict keeps the built-in decision and says why', () => {
    expect(
      combine(r('DISCUSSES', 0.7), { ok: true, relation: 'UNRELATED', confidence: 0.8, signal })
        .relation,
    ).toBeNull();
    const kept = combine(r('CONTRADICTS', 0.7), skipped('llm', 'budget spent'));
    expect(kept).toMatchObject({ relation: 'CONTRADICTS', confidence: 0.7 });
    expect(kept.signals[0]).toMatchObject({ kind: 'MODEL_SKIPPED', weight: 0 });
  });
});

describe('canonical pair order', () => {
  it('is the same for (a, b) and (b, a), and says when it swapped', () => {
    const ab = canonicalPair('alpha', 'beta');
    const ba = canonicalPair('beta', 'alpha');
    expect(ab.key).toBe(ba.key);
    expect(ab.texts).toEqual(ba.texts);
    expect(ab.swapped).not.toBe(ba.swapped);
  });
});
