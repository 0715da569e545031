import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '../../../src/common/pagination.js';
import { DomainError } from '../../../src/common/errors.js';

describe('pagination', () => {
  it('round-trips keyset cursors', () => {
    const cursor = encodeCursor(['2031-09-19T00:00:00.000Z', 'b1f0']);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual([
      '2031-09-19T00:00:00.000Z',
      'b1f0',
    ]);
  });

  it.each([
    '%%%',
    encodeCursor([1, 2]),
    encodeCursor(['a']),
    Buffer.from('{"a":1}').toString('base64url'),
    encodeCursor([Number.NaN]),
  ])('rejects the malformed cursor %s with BAD_USER_INPUT', (cursor) => {
    try {
      decodeCursor(cursor, ['string', 'string']);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(200)).toBe(200);
    expect(() => pageSize(0)).toThrow(/between 1 and 200/);
    expect(() => pageSize(201)).toThrow(/between 1 and 200/);
  });

  it('builds a connection from limit + 1 rows', () => {
    const c = toConnection([{ i: 1 }, { i: 2 }, { i: 3 }], 2, 10, (r) => [r.i]);
    expect(c.edges.map((e) => e.node.i)).toEqual([1, 2]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(c.totalCount).toBe(10);
    expect(toConnection([], 2, 0, () => []).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });
});
