/** Test factory: a claim's facets with nothing extracted, overridden field by field. */
import type { ClaimFacets } from '../../src/claims/extraction/types.js';

export function makeFacets(over: Partial<ClaimFacets> = {}): ClaimFacets {
  return {
    dates: [],
    durations: [],
    quantities: [],
    actors: [],
    negations: [],
    attribution: null,
    hedges: [],
    question: false,
    ...over,
  };
}
