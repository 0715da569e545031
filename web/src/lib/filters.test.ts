import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  applyFilters,
  countByRelation,
  filtersFromParams,
  filtersToParams,
  type Filters,
} from './filters';

const pair = (relation: any, confidence: number, status: any = 'SUGGESTED') => ({
  link: { relation, confidence, status },
});

describe('filters', () => {
  const pairs = [
    pair('CONTRADICTS', 0.9),
    pair('CONTRADICTS', 0.3),
    pair('CORROBORATES', 0.2, 'CONFIRMED'),
    pair('DISCUSSES', 0.6),
    pair('CORROBORATES', 0.95, 'REJECTED'),
  ];

  it('filters by relation and confidence; confirmed links pass any threshold', () => {
    const f: Filters = {
      ...DEFAULT_FILTERS,
      relations: { CONTRADICTS: true, CORROBORATES: true, DISCUSSES: false },
      minConfidence: 0.5,
    };
    expect(applyFilters(pairs, f)).toEqual([pairs[0], pairs[2]]);
  });

  it('hides rejected links unless asked', () => {
    expect(applyFilters(pairs, DEFAULT_FILTERS)).not.toContain(pairs[4]);
    expect(applyFilters(pairs, { ...DEFAULT_FILTERS, showRejected: true })).toContain(pairs[4]);
  });

  it('counts per relation under the confidence filter', () => {
    expect(countByRelation(pairs, { ...DEFAULT_FILTERS, minConfidence: 0.5 })).toEqual({
      CONTRADICTS: 1,
      CORROBORATES: 1,
      DISCUSSES: 1,
    });
  });

  it('round-trips through the URL', () => {
    const f: Filters = {
      ...DEFAULT_FILTERS,
      relations: { CONTRADICTS: true, CORROBORATES: false, DISCUSSES: false },
      minConfidence: 0.45,
    };
    const p = new URLSearchParams('left=a&right=b');
    filtersToParams(f, p);
    expect(p.get('left')).toBe('a');
    expect(filtersFromParams(p)).toEqual(f);
    filtersToParams(DEFAULT_FILTERS, p);
    expect(p.toString()).toBe('left=a&right=b');
  });

  it('leaves the threshold to the service until the user sets one; 0 asks for every link', () => {
    const p = new URLSearchParams('left=a&right=b');
    expect(filtersFromParams(p).minConfidence).toBeNull();
    filtersToParams({ ...DEFAULT_FILTERS, minConfidence: 0 }, p);
    expect(p.get('min')).toBe('0.00');
    expect(filtersFromParams(p).minConfidence).toBe(0);
    expect(filtersFromParams(new URLSearchParams('min=')).minConfidence).toBeNull();
  });
});
