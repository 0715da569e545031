/**
 * Document-level stance from sentence-level links: how a source as a whole stands toward
 * another. The verdict is derived from the links a researcher sees, never computed apart.
 */
import { loadModel } from './classifier.js';
import type { Relation } from './types.js';

/**
 * Display threshold when the model file names none: conservative, since a researcher should
 * see the few links that are likely right. On the example corpus with the committed model,
 * about a third of all classified links clear it.
 */
export const FALLBACK_MIN_CONFIDENCE = 0.7;

/**
 * The confidence a link must reach to be shown by default (Claim.links, compareSources, the
 * comparison page): chosen on development data for precision >= 0.8 and stored in the model
 * file. `minConfidence: 0` in the API shows every link.
 */
export function defaultMinConfidence(): number {
  const m = loadModel().display?.minConfidence;
  return typeof m === 'number' && Number.isFinite(m) && m >= 0 && m <= 1
    ? m
    : FALLBACK_MIN_CONFIDENCE;
}

/** The threshold to apply: the caller's when given (0 shows all), else the default. */
export function effectiveMinConfidence(asked: number | null | undefined): number {
  return asked === null || asked === undefined ? defaultMinConfidence() : asked;
}

export interface StancePair {
  relation: Relation | null;
  confidence: number;
}

/**
 * How strongly each relation counts in the vote. A single confident contradiction is
 * meaningful in a document that otherwise reports the claim (rebuttals are usually one
 * or two sentences in a body that restates the claim), so it outweighs a discussing link.
 */
export const STANCE_WEIGHTS: Record<Relation, number> = {
  CONTRADICTS: 1.6,
  CORROBORATES: 1.15,
  DISCUSSES: 1,
};

/**
 * Links weaker than this do not make a document related on their own. Was 0.35; a claim-check
 * answer (classifier.ts) is often weaker than that and is the only link two one-sentence
 * sources have. At 0.15 FNC-1 held-out stays where it was (FNC score 75.2 -> 75.5, macro-F1
 * 0.540), and SNLI goes 62 -> 72 %, FEVER 47 -> 52 % (docs/quality.md).
 */
export const MIN_LINK_CONFIDENCE = 0.15;

export function aggregateStance(pairs: StancePair[]): Relation | null {
  const score: Record<Relation, number> = { CONTRADICTS: 0, CORROBORATES: 0, DISCUSSES: 0 };
  let strongest = 0;
  for (const p of pairs) {
    if (p.relation === null) continue;
    score[p.relation] += STANCE_WEIGHTS[p.relation] * p.confidence;
    if (p.confidence > strongest) strongest = p.confidence;
  }
  if (strongest < MIN_LINK_CONFIDENCE) return null;
  let best: Relation | null = null;
  let bestScore = 0;
  // Fixed order makes ties deterministic: the more specific stance wins.
  for (const r of ['CONTRADICTS', 'CORROBORATES', 'DISCUSSES'] as const) {
    if (score[r] > bestScore) {
      bestScore = score[r];
      best = r;
    }
  }
  return best;
}
