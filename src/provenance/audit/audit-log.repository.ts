import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { StoredAuditEvent } from './audit-verify.js';

interface RawAuditEvent {
  seq: bigint;
  workspace_id: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  input_hash: string | null;
  method: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

const fromRaw = (r: RawAuditEvent): StoredAuditEvent => ({
  seq: String(r.seq),
  workspaceId: r.workspace_id,
  actor: r.actor,
  action: r.action,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  inputHash: r.input_hash,
  method: r.method,
  details: r.details,
  createdAt: r.created_at,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * Reads the audit log. Writing stays in AuditRepository (append only); there is no update or
 * delete here either.
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Events in seq order after `afterSeq`, optionally about one subject; `limit + 1` rows. */
  async page(
    workspaceId: string,
    subjectId: string | null,
    limit: number,
    afterSeq: string | null,
  ): Promise<StoredAuditEvent[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawAuditEvent[]>(
      `SELECT * FROM audit_event
        WHERE workspace_id = $1::uuid AND ($2::text IS NULL OR subject_id = $2)
          AND ($3::bigint IS NULL OR seq > $3::bigint)
        ORDER BY seq LIMIT $4`,
      workspaceId,
      subjectId,
      afterSeq,
      limit + 1,
    );
    return rows.map(fromRaw);
  }

  async count(workspaceId: string, subjectId: string | null): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM audit_event WHERE workspace_id = $1::uuid AND ($2::text IS NULL OR subject_id = $2)`,
      workspaceId,
      subjectId,
    );
    return Number(row?.n ?? 0);
  }

  /** The whole chain of a workspace in seq order, in keyset batches (it may be long). */
  async *chain(workspaceId: string, batchSize = 1000): AsyncGenerator<StoredAuditEvent[]> {
    let after: string | null = null;
    for (;;) {
      const rows: RawAuditEvent[] = await this.prisma.$queryRawUnsafe<RawAuditEvent[]>(
        `SELECT * FROM audit_event WHERE workspace_id = $1::uuid AND ($2::bigint IS NULL OR seq > $2::bigint)
          ORDER BY seq LIMIT $3`,
        workspaceId,
        after,
        batchSize,
      );
      if (!rows.length) return;
      yield rows.map(fromRaw);
      after = String(rows.at(-1)!.seq);
    }
  }
}
