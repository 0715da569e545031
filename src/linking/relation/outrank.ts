/**
 * Links that neither of their statements prefers (pure). A statement usually speaks of one
 * thing another source also tells, and that source tells it in one or two sentences; when a
 * statement's link to a sentence of another source is weaker than its link to a different
 * sentence of that source, and the same holds from the other side, the link joins two
 * statements that each have a better partner there. On the first runs of 22 probe sets by new
 * writers (text the linker had never read), such links were right 5 times in 34 shown; on the
 * 55 probe sets after their mends, 7 in 19. They stay stored and queryable (minConfidence: 0)
 * with a signal that names the stronger links, but weaker than the display threshold. A link
 * that compares a figure, a date or another slot is kept as it is.
 */
import type { LinkSignal, Relation } from './types.js';

/** One classified pair of a linking batch, in the direction it was asked. */
export interface ClassifiedPair {
  claimId: string;
  claimSourceId: string;
  claimText: string;
  evidenceId: string;
  evidenceSourceId: string;
  evidenceText: string;
  relation: Relation | null;
  confidence: number;
  /** Its signals' kinds: a link that compares a slot is never outranked. */
  signalKinds: readonly string[];
}

/** The stronger partner on each side of an outranked link. */
export interface Outranked {
  /** The claim's stronger link into the evidence's source: its partner and confidence. */
  claimSide: { text: string; confidence: number };
  /** The evidence's stronger link into the claim's source. */
  evidenceSide: { text: string; confidence: number };
}

/**
 * Signals that compare one fact of the two statements: a figure, a date, a length, who did it,
 * a denial or correction, opposite states, what was hit. A link with one says something its
 * statements' stronger links may not (a sentence that gives both a start and a length meets
 * one sentence on each); outranked links with such a signal were right 3 times in 8 on the
 * first runs, those without 2 in 26.
 */
const COMPARED_SLOTS = new Set([
  'QUANTITY_MISMATCH',
  'QUANTITY_AGREEMENT',
  'DATE_MISMATCH',
  'DATE_AGREEMENT',
  'DURATION_MISMATCH',
  'DURATION_AGREEMENT',
  'ACTOR_SWAP',
  'DENIAL',
  'CORRECTION',
  'CORRECTION_CONSISTENT',
  'ANTONYM',
  'EXCLUSION',
  'FACT_AGREEMENT',
]);

/**
 * An outranked link's confidence is multiplied by this: about what such links were right on
 * text the linker had never read (5 in 34), and for any link confidence up to 1 below every
 * display threshold chosen so far (0.52).
 */
export const OUTRANKED_FACTOR = 0.5;

/**
 * For each pair (by index) whose link is weaker than another link of its claim into the
 * evidence's source and weaker than another link of its evidence into the claim's source.
 * The same two statements asked in both directions (a batch holding both sources) are one
 * link: a partner is always another statement. Ties outrank nothing, and a link that compares
 * a slot (COMPARED_SLOTS) is never outranked, though it may outrank others.
 */
export function outrankedPairs(pairs: readonly ClassifiedPair[]): Map<number, Outranked> {
  // The strongest link of each statement into each other source, partner by partner.
  const best = new Map<string, Map<string, { text: string; confidence: number }>>();
  const note = (id: string, otherSource: string, partner: string, text: string, c: number) => {
    const key = `${id}|${otherSource}`;
    let partners = best.get(key);
    if (!partners) best.set(key, (partners = new Map()));
    const seen = partners.get(partner);
    if (!seen || seen.confidence < c) partners.set(partner, { text, confidence: c });
  };
  for (const p of pairs) {
    if (p.relation === null) continue;
    note(p.claimId, p.evidenceSourceId, p.evidenceId, p.evidenceText, p.confidence);
    note(p.evidenceId, p.claimSourceId, p.claimId, p.claimText, p.confidence);
  }
  /** The strongest link of `id` into `otherSource` to a partner other than `except`. */
  const strongestBesides = (id: string, otherSource: string, except: string) => {
    let top: { text: string; confidence: number } | null = null;
    for (const [partner, link] of best.get(`${id}|${otherSource}`) ?? []) {
      if (partner !== except && (!top || link.confidence > top.confidence)) top = link;
    }
    return top;
  };
  const out = new Map<number, Outranked>();
  pairs.forEach((p, i) => {
    if (p.relation === null || p.signalKinds.some((k) => COMPARED_SLOTS.has(k))) return;
    // Both directions of one pair carry the pair's stronger confidence, as the link stored.
    const own = best.get(`${p.claimId}|${p.evidenceSourceId}`)!.get(p.evidenceId)!.confidence;
    const claimSide = strongestBesides(p.claimId, p.evidenceSourceId, p.evidenceId);
    const evidenceSide = strongestBesides(p.evidenceId, p.claimSourceId, p.claimId);
    if (claimSide && evidenceSide && claimSide.confidence > own && evidenceSide.confidence > own)
      out.set(i, { claimSide, evidenceSide });
  });
  return out;
}

/** Cuts a statement for a signal's detail. */
function clip(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77).trimEnd()}...`;
}

/** The signal an outranked link carries, and its lowered confidence. */
export function outrankedSignal(
  o: Outranked,
  confidence: number,
): { signal: LinkSignal; confidence: number } {
  const lowered = confidence * OUTRANKED_FACTOR;
  const pct = (c: number) => c.toFixed(2);
  return {
    confidence: lowered,
    signal: {
      kind: 'OUTRANKED',
      detail:
        `each side is linked more strongly to another statement of the other's source ` +
        `("${clip(o.claimSide.text)}", ${pct(o.claimSide.confidence)}; ` +
        `"${clip(o.evidenceSide.text)}", ${pct(o.evidenceSide.confidence)}), so this link is ` +
        `kept but weaker: confidence ${pct(confidence)} -> ${pct(lowered)}`,
      left: null,
      right: null,
      weight: 0.05,
    },
  };
}
