import {
  chainEvents,
  GENESIS_HASH,
  hashEvent,
} from '../../../../src/provenance/audit/audit-chain.js';
import { canonicalJson } from '../../../../src/common/hash.js';

const event = (action: string, details: Record<string, unknown> = {}) => ({
  workspaceId: '7d5e0a3c-0000-4000-8000-000000000001',
  actor: 'user:alice',
  action,
  subjectType: 'Source',
  subjectId: 's1',
  details,
  createdAt: new Date('2031-09-20T10:00:00.000Z'),
});

describe('the audit hash chain', () => {
  it('links each event to the one before', () => {
    const [a, b] = chainEvents([event('source.ingested'), event('claims.extracted')], GENESIS_HASH);
    expect(a!.prevHash).toBe(GENESIS_HASH);
    expect(b!.prevHash).toBe(a!.hash);
    expect(a!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes every later hash when an earlier event changes', () => {
    const original = chainEvents([event('a'), event('b'), event('c')], GENESIS_HASH);
    const edited = chainEvents(
      [event('a', { tampered: true }), event('b'), event('c')],
      GENESIS_HASH,
    );
    for (let i = 0; i < 3; i++) expect(edited[i]!.hash).not.toBe(original[i]!.hash);
  });

  it('does not depend on the order object keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(hashEvent(event('x', { a: 1, b: 2 }), GENESIS_HASH)).toBe(
      hashEvent(event('x', { b: 2, a: 1 }), GENESIS_HASH),
    );
  });
});
