/**
 * Pure rules shared by the providers that re-score the built-in classifier's pairs with a
 * stronger model: which pairs are worth a model call, and how a model's verdict and the
 * built-in signals make one result. No I/O here.
 */
import { createHash } from 'node:crypto';
import type { LinkSignal, Relation, RelationResult } from '../relation/types.js';

/**
 * What a model says about a pair. NEUTRAL (an NLI model's "neither follows nor contradicts")
 * keeps the built-in decision on whether the statements are linked at all, as DISCUSSES.
 */
export type ModelRelation = Relation | 'NEUTRAL' | 'UNRELATED';

export type ModelVerdict =
  | { ok: true; relation: ModelRelation; confidence: number; signal: LinkSignal }
  /** The model gave no usable verdict (quotes not in the texts, budget spent, endpoint down). */
  | { ok: false; signal: LinkSignal };

/**
 * A built-in "no link" at or above this confidence is not worth a model call: the statements
 * share no aligned content. Below it the built-in stage is unsure and the model may see a
 * relation it missed.
 */
export const RESCORE_NONE_BELOW = 0.75;

/** Higher first; null: not worth re-scoring. */
export function rescorePriority(result: RelationResult): number | null {
  if (result.relation) return 1 + result.confidence;
  return result.confidence < RESCORE_NONE_BELOW ? 1 - result.confidence : null;
}

/**
 * Indices of the pairs to send to the model: those the built-in stage keeps, at most `perClaim`
 * per claim (the claim is the pair's first statement), the most promising first. Bounding per
 * claim keeps the model's cost linear in the number of claims, whatever the candidate search
 * returns.
 */
export function planRescoring(
  results: readonly RelationResult[],
  claimKeys: readonly string[],
  perClaim: number,
): number[] {
  const byClaim = new Map<string, { index: number; priority: number }[]>();
  results.forEach((result, index) => {
    const priority = rescorePriority(result);
    if (priority === null) return;
    const key = claimKeys[index]!;
    const list = byClaim.get(key) ?? [];
    list.push({ index, priority });
    byClaim.set(key, list);
  });
  const chosen: number[] = [];
  for (const list of byClaim.values()) {
    list.sort((a, b) => b.priority - a.priority || a.index - b.index);
    for (const item of list.slice(0, perClaim)) chosen.push(item.index);
  }
  return chosen.sort((a, b) => a - b);
}

/** The model sets relation and confidence; the built-in signals still explain the link. */
export function combine(builtin: RelationResult, verdict: ModelVerdict): RelationResult {
  if (!verdict.ok) {
    return { ...builtin, signals: [verdict.signal, ...builtin.signals] };
  }
  let relation: Relation | null;
  if (verdict.relation === 'NEUTRAL') relation = builtin.relation ? 'DISCUSSES' : null;
  else if (verdict.relation === 'UNRELATED') relation = null;
  else relation = verdict.relation;
  return {
    relation,
    confidence:
      relation === null && verdict.relation === 'NEUTRAL' ? builtin.confidence : verdict.confidence,
    signals: [verdict.signal, ...builtin.signals],
  };
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Models see a pair in one canonical order (by text hash), so classify(a,b) and classify(b,a)
 * get the same verdict (the pipeline needs symmetric relations) and share one cache entry.
 */
export function canonicalPair(
  a: string,
  b: string,
): { key: string; texts: [string, string]; swapped: boolean } {
  const ha = textHash(a);
  const hb = textHash(b);
  const swapped = hb < ha;
  return swapped
    ? { key: `${hb}:${ha}`, texts: [b, a], swapped }
    : { key: `${ha}:${hb}`, texts: [a, b], swapped };
}

/** A signal made in canonical order, turned to the caller's order. */
export function orient(signal: LinkSignal, swapped: boolean): LinkSignal {
  return swapped ? { ...signal, left: signal.right, right: signal.left } : signal;
}

/** A weight-0 signal saying why the model's verdict was not used for this pair. */
export function skipped(provider: string, reason: string): ModelVerdict {
  return {
    ok: false,
    signal: {
      kind: 'MODEL_SKIPPED',
      detail: `${provider}: ${reason}; built-in decision kept`,
      left: null,
      right: null,
      weight: 0,
    },
  };
}
