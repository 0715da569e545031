/**
 * Structured facets of one sentence. Order matters: dates claim their spans first, then
 * durations, then quantities, so "September 19–20, 2023" never yields the counts 19, 20, 2023
 * and "23 hours" is never a count of hours.
 */
import type { ClaimFacets, ExtractionContext } from './types.js';
import { tokenize } from './text.js';
import { findDates } from './dates.js';
import { findDurations } from './numbers.js';
import { findQuantities } from './quantities.js';
import { findActors } from './actors.js';
import { findAttribution, findHedges, findNegations } from './cues.js';
import { buildFrame } from './frames.js';

export function extractFacets(sentence: string, ctx: ExtractionContext = {}): ClaimFacets {
  const ref = ctx.publishedAt && !Number.isNaN(ctx.publishedAt.getTime()) ? ctx.publishedAt : null;
  const tokens = tokenize(sentence);
  const taken: Array<[number, number]> = [];
  const dates = findDates(sentence, ref, taken);
  const durations = findDurations(sentence, taken);
  const quantities = findQuantities(sentence, tokens, taken);
  const actors = findActors(sentence, tokens, taken);
  const facets: ClaimFacets = {
    dates,
    durations,
    quantities,
    actors,
    negations: findNegations(sentence),
    attribution: findAttribution(sentence, tokens),
    hedges: findHedges(sentence),
    question: /\?["'”’)\]]*\s*$/.test(sentence),
  };
  facets.frame = buildFrame(sentence, facets);
  return facets;
}
