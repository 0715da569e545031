import { chainEvents, GENESIS_HASH } from '../../../../src/provenance/audit/audit-chain.js';
import {
  verifyChain,
  type StoredAuditEvent,
} from '../../../../src/provenance/audit/audit-verify.js';

const stored = (): StoredAuditEvent[] =>
  chainEvents(
    [1, 2, 3, 4].map((i) => ({
      workspaceId: '00000000-0000-4000-8000-000000000001',
      actor: 'user:ana',
      action: `test.${i}`,
      subjectType: 'Claim',
      subjectId: `claim-${i}`,
      details: { i, nested: { b: 1, a: [1, 2] } },
      createdAt: new Date(Date.UTC(2031, 8, 20, 12, 0, i)),
    })),
    GENESIS_HASH,
  ).map((e, i) => ({ ...e, seq: String(i + 1) }));

describe('verifyChain', () => {
  it('accepts an untouched chain and returns its head', () => {
    const events = stored();
    expect(verifyChain(events)).toEqual({
      valid: true,
      checked: 4,
      headHash: events[3]!.hash,
      firstBreak: null,
    });
  });

  it('accepts details whose keys come back in another order (JSONB reorders them)', () => {
    const events = stored();
    events[1]!.details = { nested: { a: [1, 2], b: 1 }, i: 2 };
    expect(verifyChain(events).valid).toBe(true);
  });

  it('names the edited event', () => {
    const events = stored();
    events[2]!.details = { ...events[2]!.details, i: 99 };
    const result = verifyChain(events);
    expect(result.valid).toBe(false);
    expect(result.checked).toBe(3);
    expect(result.firstBreak).toMatchObject({
      seq: '3',
      reason: 'HASH_MISMATCH',
      found: events[2]!.hash,
    });
  });

  it('names the event after a deleted one', () => {
    const events = stored();
    events.splice(1, 1);
    expect(verifyChain(events).firstBreak).toEqual({
      seq: '3',
      reason: 'PREV_HASH_MISMATCH',
      expected: events[0]!.hash,
      found: events[1]!.prevHash,
    });
  });

  it('catches an edit whose own hash was recomputed, at the next event', () => {
    const events = stored();
    const { hash: _old, ...rest } = events[1]!;
    const forged = chainEvents([{ ...rest, actor: 'user:mallory' }], rest.prevHash)[0]!;
    events[1] = { ...forged, seq: '2' };
    expect(verifyChain(events).firstBreak).toMatchObject({
      seq: '3',
      reason: 'PREV_HASH_MISMATCH',
    });
  });
});
