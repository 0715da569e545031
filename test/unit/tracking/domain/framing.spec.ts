import { alignedTerms, framingTerms } from '../../../../src/tracking/domain/framing.js';
import { figureTimeline } from '../../../../src/tracking/domain/figures.js';
import { contestedness } from '../../../../src/tracking/domain/cluster-stats.js';
import type { ClaimFacets } from '../../../../src/claims/extraction/types.js';
import { makeFacets } from '../../../support/facets.js';

describe('framing terms', () => {
  it('pairs the differing names two statements give the same referent', () => {
    expect(
      alignedTerms(
        'On 19 September units of the Border Guard began counter-terrorism measures against the separatist regime in Dorvik.',
        'On 19 September units of the Border Guard began a military aggression against the local authorities in Dorvik.',
      ),
    ).toEqual([
      ['counter-terrorism measures', 'military aggression'],
      ['separatist regime', 'local authorities'],
    ]);
  });

  it('skips differences in figures and dates: those are facts, not framing', () => {
    expect(
      alignedTerms(
        'Two civilians were killed in Dorvik on 19 September.',
        'Four civilians were killed in Dorvik on 18 September.',
      ),
    ).toEqual([]);
  });

  it('needs enough shared wording to align at all', () => {
    expect(
      alignedTerms('The crossing remains open.', 'Militants used homes as firing positions.'),
    ).toEqual([]);
  });

  it('collects the terms per publisher, never across one publisher', () => {
    const statements = [
      {
        claimId: 'a',
        publisherId: 'asna',
        text: 'Units of the Border Guard began counter-terrorism measures in Dorvik village.',
        markedFraming: false,
      },
      {
        claimId: 'b',
        publisherId: 'kt',
        text: 'Units of the Border Guard began military aggression in Dorvik village.',
        markedFraming: true,
      },
      {
        claimId: 'c',
        publisherId: 'asna',
        text: 'Units of the Border Guard began an operation in Dorvik village.',
        markedFraming: false,
      },
    ];
    expect(
      framingTerms(statements, [
        ['a', 'b'],
        ['a', 'c'],
      ]),
    ).toEqual([
      { publisherId: 'asna', terms: ['counter-terrorism measures'] },
      { publisherId: 'kt', terms: ['military aggression'] },
    ]);
  });
});

describe('figure timeline and ranking', () => {
  const q = (value: number): ClaimFacets =>
    makeFacets({
      quantities: [{ text: String(value), value, unit: null, counted: 'civilian', event: 'kill' }],
    });

  it("shows a cluster's figure and its rivals' in order of appearance", () => {
    const points = figureTimeline('two', [
      {
        claimId: 'k',
        clusterId: 'four',
        sourceId: 'kt',
        seenAt: new Date('2031-09-20T11:00Z'),
        facets: q(4),
      },
      {
        claimId: 'a',
        clusterId: 'two',
        sourceId: 'asna',
        seenAt: new Date('2031-09-20T09:00Z'),
        facets: q(2),
      },
    ]);
    expect(points.map((p) => [p.value, p.sourceId])).toEqual([
      [2, 'asna'],
      [4, 'kt'],
    ]);
  });

  it('ranks balanced disputes above one-sided ones', () => {
    expect(contestedness(5, 5)).toBeGreaterThan(contestedness(10, 1));
    expect(contestedness(3, 0)).toBeLessThan(contestedness(1, 1));
  });
});
