import {
  clusteredLower,
  fitCalibration,
  foldCount,
  foldsOf,
  outOfFold,
  shownAt,
  wilsonLower,
  type JudgedRow,
} from '../../../eval/lib/calibration-fit.js';
import { fitLogistic, sigmoid, solve } from '../../../eval/lib/logistic.js';
import { mulberry32 } from '../../../eval/lib/random.js';
import { calibratedConfidence } from '../../../src/linking/relation/link-calibration.js';

describe('solve', () => {
  it('solves a linear system that needs a row swap', () => {
    const x = solve(
      [
        [0, 2, 1],
        [1, 1, 0],
        [2, 0, 3],
      ],
      [7, 3, 11],
    );
    // 2b+c = 7, a+b = 3, 2a+3c = 11  ->  a = 1, b = 2, c = 3
    expect(x[0]).toBeCloseTo(1, 10);
    expect(x[1]).toBeCloseTo(2, 10);
    expect(x[2]).toBeCloseTo(3, 10);
  });
});

describe('fitLogistic', () => {
  /** Rows drawn from a known model: intercept -0.5, weights 2 and -1. */
  function sample(n: number, seed: number) {
    const rnd = mulberry32(seed);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = rnd() * 4 - 2;
      const b = rnd() * 4 - 2;
      x.push([1, a, b]);
      y.push(rnd() < sigmoid(-0.5 + 2 * a - b) ? 1 : 0);
    }
    return { x, y };
  }

  it('recovers the weights that generated the data', () => {
    const { x, y } = sample(20_000, 7);
    const { weights } = fitLogistic(x, y, 1e-6);
    expect(weights[0]).toBeCloseTo(-0.5, 1);
    expect(weights[1]).toBeCloseTo(2, 1);
    expect(weights[2]).toBeCloseTo(-1, 1);
  });

  it('shrinks the weights, not the intercept, as the penalty grows', () => {
    const { x, y } = sample(2_000, 8);
    const loose = fitLogistic(x, y, 1e-6).weights;
    const tight = fitLogistic(x, y, 500).weights;
    expect(Math.abs(tight[1]!)).toBeLessThan(Math.abs(loose[1]!) / 2);
    expect(Math.abs(tight[2]!)).toBeLessThan(Math.abs(loose[2]!) / 2);
  });

  it('gives the same weights on every run', () => {
    const { x, y } = sample(500, 9);
    expect(fitLogistic(x, y, 1).weights).toEqual(fitLogistic(x, y, 1).weights);
  });
});

/** A set's links: `right` of `n` carry the kind, the rest carry none. */
function links(set: string, n: number, kindRight: string | null): JudgedRow[] {
  return Array.from({ length: n }, (_, i) => ({
    set,
    relation: 'DISCUSSES' as const,
    confidence: 0.6,
    signals: kindRight && i % 2 === 0 ? [kindRight] : [],
    right: kindRight !== null && i % 2 === 0,
  }));
}

describe('fitCalibration', () => {
  it('learns that a signal kind marks right links, for the relation it was seen with', () => {
    const rows = [...links('a', 40, 'QUANTITY_AGREEMENT'), ...links('b', 40, 'QUANTITY_AGREEMENT')];
    const cal = fitCalibration(rows, 1);
    expect(cal.relations.DISCUSSES.signals['QUANTITY_AGREEMENT']).toBeGreaterThan(1);
    expect(cal.relations.CONTRADICTS.signals['QUANTITY_AGREEMENT']).toBeUndefined();
    expect(cal.rows).toBe(80);
  });
});

describe('out-of-fold scores', () => {
  it('deals every set into exactly one fold', () => {
    const folds = foldsOf(['c', 'a', 'b', 'a', 'd', 'e'], 2, 3);
    expect(folds.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(folds).toHaveLength(2);
  });

  it('scores a set with a model that never saw it', () => {
    // Only set "z" teaches that EXCLUSION marks right links; with one set per fold, z's own
    // links are scored by a model that has never seen the kind, so it lifts nothing there.
    const rows = [...links('x', 20, null), ...links('y', 20, null), ...links('z', 20, 'EXCLUSION')];
    const scores = outOfFold(rows, 1, 3, 1);
    const z = rows.map((r, i) => [r, scores[i]!] as const).filter(([r]) => r.set === 'z');
    const withKind = z.filter(([r]) => r.signals.length > 0).map(([, s]) => s);
    const without = z.filter(([r]) => r.signals.length === 0).map(([, s]) => s);
    // The unseen kind still counts as one kind more (the shared count term), nothing else.
    expect(Math.abs(withKind[0]! - without[0]!)).toBeLessThan(0.2);
    const inSample = fitCalibration(rows, 1);
    expect(inSample.relations.DISCUSSES.signals['EXCLUSION']).toBeGreaterThan(1);
  });

  it('counts the links shown at a threshold and the right ones among them', () => {
    const rows = links('a', 4, 'DENIAL');
    expect(shownAt(rows, [0.9, 0.1, 0.6, 0.5], 0.5)).toEqual({
      shown: 3,
      right: 2,
      precision: 2 / 3,
    });
  });
});

describe('first runs beside the learned sets', () => {
  /** `n` links of a set, `right` of them right, all DISCUSSES at one confidence. */
  const rowsOf = (set: string, n: number, right: number, learned: boolean): JudgedRow[] =>
    Array.from({ length: n }, (_, i) => ({
      set,
      relation: 'DISCUSSES' as const,
      confidence: 0.6,
      signals: [],
      right: i < right,
      learned,
    }));

  it('reads a link as on new text: the learned sets lift only their own column', () => {
    // Right 90 % of the time on the sets it was tuned on, 40 % on first runs.
    const rows = [
      ...rowsOf('a', 100, 90, true),
      ...rowsOf('b', 100, 90, true),
      ...rowsOf('c', 100, 40, false),
      ...rowsOf('d', 100, 40, false),
    ];
    const cal = fitCalibration(rows, 0.01);
    expect(cal.relations.DISCUSSES.tuned).toBeGreaterThan(2);
    const full = { ...cal, command: '', created: '', seed: 0, sets: [], relationBuild: '' };
    const p = calibratedConfidence(full, 'DISCUSSES', 0.6, []);
    expect(p).toBeGreaterThan(0.35);
    expect(p).toBeLessThan(0.45);
    // Without first runs there is no such column, and the sets' own rate is read.
    const alone = fitCalibration(rowsOf('a', 100, 90, true), 0.01);
    expect(alone.relations.DISCUSSES.tuned).toBeUndefined();
  });

  it('scores only the first runs out of fold, leaving their sets out in every form', () => {
    const rows = [
      ...rowsOf('a', 20, 18, true),
      ...rowsOf('c', 20, 8, true),
      ...rowsOf('c', 20, 8, false),
      ...rowsOf('d', 20, 8, false),
    ];
    const scores = outOfFold(rows, 1, 2, 1);
    rows.forEach((r, i) => {
      if (r.learned) expect(Number.isNaN(scores[i]!)).toBe(true);
      else expect(Number.isNaN(scores[i]!)).toBe(false);
    });
    // NaN scores are not shown at any threshold.
    expect(shownAt(rows, scores, 0).shown).toBe(40);
  });
});

describe('wilsonLower (how sure the display threshold is of its precision)', () => {
  it('is under the observed precision, nearer it with more links, and 0 with none', () => {
    // 80 right of 100 at a one-sided 90 % interval: about 0.744.
    expect(wilsonLower(80, 100, 1.2816)).toBeCloseTo(0.744, 3);
    expect(wilsonLower(800, 1000, 1.2816)).toBeGreaterThan(wilsonLower(80, 100, 1.2816));
    expect(wilsonLower(800, 1000, 1.2816)).toBeLessThan(0.8);
    expect(wilsonLower(5, 5, 1.2816)).toBeLessThan(1);
    expect(wilsonLower(0, 0, 1.2816)).toBe(0);
    // z = 0 is the observed proportion itself.
    expect(wilsonLower(30, 40, 0)).toBeCloseTo(0.75, 10);
  });
});

describe("batches of first runs (the unit a new user's text comes in)", () => {
  /** `n` first-run links of a set in a batch; the even ones carry `kind` and are right. */
  const batchRows = (set: string, batch: string, n: number, kind: string | null): JudgedRow[] =>
    Array.from({ length: n }, (_, i) => ({
      set,
      relation: 'DISCUSSES' as const,
      confidence: 0.6,
      signals: kind && i % 2 === 0 ? [kind] : [],
      right: kind !== null && i % 2 === 0,
      learned: false,
      batch,
    }));

  it('leaves a batch out whole, so a set is never scored by a model fitted on its batch-mate', () => {
    // Only batch "b1" (sets c and d) teaches that EXCLUSION marks right links. Left out a batch
    // at a time, c's links are scored by a model that saw neither c nor d; with one fold per
    // set, d would have taught the kind to c's model.
    const rows = [
      ...batchRows('c', 'b1', 20, 'EXCLUSION'),
      ...batchRows('d', 'b1', 20, 'EXCLUSION'),
      ...batchRows('e', 'b2', 20, null),
      ...batchRows('f', 'b3', 20, null),
    ];
    expect(foldCount(rows, 12, 1)).toBe(3);
    const scores = outOfFold(rows, 1, 12, 1);
    const c = rows.map((r, i) => [r, scores[i]!] as const).filter(([r]) => r.set === 'c');
    const withKind = c.find(([r]) => r.signals.length > 0)![1];
    const without = c.find(([r]) => r.signals.length === 0)![1];
    expect(Math.abs(withKind - without)).toBeLessThan(0.2);
    // Without batch names the same rows are dealt by set: d teaches c's model the kind.
    const unbatched = rows.map(({ batch: _batch, ...r }) => r);
    expect(foldCount(unbatched, 12, 1)).toBe(4);
    const bySet = outOfFold(unbatched, 1, 12, 1);
    const cs = unbatched.map((r, i) => [r, bySet[i]!] as const).filter(([r]) => r.set === 'c');
    expect(cs.find(([r]) => r.signals.length > 0)![1]).toBeGreaterThan(
      cs.find(([r]) => r.signals.length === 0)![1] + 0.2,
    );
  });

  /** Batches of ten shown links each, `right[i]` of them right. */
  const shownBatches = (right: number[]) => {
    const rows: JudgedRow[] = right.flatMap((r, b) =>
      Array.from({ length: 10 }, (_, i) => ({
        set: `s${b}`,
        relation: 'DISCUSSES' as const,
        confidence: 0.9,
        signals: [],
        right: i < r,
        learned: false,
        batch: `b${b}`,
      })),
    );
    return { rows, scores: rows.map(() => 0.9) };
  };

  it('is wider when batches disagree than when they agree on the same pooled precision', () => {
    const agree = shownBatches([9, 9, 9, 9, 9, 9]);
    const disagree = shownBatches([10, 10, 10, 10, 10, 4]);
    const a = clusteredLower(agree.rows, agree.scores, 0.5, 1.2816);
    const d = clusteredLower(disagree.rows, disagree.scores, 0.5, 1.2816);
    // Both pool 54 right of 60; where the batches agree, the Wilson bound is the tighter one.
    expect(a).toBeCloseTo(wilsonLower(54, 60, 1.2816), 10);
    expect(d).toBeLessThan(a - 0.03);
    // Links under the threshold are not shown and do not count.
    expect(clusteredLower(agree.rows, agree.scores, 0.95, 1.2816)).toBe(0);
  });
});
