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
  /**
   * false: a first run (examples/first-runs/), made before the linker was tuned on the set.
   * Absent or true: a link of the current linker on a set it was tuned on.
   */
  learned?: boolean;
  /**
   * The first-run record (examples/first-runs/ file) that holds the link: the sets one session
   * wrote together and first ran on one commit. Out of fold, such a batch is left out whole.
   */
  batch?: string;
}

/** Whether the rows hold first runs as well as links on learned sets. */
function mixed(rows: readonly JudgedRow[]): boolean {
  return rows.some((r) => r.learned === false) && rows.some((r) => r.learned !== false);
}

export type CalibrationWeights = Omit<
  LinkCalibrationJson,
  'command' | 'created' | 'seed' | 'sets' | 'relationBuild' | 'outOfFold'
>;

/**
 * The design's columns: intercept, kind count, then per relation its bias, logit and kinds,
 * and (with `learnedColumn`) whether the link is on a set the linker was tuned on. Links there
 * are right more often than on new text; the fitted calibration is read with that column at 0,
 * for text the linker has never seen.
 */
function layout(vocabulary: readonly string[], learnedColumn: boolean) {
  const perRelation = 2 + vocabulary.length + (learnedColumn ? 1 : 0);
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
      if (learnedColumn && link.learned !== false) x[o + 2 + vocabulary.length] = 1;
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
        if (learnedColumn) relations[r].tuned = round(w[o + 2 + vocabulary.length]!);
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
  const l = layout(vocabulary, mixed(rows));
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

/**
 * The groups of sets left out together. First runs that name their batch are left out a batch
 * at a time: the sets of one batch were written by one session from one brief and first run on
 * one commit, so they are more like each other than like the next batch, and random folds
 * that split a batch would flatter the measure. Otherwise the sets are dealt into `folds`.
 */
function foldGroups(rows: readonly JudgedRow[], folds: number, seed: number): string[][] {
  const target = rows.filter(scoredIn(rows));
  if (target.length > 0 && target.every((r) => r.batch !== undefined)) {
    const byBatch = new Map<string, Set<string>>();
    for (const r of target) {
      const sets = byBatch.get(r.batch!) ?? new Set<string>();
      sets.add(r.set);
      byBatch.set(r.batch!, sets);
    }
    return [...byBatch.keys()].sort().map((b) => [...byBatch.get(b)!].sort());
  }
  return foldsOf(
    target.map((r) => r.set),
    folds,
    seed,
  );
}

/**
 * Each row's calibrated confidence from a model fitted without its fold. With first runs among
 * the rows, only they are scored (the others are NaN), and a fold's sets are left out of the fit
 * in every form (first run and learned). That is the measure of a new user's text; links on the
 * sets the linker was tuned on would flatter it. Folds are batches where the first runs name
 * them (foldGroups).
 */
export function outOfFold(
  rows: readonly JudgedRow[],
  l2: number,
  folds: number,
  seed: number,
): number[] {
  const scored = scoredIn(rows);
  const scores = new Array<number>(rows.length).fill(Number.NaN);
  for (const fold of foldGroups(rows, folds, seed)) {
    const inFold = new Set(fold);
    const fitted = fitCalibration(
      rows.filter((r) => !inFold.has(r.set)),
      l2,
    );
    const cal = { ...fitted, command: '', created: '', seed, sets: [], relationBuild: '' };
    rows.forEach((r, i) => {
      if (inFold.has(r.set) && scored(r))
        scores[i] = calibratedConfidence(cal, r.relation, r.confidence, r.signals);
    });
  }
  return scores;
}

/** How many groups out of fold (outOfFold) the rows are left out in. */
export function foldCount(rows: readonly JudgedRow[], folds: number, seed: number): number {
  return foldGroups(rows, folds, seed).length;
}

/** The rows scored out of fold: the first runs when there are any, else every row. */
function scoredIn(rows: readonly JudgedRow[]): (r: JudgedRow) => boolean {
  const firstRuns = rows.some((r) => r.learned === false);
  return (r) => !firstRuns || r.learned === false;
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
    // NaN: not scored (outOfFold).
    if (Number.isNaN(scores[i]) || scores[i]! < threshold) return;
    shown++;
    if (r.right) right++;
  });
  return { shown, right, precision: shown ? right / shown : 0 };
}

/**
 * The lower end of the one-sided Wilson interval for a proportion of `right` in `shown`: the
 * precision that a new batch of links clears with probability 1 - alpha, where `z` is the
 * normal quantile of 1 - alpha (1.2816 for 90 %). 0 when nothing is shown.
 */
export function wilsonLower(right: number, shown: number, z: number): number {
  if (shown === 0) return 0;
  const p = right / shown;
  const z2 = z * z;
  const centre = p + z2 / (2 * shown);
  const spread = z * Math.sqrt((p * (1 - p)) / shown + z2 / (4 * shown * shown));
  return (centre - spread) / (1 + z2 / shown);
}

/**
 * The lower end of a one-sided interval for the precision of the links shown at `threshold`,
 * with the links' batches (or sets, where no batch is named) as clusters: the links of one
 * batch are not independent draws, since a batch that the linker reads badly is wrong in many
 * links at once. The variance is the ratio estimator's between clusters (with the k/(k-1)
 * correction). The lower of this and the Wilson bound is returned, so a threshold never rests
 * on fewer grounds than the links taken one by one.
 */
export function clusteredLower(
  rows: readonly JudgedRow[],
  scores: readonly number[],
  threshold: number,
  z: number,
): number {
  const groups = new Map<string, { shown: number; right: number }>();
  rows.forEach((r, i) => {
    if (Number.isNaN(scores[i]) || scores[i]! < threshold) return;
    const key = r.batch ?? r.set;
    const g = groups.get(key) ?? { shown: 0, right: 0 };
    g.shown++;
    if (r.right) g.right++;
    groups.set(key, g);
  });
  const all = [...groups.values()];
  const shown = all.reduce((a, g) => a + g.shown, 0);
  const right = all.reduce((a, g) => a + g.right, 0);
  const wilson = wilsonLower(right, shown, z);
  const k = all.length;
  if (k < 2) return wilson;
  const p = right / shown;
  const mean = shown / k;
  const spread = all.reduce((a, g) => a + (g.right - p * g.shown) ** 2, 0);
  const variance = (k / (k - 1)) * (spread / (k * k * mean * mean));
  return Math.min(wilson, p - z * Math.sqrt(variance));
}
