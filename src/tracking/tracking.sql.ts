/** SQL fragments and row types the tracking repositories share. */

export interface LinkEdge {
  aId: string;
  bId: string;
  relation: 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES';
  confidence: number;
  confirmed: boolean;
}

export interface RawLink {
  a_id: string;
  b_id: string;
  relation: LinkEdge['relation'];
  confidence: number;
  status: string;
}

export const toLinkEdge = (r: RawLink): LinkEdge => ({
  aId: r.a_id,
  bId: r.b_id,
  relation: r.relation,
  confidence: Number(r.confidence),
  confirmed: r.status === 'CONFIRMED',
});

/** A link counts when no reviewer rejected it and a reviewer confirmed it or the linker is sure enough. */
export const STRONG = (alias: string, param: string) =>
  `${alias}.status <> 'REJECTED' AND (${alias}.status = 'CONFIRMED' OR ${alias}.confidence >= ${param})`;

/**
 * A contradiction makes two clusters rivals only when the two statements are visibly about the
 * same thing (a shared date, counted thing or event, or much shared wording); the linker's
 * CONTRADICTS between loosely related sentences would otherwise make every cluster a rival of
 * every other.
 */
export const SAME_SUBJECT = `(ca.facet_keys && cb.facet_keys OR similarity(ca.text, cb.text) >= 0.3)`;
