import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/prisma.service.js';
import { chainEvents, GENESIS_HASH, type AuditEventInput } from './audit-chain.js';

/**
 * Appends to the audit log. Deliberately has no update or delete: the log is append-only.
 */
@Injectable()
export class AuditRepository {
  /**
   * Appends events for one workspace inside the caller's transaction. The per-workspace
   * advisory lock serialises appends so the chain has no forks; it is taken last, just before
   * the caller commits, to hold it as briefly as possible.
   */
  async append(tx: Tx, workspaceId: string, events: AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`,
      `audit:${workspaceId}`,
    );
    const head = await tx.$queryRawUnsafe<{ hash: string }[]>(
      `SELECT hash FROM audit_event WHERE workspace_id = $1::uuid ORDER BY seq DESC LIMIT 1`,
      workspaceId,
    );
    const now = new Date();
    const chained = chainEvents(
      events.map((e) => ({ ...e, createdAt: now })),
      head[0]?.hash ?? GENESIS_HASH,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO audit_event (workspace_id, actor, action, subject_type, subject_id, input_hash, method, details, created_at, prev_hash, hash)
       SELECT $1::uuid, e.actor, e.action, e.subject_type, e.subject_id, e.input_hash, e.method, e.details::jsonb, $2::timestamptz, e.prev_hash, e.hash
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           WITH ORDINALITY AS e(actor, action, subject_type, subject_id, input_hash, method, details, prev_hash, hash, ord)
        ORDER BY e.ord`,
      workspaceId,
      now,
      chained.map((e) => e.actor),
      chained.map((e) => e.action),
      chained.map((e) => e.subjectType),
      chained.map((e) => e.subjectId),
      chained.map((e) => e.inputHash ?? null),
      chained.map((e) => e.method ?? null),
      chained.map((e) => JSON.stringify(e.details ?? {})),
      chained.map((e) => e.prevHash),
      chained.map((e) => e.hash),
    );
  }
}
