import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

export interface DirtyMark {
  claimId: string;
  /** The mark's number: renewed whenever the statement's links change again. */
  seq: bigint;
}

/**
 * The dirty-claim queue (filled by a trigger on claim_link) and the per-workspace version that
 * makes cluster maintenance optimistic: read and compute with no transaction open, then write in
 * one short transaction that first checks nobody wrote the workspace's clusters meanwhile.
 */
@Injectable()
export class DirtyClaimRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Up to `limit` dirty statements of the workspace, left on the queue. */
  async peek(workspaceId: string, limit: number): Promise<DirtyMark[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ claim_id: string; seq: bigint }[]>(
      `SELECT claim_id, seq FROM tracking_dirty_claim WHERE workspace_id = $1::uuid LIMIT $2`,
      workspaceId,
      limit,
    );
    return rows.map((r) => ({ claimId: r.claim_id, seq: BigInt(r.seq) }));
  }

  /**
   * Takes the marks read by `peek` off the queue; a statement marked again since (another seq)
   * stays dirty, so a link changed while maintenance computed is seen by the next round.
   */
  async remove(tx: Tx, workspaceId: string, marks: DirtyMark[]): Promise<number> {
    if (marks.length === 0) return 0;
    return tx.$executeRawUnsafe(
      `DELETE FROM tracking_dirty_claim d
        USING unnest($2::uuid[], $3::bigint[]) AS u(claim_id, seq)
        WHERE d.workspace_id = $1::uuid AND d.claim_id = u.claim_id AND d.seq = u.seq`,
      workspaceId,
      marks.map((m) => m.claimId),
      marks.map((m) => m.seq.toString()),
    );
  }

  /**
   * Marks dirty every clustered statement of `sourceIds` (any revision): what a deferred
   * maintenance must still do for them (retired statements leave their clusters; a source whose
   * copy or syndication pairs changed gets its clusters' statistics recomputed) is then found on
   * the queue like any changed link.
   */
  async markClusteredClaimsOfSources(
    tx: Tx,
    workspaceId: string,
    sourceIds: readonly string[],
  ): Promise<number> {
    if (sourceIds.length === 0) return 0;
    return tx.$executeRawUnsafe(
      `INSERT INTO tracking_dirty_claim (workspace_id, claim_id)
       SELECT $1::uuid, m.claim_id FROM cluster_member m
        WHERE m.source_id = ANY($2::uuid[])
       ON CONFLICT (workspace_id, claim_id) DO UPDATE SET seq = nextval('tracking_dirty_seq')`,
      workspaceId,
      [...sourceIds],
    );
  }

  async hasDirty(workspaceId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM tracking_dirty_claim WHERE workspace_id = $1::uuid LIMIT 1`,
      workspaceId,
    );
    return rows.length > 0;
  }

  /** The workspace's tracking version (0 before its first write). */
  async version(workspaceId: string): Promise<bigint> {
    const rows = await this.prisma.$queryRawUnsafe<{ version: bigint }[]>(
      `SELECT version FROM tracking_state WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    return rows[0] ? BigInt(rows[0].version) : 0n;
  }

  /**
   * Inside the write transaction: serialises writers of one workspace (advisory lock, held only
   * for the write), and returns true, with the version bumped, when the version is still
   * `expected`; false when another writer got there first (the caller reads again).
   */
  async claimWrite(tx: Tx, workspaceId: string, expected: bigint): Promise<boolean> {
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended($1, 12))`,
      `${workspaceId}:tracking`,
    );
    const current = await tx.$queryRawUnsafe<{ version: bigint }[]>(
      `SELECT version FROM tracking_state WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    if ((current[0] ? BigInt(current[0].version) : 0n) !== expected) return false;
    await tx.$executeRawUnsafe(
      `INSERT INTO tracking_state (workspace_id, version) VALUES ($1::uuid, 1)
       ON CONFLICT (workspace_id) DO UPDATE SET version = tracking_state.version + 1`,
      workspaceId,
    );
    return true;
  }
}
