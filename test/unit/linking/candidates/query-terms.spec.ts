import { facetKeys } from '../../../../src/claims/facet-keys.js';
import { pairQuery, queryTerms } from '../../../../src/linking/candidates/query-terms.js';
import { nearDuplicateKeys } from '../../../../src/claims/near-duplicate-keys.js';
import { makeFacets } from '../../../support/facets.js';

const empty = makeFacets();

describe('candidate keys', () => {
  it('turns dates, counted things, events and durations into index keys', () => {
    const keys = facetKeys({
      ...empty,
      dates: [
        {
          text: 'September 19-20',
          start: '2031-09-19',
          end: '2031-09-20',
          precision: 'day',
          relative: false,
        },
        {
          text: 'in May 2030',
          start: '2030-05-01',
          end: '2030-05-31',
          precision: 'month',
          relative: false,
        },
      ],
      quantities: [
        { text: 'two civilians', value: 2, unit: null, counted: 'civilian', event: 'kill' },
      ],
      durations: [{ text: '23 hours', seconds: 82800 }],
    });
    expect(keys).toEqual([
      'count:civilian',
      'date:2031-09-19',
      'date:2031-09-20',
      'duration',
      'event:kill',
      // A count of the harmed (eighteenth session): found by every other count of the harmed.
      'frame:harm',
      'month:2030-05',
    ]);
  });

  it('caps long date ranges', () => {
    const keys = facetKeys({
      ...empty,
      dates: [
        {
          text: 'a year',
          start: '2030-01-01',
          end: '2030-12-31',
          precision: 'day',
          relative: false,
        },
      ],
    });
    expect(keys).toHaveLength(8);
  });

  it('searches with the rarest words only, as plain alphanumerics', () => {
    const idf = {
      idf: new Map([
        ['said', 0.1],
        ['armi', 0.5],
        ['kill', 1.2],
      ]),
      unseen: 9,
    };
    const terms = queryTerms(
      "The army said Dorvik's mayor & 3 'civilians' were killed | !",
      idf,
      3,
    );
    expect(terms).toHaveLength(3);
    for (const t of terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(terms).not.toContain('said');
    expect(terms).toContain('dorvik');
  });
});

describe('candidate queries', () => {
  it('asks for two shared rare words, or the one there is', () => {
    expect(pairQuery(['dorvik', 'shell', 'mayor'])).toBe(
      '(dorvik & shell) | (dorvik & mayor) | (shell & mayor)',
    );
    expect(pairQuery(['dorvik'])).toBe('dorvik');
    expect(pairQuery([])).toBe('');
  });

  it('gives near-copies a shared MinHash band and unrelated sentences none', () => {
    const wire =
      'The convoy struck an anti-tank mine on the road between Tarsk and Dorvik on Thursday evening.';
    const copy =
      'The convoy struck an anti-tank mine on the road between Tarsk and Dorvik late on Thursday evening.';
    const other =
      'Heavy rain closed three schools in the northern districts of the capital on Monday morning.';
    const shared = (a: string, b: string) =>
      nearDuplicateKeys(a).filter((k) => nearDuplicateKeys(b).includes(k)).length;
    expect(nearDuplicateKeys(wire)).toHaveLength(4);
    expect(shared(wire, wire)).toBe(4);
    expect(shared(wire, copy)).toBeGreaterThan(0);
    expect(shared(wire, other)).toBe(0);
    expect(nearDuplicateKeys('Too short to hash.')).toEqual([]);
  });
});
