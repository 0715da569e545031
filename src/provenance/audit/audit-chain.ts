/**
 * The audit log's hash chain (pure). Each event's hash covers its fields and the hash of the
 * workspace's previous event, so editing or deleting any row breaks every hash after it.
 */
import { canonicalJson, sha256Hex } from '../../common/hash.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  workspaceId: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  inputHash?: string | null;
  method?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainedAuditEvent extends AuditEventInput {
  createdAt: Date;
  prevHash: string;
  hash: string;
}

export function hashEvent(event: AuditEventInput & { createdAt: Date }, prevHash: string): string {
  return sha256Hex(
    canonicalJson({
      prevHash,
      workspaceId: event.workspaceId,
      actor: event.actor,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      inputHash: event.inputHash ?? null,
      method: event.method ?? null,
      details: event.details ?? {},
      createdAt: event.createdAt.toISOString(),
    }),
  );
}

/** Chains `events` after `prevHash`, in order. */
export function chainEvents(
  events: (AuditEventInput & { createdAt: Date })[],
  prevHash: string,
): ChainedAuditEvent[] {
  const out: ChainedAuditEvent[] = [];
  let prev = prevHash;
  for (const event of events) {
    const hash = hashEvent(event, prev);
    out.push({ ...event, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}
