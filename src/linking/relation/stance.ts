/**
 * Document-level stance from sentence-level links: how a source as a whole stands toward
 * another. The verdict is derived from the links a researcher sees, never computed apart.
 */
import type { Relation } from './types.js';

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

/** Links weaker than this do not make a document related on their own. */
export const MIN_LINK_CONFIDENCE = 0.35;

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
