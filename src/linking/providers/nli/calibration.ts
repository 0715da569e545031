/**
 * Temperature scaling for an NLI model's confidence, fitted on a labelled development set:
 * the one-parameter calibration that keeps the model's decisions and fixes over- or
 * under-confidence (Guo et al. 2017). Pure; the CLI reads the data and runs the model.
 */
import {
  NLI_LABELS,
  symmetricProbs,
  type LabelIndex,
  type NliLabel,
  type NliRaw,
} from './nli-labels.js';

export interface CalibrationFile {
  method: 'temperature';
  temperature: number;
  /** The model file this was fitted for; a different file warns at start. */
  modelSha256: string;
  examples: number;
  nllBefore: number;
  nllAfter: number;
  accuracy: number;
  fittedAt: string;
}

export function negLogLikelihood(
  raws: readonly NliRaw[],
  gold: readonly NliLabel[],
  labels: LabelIndex,
  temperature: number,
): number {
  let total = 0;
  raws.forEach((raw, i) => {
    const p = symmetricProbs(raw, labels, temperature)[gold[i]!];
    total -= Math.log(Math.max(p, 1e-12));
  });
  return total / Math.max(1, raws.length);
}

/** Golden-section search on log T in [0.05, 20]; NLL is unimodal in T for softmax outputs. */
export function fitTemperature(
  raws: readonly NliRaw[],
  gold: readonly NliLabel[],
  labels: LabelIndex,
): number {
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const f = (x: number) => negLogLikelihood(raws, gold, labels, Math.exp(x));
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 80; i++) {
    if (fc < fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = f(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = f(d);
    }
  }
  return Math.exp((lo + hi) / 2);
}

export function accuracy(
  raws: readonly NliRaw[],
  gold: readonly NliLabel[],
  labels: LabelIndex,
): number {
  let right = 0;
  raws.forEach((raw, i) => {
    const p = symmetricProbs(raw, labels, 1);
    const best = NLI_LABELS.reduce((a, b) => (p[b] > p[a] ? b : a));
    if (best === gold[i]) right++;
  });
  return right / Math.max(1, raws.length);
}

/** Dev-set labels in either vocabulary: NLI (entailment/neutral/contradiction) or link relations. */
export function goldLabel(value: string): NliLabel | null {
  const v = value.trim().toLowerCase();
  if (v === 'entailment' || v === 'corroborates' || v === 'supports' || v === 'agree')
    return 'entailment';
  if (v === 'contradiction' || v === 'contradicts' || v === 'refutes' || v === 'disagree')
    return 'contradiction';
  if (v === 'neutral' || v === 'discusses' || v === 'not enough info') return 'neutral';
  return null;
}
