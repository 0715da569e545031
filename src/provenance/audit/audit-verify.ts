/**
 * Recomputes a workspace's audit hash chain event by event (pure, streaming: the caller feeds
 * events in seq order, in batches of any size). An edited row no longer matches its own hash; a
 * deleted or inserted row breaks the next row's link to its predecessor.
 */
import { GENESIS_HASH, hashEvent, type AuditEventInput } from './audit-chain.js';

export interface StoredAuditEvent extends AuditEventInput {
  seq: string;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

export type ChainBreakReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH';

export interface ChainBreak {
  seq: string;
  reason: ChainBreakReason;
  /** What the chain says the value must be. */
  expected: string;
  /** What the row holds. */
  found: string;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  /** Hash of the last event checked: publish it to make later rewriting of the whole tail evident too. */
  headHash: string;
  firstBreak: ChainBreak | null;
}

export class ChainVerifier {
  private prev = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;

  /** Checks the next event; returns false once the chain is broken (later events prove nothing). */
  push(event: StoredAuditEvent): boolean {
    if (this.broken) return false;
    this.checked++;
    if (event.prevHash !== this.prev) {
      this.broken = {
        seq: event.seq,
        reason: 'PREV_HASH_MISMATCH',
        expected: this.prev,
        found: event.prevHash,
      };
      return false;
    }
    const recomputed = hashEvent(event, event.prevHash);
    if (recomputed !== event.hash) {
      this.broken = {
        seq: event.seq,
        reason: 'HASH_MISMATCH',
        expected: recomputed,
        found: event.hash,
      };
      return false;
    }
    this.prev = event.hash;
    return true;
  }

  result(): ChainVerification {
    return {
      valid: this.broken === null,
      checked: this.checked,
      headHash: this.prev,
      firstBreak: this.broken,
    };
  }
}

export function verifyChain(events: Iterable<StoredAuditEvent>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const event of events) if (!verifier.push(event)) break;
  return verifier.result();
}
