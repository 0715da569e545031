/**
 * Which of the classified pairs become stored links. A researcher reads a claim's links to
 * find the few statements elsewhere that confirm or dispute it; thirty DISCUSSES links to
 * every sentence that mentions the same village bury them. Measured on the example corpus
 * (7 articles, 122 linkable statements): every pair classified gives ~950 links, ~450 of
 * them DISCUSSES; the gold has 40, and no gold claim has more than two links of one relation
 * into one other source.
 *
 * Per statement and other source, at most `perRelation` links of each relation (the most
 * confident), and at most `perSource` in all; applied from both ends of each pair, so a
 * statement that many claims discuss is not swamped either. Pure and order-independent.
 */
import type { Relation } from './types.js';

export interface SelectableLink {
  claimId: string;
  claimSourceId: string;
  evidenceId: string;
  evidenceSourceId: string;
  relation: Relation;
  confidence: number;
  signals?: readonly { kind: string }[];
}

export interface SelectionLimits {
  /** Per statement, other source and relation. */
  perRelation: Record<Relation, number>;
  /** Per statement and other source, all relations together. */
  perSource: number;
}

export const DEFAULT_SELECTION: SelectionLimits = {
  perRelation: { CONTRADICTS: 3, CORROBORATES: 2, DISCUSSES: 2 },
  perSource: 4,
};

/**
 * Signals that tie a link to the text (a compared figure, date, length, agent, a negation or
 * denial of the other's words, the same facts): a link with one outranks a more confident
 * link the model made from word overlap alone, which a researcher cannot check.
 */
const EXPLAINING = new Set([
  'QUANTITY_MISMATCH',
  'QUANTITY_AGREEMENT',
  'DATE_MISMATCH',
  'DATE_AGREEMENT',
  'DURATION_MISMATCH',
  'DURATION_AGREEMENT',
  'ACTOR_SWAP',
  'NEGATION',
  'ANTONYM',
  'FACT_AGREEMENT',
  'DENIAL',
  'CORRECTION',
  'CORRECTION_CONSISTENT',
  'EVENT_AGREEMENT',
]);

function explained(l: SelectableLink): number {
  return l.signals?.some((s) => EXPLAINING.has(s.kind)) ? 1 : 0;
}

export function selectLinks<T extends SelectableLink>(
  links: readonly T[],
  limits: SelectionLimits = DEFAULT_SELECTION,
): T[] {
  // Explained links first, then the most confident; ids break ties so the result does not depend on the input order.
  const order = [...links].sort(
    (a, b) =>
      explained(b) - explained(a) ||
      b.confidence - a.confidence ||
      (a.claimId + a.evidenceId < b.claimId + b.evidenceId ? -1 : 1),
  );
  const perRelation = new Map<string, number>();
  const perSource = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const kept: T[] = [];
  for (const l of order) {
    const ends = [`${l.claimId}|${l.evidenceSourceId}`, `${l.evidenceId}|${l.claimSourceId}`];
    if (
      ends.some(
        (e) =>
          (perRelation.get(`${e}|${l.relation}`) ?? 0) >= limits.perRelation[l.relation] ||
          (perSource.get(e) ?? 0) >= limits.perSource,
      )
    )
      continue;
    for (const e of ends) {
      bump(perRelation, `${e}|${l.relation}`);
      bump(perSource, e);
    }
    kept.push(l);
  }
  return kept;
}
