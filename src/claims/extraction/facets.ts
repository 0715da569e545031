/**
 * Structured facets of one sentence. Order matters: dates claim their spans first, then
 * durations, then quantities, so "September 19–20, 2023" never yields the counts 19, 20, 2023
 * and "23 hours" is never a count of hours.
 */
import type { AttributionFacet, ClaimFacets, ExtractionContext } from './types.js';
import { tokenize } from '../../text/tokens.js';
import { findDates } from './dates.js';
import { findDurations } from './numbers.js';
import { findQuantities } from './quantities.js';
import { findActors } from './actors.js';
import { findAttribution, findHedges, findNegations } from './cues.js';
import { buildFrame } from './frames.js';

/** Words a publisher's short name for itself may leave out of its full name. */
const NAME_FILLER = new Set(['the', 'of', 'for', 'and', 'our', 'its']);

/**
 * Marks an attribution whose speaker is the publisher itself under a definite short name:
 * "The mission confirmed ..." in the Joint Monitoring Mission's report, "the ministry said" in
 * the Defence Ministry's statement. Every word of the speaker must be in the publisher's name,
 * and it must be a description ("the mission"), not a name: "Kestria said" in Kestria Today is
 * the state, not the outlet.
 */
function selfAware(
  attribution: AttributionFacet | null,
  publisher: string | null | undefined,
): AttributionFacet | null {
  const speaker = attribution?.speaker;
  // "We have confirmed ...", "according to our tracking": the writer's own voice.
  if (attribution && speaker && /^(?:we|our\s+\S.*)$/i.test(speaker.trim()))
    return { ...attribution, self: true };
  if (!attribution || !speaker || !publisher) return attribution;
  const words = (t: string) => t.toLowerCase().match(/\p{L}+/gu) ?? [];
  const own = words(speaker);
  // "the mission", "The mission", "the Defence Ministry": a description.
  if (own[0] !== 'the') return attribution;
  const name = new Set(words(publisher));
  const content = own.filter((w) => !NAME_FILLER.has(w));
  if (content.length === 0 || !content.every((w) => name.has(w))) return attribution;
  return { ...attribution, self: true };
}

export function extractFacets(sentence: string, ctx: ExtractionContext = {}): ClaimFacets {
  const ref = ctx.publishedAt && !Number.isNaN(ctx.publishedAt.getTime()) ? ctx.publishedAt : null;
  const tokens = tokenize(sentence);
  const taken: Array<[number, number]> = [];
  const dates = findDates(sentence, ref, taken);
  const durations = findDurations(sentence, taken);
  const quantities = findQuantities(sentence, tokens, taken);
  const actors = findActors(sentence, tokens, taken, ctx.publisher);
  const facets: ClaimFacets = {
    dates,
    durations,
    quantities,
    actors,
    negations: findNegations(sentence),
    attribution: selfAware(findAttribution(sentence, tokens), ctx.publisher),
    hedges: findHedges(sentence),
    question: /\?["'”’)\]]*\s*$/.test(sentence),
  };
  facets.frame = buildFrame(sentence, facets);
  return facets;
}
