/**
 * Normalised facet values of a claim as short keys ("date:2031-09-18", "count:civilian"),
 * stored in an indexed array so statements that share a date, a counted thing, an event or a
 * duration are found as link candidates however differently they are worded ("23 hours" vs
 * "three days" share only "duration"). Pure.
 */
import type { ClaimFacets } from './extraction/types.js';

const MAX_RANGE_DAYS = 7;

function* daysOf(start: string, end: string): Generator<string> {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return;
  const days = Math.min(MAX_RANGE_DAYS, Math.round((to - from) / 86_400_000));
  for (let d = 0; d <= days; d++) yield new Date(from + d * 86_400_000).toISOString().slice(0, 10);
}

export function facetKeys(facets: ClaimFacets): string[] {
  const keys = new Set<string>();
  for (const date of facets.dates ?? []) {
    if (date.precision === 'day')
      for (const day of daysOf(date.start, date.end)) keys.add(`date:${day}`);
    else keys.add(`month:${date.start.slice(0, 7)}`);
  }
  for (const q of facets.quantities ?? []) {
    if (q.counted) keys.add(`count:${q.counted}`);
    if (q.event) keys.add(`event:${q.event}`);
  }
  if ((facets.durations ?? []).length) keys.add('duration');
  return [...keys].sort();
}
