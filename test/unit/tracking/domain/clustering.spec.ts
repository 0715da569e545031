import {
  assignClusterIds,
  clusterStatements,
  type ClusterNode,
} from '../../../../src/tracking/domain/clustering.js';
import type { ClaimFacets, QuantityFacet } from '../../../../src/claims/extraction/types.js';
import { makeFacets } from '../../../support/facets.js';

const facets = makeFacets;
const civilians = (value: number, approx: QuantityFacet['approx'] = 'exact'): QuantityFacet => ({
  text: String(value),
  value,
  approx,
  unit: null,
  counted: 'civilian',
  event: 'kill',
});
const node = (
  id: string,
  sourceId: string,
  text: string,
  f: Partial<ClaimFacets> = {},
): ClusterNode => ({
  id,
  sourceId,
  text,
  facets: facets(f),
});

describe('clusterStatements', () => {
  it('joins agreeing statements along links and keeps unlinked ones apart', () => {
    const nodes = [
      node('a', 's1', 'Two civilians were killed in Dorvik.', { quantities: [civilians(2)] }),
      node('b', 's2', '2 civilians died in Dorvik, officials said.', {
        quantities: [civilians(2)],
      }),
      node('c', 's3', 'The crossing remains open.'),
    ];
    expect(clusterStatements(nodes, [{ a: 'a', b: 'b', weight: 0.9 }])).toEqual([
      ['a', 'b'],
      ['c'],
    ]);
  });

  it('refuses a chain that would put two different figures in one cluster', () => {
    const nodes = [
      node('a', 's1', 'Two civilians were killed in Dorvik.', { quantities: [civilians(2)] }),
      node('b', 's2', 'At least two civilians were killed in Dorvik.', {
        quantities: [civilians(2, 'at_least')],
      }),
      node('c', 's3', 'Four civilians were killed in Dorvik.', { quantities: [civilians(4)] }),
    ];
    const groups = clusterStatements(nodes, [
      { a: 'a', b: 'b', weight: 0.9 },
      { a: 'b', b: 'c', weight: 0.8 },
    ]);
    // The stronger link wins; "at least two" then cannot also take "four".
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps statements dated on different days apart', () => {
    const day = (d: string) => ({
      dates: [{ text: d, start: d, end: d, precision: 'day' as const, relative: false }],
    });
    const nodes = [
      node('a', 's1', 'The convoy hit the mine on the evening of 18 September.', day('2031-09-18')),
      node('b', 's2', 'The convoy hit the mine on the evening of 17 September.', day('2031-09-17')),
    ];
    expect(clusterStatements(nodes, [{ a: 'a', b: 'b', weight: 0.95 }])).toEqual([['a'], ['b']]);
  });

  it('does not join a reported denial to the assertion it denies', () => {
    const nodes = [
      node('a', 's1', 'The mine was planted by Kestrian units in the valley.'),
      node('b', 's2', 'Kestria denied that its units planted the mine in the valley.', {
        negations: ['denied'],
      }),
    ];
    expect(clusterStatements(nodes, [{ a: 'a', b: 'b', weight: 0.9, reported: true }])).toEqual([
      ['a'],
      ['b'],
    ]);
  });

  it('ignores links between statements with nothing visibly in common', () => {
    const nodes = [
      node('a', 's1', 'This report is from Meridian Press Wire.'),
      node('b', 's2', 'Aldorian troops abducted eleven residents of Dorvik.'),
    ];
    expect(clusterStatements(nodes, [{ a: 'a', b: 'b', weight: 0.99 }])).toEqual([['a'], ['b']]);
  });

  it('gives the same clusters whatever order the links arrive in', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id, i) =>
      node(id, `s${i}`, 'Border guards were killed in the blast on the Tarsk road.'),
    );
    const edges = [
      { a: 'a', b: 'b', weight: 0.7 },
      { a: 'c', b: 'd', weight: 0.7 },
      { a: 'b', b: 'c', weight: 0.7 },
    ];
    expect(clusterStatements(nodes, [...edges].reverse())).toEqual(clusterStatements(nodes, edges));
  });
});

describe('assignClusterIds', () => {
  it('keeps the id of the old cluster a new group overlaps most, and mints the rest', () => {
    let n = 0;
    const old = new Map([
      ['a', 'K1'],
      ['b', 'K1'],
      ['c', 'K1'],
    ]);
    // K1 split by a rejected link: the larger part keeps the id.
    expect(assignClusterIds([['a'], ['b', 'c']], old, () => `new${++n}`)).toEqual(['new1', 'K1']);
  });
});
