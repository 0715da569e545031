/**
 * Fits the link calibration (src/linking/relation/link-calibration.ts) on judged probe-set
 * links, and measures it out of fold: the sets are dealt into folds (seeded), and each fold's
 * links are scored by a model fitted on the other folds, so every figure is on sets the model
 * did not see.
 */
import {
  CALIBRATED_RELATIONS,
  calibratedConfidence,
  distinctKinds,
  logit,
  type LinkCalibrationJson,
} from '../../src/linking/relation/link-calibration.js';
import type { Relation } from '../../src/linking/relation/types.js';
import { fitLogistic } from './logistic.js';
import { mulberry32 } from './random.js';

/** One stored link of a probe set, judged against its gold. */
export interface JudgedRow {
  set: string;
  relation: Relation;
  confidence: number;
  signals: readonly string[];
  right: boolean;
}

export type CalibrationWeights = Omit<
  LinkCalibrationJson,
  'command' | 'created' | 'seed' | 'sets' | 'relationBuild' | 'outOfFold'
>;

/** The design's columns: intercept, kind count, then per relation its bias, logit and kinds. */
function layout(vocabulary: readonly string[]) {
  const perRelation = 2 + vocabulary.length;
  const column = new Map(vocabulary.map((k, i) => [k, i]));
  const offset = (r: Relation) => 2 + CALIBRATED_RELATIONS.indexOf(r) * perRelation;
  const width = 2 + CALIBRATED_RELATIONS.length * perRelation;
  return {
    row(link: JudgedRow): number[] {
      const x = new Array<number>(width).fill(0);
      const kinds = distinctKinds(link.signals);
      x[0] = 1;
      x[1] = kinds.length;
      const o = offset(link.relation);
      x[o] = 1;
      x[o + 1] = logit(link.confidence);
      for (const k of kinds) {
        const c = column.get(k);
        if (c !== undefined) x[o + 2 + c] = 1;
      }
      return x;
    },
    weights(w: readonly number[], rows: number, l2: number): CalibrationWeights {
      const relations = {} as Record<Relation, CalibrationWeights['relations'][Relation]>;
      for (const r of CALIBRATED_RELATIONS) {
        const o = offset(r);
        const signals: Record<string, number> = {};
        vocabulary.forEach((k, i) => {
          const v = w[o + 2 + i]!;
          if (Math.abs(v) >= 1e-6) signals[k] = round(v);
        });
        relations[r] = { bias: round(w[o]!), logit: round(w[o + 1]!), signals };
      }
      return { rows, l2, intercept: round(w[0]!), kinds: round(w[1]!), relations };
    },
  };
}

/** Six decimals keep model.json short and its scores the same to the third decimal. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function fitCalibration(rows: readonly JudgedRow[], l2: number): CalibrationWeights {
  const vocabulary = [...new Set(rows.flatMap((r) => r.signals))].sort();
  const l = layout(vocabulary);
  const fit = fitLogistic(
    rows.map((r) => l.row(r)),
    rows.map((r) => (r.right ? 1 : 0)),
    l2,
  );
  return l.weights(fit.weights, rows.length, l2);
}

/** Sets dealt into `folds` groups after a seeded shuffle. */
export function foldsOf(sets: readonly string[], folds: number, seed: number): string[][] {
  const names = [...new Set(sets)].sort();
  const rnd = mulberry32(seed);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const out: string[][] = Array.from({ length: Math.min(folds, names.length) }, () => []);
  names.forEach((n, i) => out[i % out.length]!.push(n));
  return out;
}

/** Each row's calibrated confidence from a model fitted without its fold. */
export function outOfFold(
  rows: readonly JudgedRow[],
  l2: number,
  folds: number,
  seed: number,
): number[] {
  const scores = new Array<number>(rows.length).fill(0);
  for (const fold of foldsOf(
    rows.map((r) => r.set),
    folds,
    seed,
  )) {
    const inFold = new Set(fold);
    const fitted = fitCalibration(
      rows.filter((r) => !inFold.has(r.set)),
      l2,
    );
    const cal = { ...fitted, command: '', created: '', seed, sets: [], relationBuild: '' };
    rows.forEach((r, i) => {
      if (inFold.has(r.set))
        scores[i] = calibratedConfidence(cal, r.relation, r.confidence, r.signals);
    });
  }
  return scores;
}

/** Links shown at a threshold and how many of them are right. */
export function shownAt(
  rows: readonly JudgedRow[],
  scores: readonly number[],
  threshold: number,
): { shown: number; right: number; precision: number } {
  let shown = 0;
  let right = 0;
  rows.forEach((r, i) => {
    if (scores[i]! < threshold) return;
    shown++;
    if (r.right) right++;
  });
  return { shown, right, precision: shown ? right / shown : 0 };
}
