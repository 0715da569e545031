/**
 * Scores used by training (for tuning), the offline evaluation and the evaluation through the
 * service. This is the one copy: eval/lib/metrics.ts re-exports it.
 */
import type { Relation } from '../../src/linking/relation/types.js';

export const STANCES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceLabel = (typeof STANCES)[number];

/** The service's document stance as an FNC-1 label (no stance = unrelated). */
export function relationToStance(r: Relation | null): StanceLabel {
  return r === null
    ? 'unrelated'
    : r === 'CORROBORATES'
      ? 'agree'
      : r === 'CONTRADICTS'
        ? 'disagree'
        : 'discuss';
}

/** The FNC-1 rule, as a percentage of what the gold labels would score. */
export function fncScore(gold: StanceLabel[], pred: StanceLabel[]): number {
  let s = 0;
  let max = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = pred[i];
    max += g === 'unrelated' ? 0.25 : 1;
    if ((g === 'unrelated') === (p === 'unrelated')) s += 0.25;
    if (g !== 'unrelated' && g === p) s += 0.75;
  }
  return (100 * s) / Math.max(max, 1e-9);
}

export function confusion(gold: StanceLabel[], pred: StanceLabel[]): number[][] {
  const m = STANCES.map(() => STANCES.map(() => 0));
  for (let i = 0; i < gold.length; i++) m[STANCES.indexOf(gold[i])][STANCES.indexOf(pred[i])]++;
  return m;
}

export function perClassF1(m: number[][]): number[] {
  return m.map((row, c) => {
    const tp = row[c];
    const fn = row.reduce((a, b) => a + b, 0) - tp;
    const fp = m.reduce((a, r) => a + r[c], 0) - tp;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
}

export function macroF1(m: number[][]): number {
  const f = perClassF1(m);
  return f.reduce((a, b) => a + b, 0) / f.length;
}

/**
 * The confusion matrix as if every gold class had as many pairs (each row scaled to the same
 * total): what a class-balanced test set of the same pairs would show. FNC-1's own test sets
 * are three-quarters unrelated, and a balanced subset weighs the rare classes far more.
 */
export function balancedConfusion(m: number[][]): number[][] {
  return m.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total ? v / total : 0));
  });
}

export function formatConfusion(m: number[][]): string {
  const w = 10;
  const head = 'gold\\pred'.padEnd(w) + STANCES.map((s) => s.padStart(w)).join('');
  const rows = m.map((r, i) => STANCES[i].padEnd(w) + r.map((v) => String(v).padStart(w)).join(''));
  return [head, ...rows].join('\n');
}

/** Reliability table: confidence bins vs accuracy, and the expected calibration error. */
export function calibrationTable(
  items: { confidence: number; correct: boolean }[],
  bins = 10,
): { table: string; ece: number } {
  const n = items.length;
  const rows: string[] = ['bin          n     mean conf   accuracy'];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const inBin = items.filter(
      (it) => it.confidence >= lo && (it.confidence < hi || (b === bins - 1 && it.confidence <= 1)),
    );
    if (inBin.length === 0) continue;
    const conf = inBin.reduce((a, it) => a + it.confidence, 0) / inBin.length;
    const acc = inBin.filter((it) => it.correct).length / inBin.length;
    ece += (inBin.length / n) * Math.abs(conf - acc);
    rows.push(
      `${lo.toFixed(1)}-${hi.toFixed(1)}  ${String(inBin.length).padStart(7)}   ${conf.toFixed(3).padStart(9)}   ${acc.toFixed(3).padStart(8)}`,
    );
  }
  return { table: rows.join('\n'), ece };
}

/** 1-D logistic regression of correctness on logit(p): the Platt map for confidences. */
export function fitPlatt(items: { p: number; correct: boolean }[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  const xs = items.map((it) => {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, it.p));
    return Math.log(q / (1 - q));
  });
  for (let iter = 0; iter < 30; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < xs.length; i++) {
      const z = a * xs[i] + b;
      const s = 1 / (1 + Math.exp(-z));
      const e = s - (items[i].correct ? 1 : 0);
      const w = s * (1 - s);
      ga += e * xs[i];
      gb += e;
      haa += w * xs[i] * xs[i];
      hab += w * xs[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-8) break;
  }
  return { a, b };
}
