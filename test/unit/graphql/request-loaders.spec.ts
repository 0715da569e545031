import DataLoader from 'dataloader';
import {
  byId,
  byKey,
  groupedBy,
  RequestLoaders,
  type LoaderSetFactory,
} from '../../../src/graphql/request-loaders.js';

class CountingLoaders implements LoaderSetFactory<{ item: DataLoader<string, string> }> {
  created = 0;
  batches: string[][] = [];
  create() {
    this.created++;
    return {
      item: new DataLoader<string, string>(async (ids) => {
        this.batches.push([...ids]);
        return ids.map((id) => `row ${id}`);
      }),
    };
  }
}

describe('RequestLoaders', () => {
  const factory = new CountingLoaders();
  const resolve = <F>(type: unknown) => {
    if (type !== CountingLoaders) throw new Error('unknown factory');
    return factory as F;
  };

  beforeEach(() => {
    factory.created = 0;
    factory.batches = [];
  });

  it('makes a feature set once per request and batches its loads', async () => {
    const loaders = new RequestLoaders(resolve);
    const rows = await Promise.all([
      loaders.get(CountingLoaders).item.load('a'),
      loaders.get(CountingLoaders).item.load('b'),
      loaders.get(CountingLoaders).item.load('a'),
    ]);
    expect(rows).toEqual(['row a', 'row b', 'row a']);
    expect(factory.created).toBe(1);
    expect(factory.batches).toEqual([['a', 'b']]);
  });

  it('gives each request its own sets (no cache shared across requests)', async () => {
    await new RequestLoaders(resolve).get(CountingLoaders).item.load('a');
    await new RequestLoaders(resolve).get(CountingLoaders).item.load('a');
    expect(factory.created).toBe(2);
    expect(factory.batches).toEqual([['a'], ['a']]);
  });
});

describe('DataLoader result ordering', () => {
  it('orders rows by key with null for a missing one', () => {
    expect(byId(['b', 'x', 'a'], [{ id: 'a' }, { id: 'b' }])).toEqual([
      { id: 'b' },
      null,
      { id: 'a' },
    ]);
    expect(byKey([2, 1], [{ k: 1 }, { k: 2 }], (r) => r.k)).toEqual([{ k: 2 }, { k: 1 }]);
  });

  it('groups rows under each key in their order, [] for a key without rows', () => {
    const rows = [
      { s: 'a', n: 1 },
      { s: 'b', n: 2 },
      { s: 'a', n: 3 },
    ];
    expect(groupedBy(['a', 'c', 'b'], rows, (r) => r.s)).toEqual([
      [rows[0], rows[2]],
      [],
      [rows[1]],
    ]);
  });
});
