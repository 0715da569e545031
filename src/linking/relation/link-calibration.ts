/**
 * How often a link like this one is right (pure). The classifier's confidence says how sure
 * the model and the rules are of a relation; it does not say how often links of that relation
 * with those signals turned out right on text the linker had not been tuned on. On the probe
 * sets, a DISCUSSES link carried only by an attribution, or by an event both statements name
 * and nothing else, was right far less often than its confidence said, and a contradiction with
 * a duration or a figure behind it far more often.
 *
 * So the stored confidence of a link between two statements that each have companions in
 * their sources is a logistic model of "this link is right" over its relation, the logit of
 * the classifier's confidence, and which signal kinds it carries, each read per relation.
 * `npm run train:calibration` fits it on every probe set's gold (examples/probes) through the
 * service, and reports what it does on sets it was not fitted on (docs/quality.md).
 */
import type { Relation } from './types.js';

export const CALIBRATED_RELATIONS: readonly Relation[] = [
  'CORROBORATES',
  'CONTRADICTS',
  'DISCUSSES',
];

/** One relation's part of the model: its own intercept, confidence slope and signal weights. */
export interface RelationWeights {
  bias: number;
  /** Weight of logit(classifier confidence). */
  logit: number;
  /** Weight of each signal kind the link carries (present or not; unseen kinds weigh 0). */
  signals: Record<string, number>;
  /**
   * How much more often (log odds) such links were right on the sets the linker was tuned on
   * than on first runs of new sets. Fitted, recorded, never applied: a researcher's text is new.
   */
  tuned?: number;
}

/** The fitted model as model.json keeps it (ModelJson.linkCalibration). */
export interface LinkCalibrationJson {
  /** The command that fits it. */
  command: string;
  created: string;
  /** Seed of the fold assignment used for the out-of-fold figures. */
  seed: number;
  /** The probe files and first-run records it was fitted on, with their hashes. */
  sets: { file: string; sha256: string }[];
  /** Hash of the compiled relation code whose links it was fitted on. */
  relationBuild: string;
  /** Links it was fitted on (every stored link touching a claim a gold link names). */
  rows: number;
  /** L2 penalty on every weight but the intercept. */
  l2: number;
  intercept: number;
  /** Weight of the number of distinct signal kinds. */
  kinds: number;
  relations: Record<Relation, RelationWeights>;
  /** What it did on sets it was not fitted on, to quote in docs. */
  outOfFold?: Record<string, number | string>;
}

/** Keeps logit() finite for confidences of exactly 0 or 1. */
const EDGE = 1e-4;

export function logit(p: number): number {
  const c = Math.min(1 - EDGE, Math.max(EDGE, p));
  return Math.log(c / (1 - c));
}

/** The distinct signal kinds, sorted (a kind counts once, however many signals carry it). */
export function distinctKinds(kinds: readonly string[]): string[] {
  return [...new Set(kinds)].sort();
}

/** The model's score before the sigmoid. */
export function calibrationScore(
  cal: LinkCalibrationJson,
  relation: Relation,
  confidence: number,
  signalKinds: readonly string[],
): number {
  const w = cal.relations[relation];
  const kinds = distinctKinds(signalKinds);
  let z = cal.intercept + cal.kinds * kinds.length + w.bias + w.logit * logit(confidence);
  for (const k of kinds) z += w.signals[k] ?? 0;
  return z;
}

/** The calibrated confidence: how often such a link was right. */
export function calibratedConfidence(
  cal: LinkCalibrationJson,
  relation: Relation,
  confidence: number,
  signalKinds: readonly string[],
): number {
  return 1 / (1 + Math.exp(-calibrationScore(cal, relation, confidence, signalKinds)));
}
