import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';

/** The channel on which ingest tells idle workers, in any process, that there is new work. */
export const LINKING_CHANNEL = 'claimtrace_linking';

/** Attempts per revision before a source ends FAILED with the last reason. */
export const MAX_ATTEMPTS = 3;

/** A source a worker claimed: everything the run needs from the source row (read once). */
export interface ClaimedSource {
  sourceId: string;
  workspaceId: string;
  revisionId: string;
  attempts: number;
}

export interface LinkingProgressRow {
  pending: number;
  running: number;
  done: number;
  failed: number;
  /** Sources finished in the last `windowSeconds`. */
  recent: number;
  /** Seconds between the oldest of those and now (0 when none). */
  recentSpan: number;
}

/**
 * The linking queue is the source rows themselves: PENDING sources are the work. All SQL of
 * claiming, leasing and finishing lives here; the runner owns the rules.
 */
@Injectable()
export class LinkingQueueRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims a batch of one workspace's linkable sources for `worker`: the workspace served least
   * recently first (fairness: a 5-source workspace is not queued behind another's 2,000-source
   * backlog), then its oldest sources, up to `maxClaims` claims (at least one source). Linkable:
   * PENDING and not waiting for a retry, or RUNNING under a lapsed lease (its worker is lost)
   * with attempts left (failAbandoned gives up the others). The sources are taken FOR UPDATE
   * SKIP LOCKED, so concurrent workers on any machine never claim the same source, and a
   * second worker moves on to another workspace
   * (or, when there is only one, to the next sources of the same workspace).
   */
  async claimBatch(
    worker: string,
    leaseSeconds: number,
    maxClaims: number,
    /** Only this workspace (a relink waiting for its own work). */
    onlyWorkspace: string | null = null,
    maxSources = 200,
  ): Promise<ClaimedSource[]> {
    return this.prisma.$transaction(async (tx) => {
      const linkable = `(s.linking_status = 'PENDING' AND (s.linking_lease_until IS NULL OR s.linking_lease_until < now()
                          OR s.linking_revision_id IS DISTINCT FROM s.current_revision_id))
                     OR (s.linking_status = 'RUNNING' AND s.linking_lease_until < now()
                         AND s.linking_attempts < ${MAX_ATTEMPTS})`;
      const candidates = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT w.id FROM workspace w
          WHERE w.id IN (SELECT DISTINCT s.workspace_id FROM source s
                          WHERE s.linking_status IN ('PENDING', 'RUNNING') AND s.current_revision_id IS NOT NULL
                            AND (${linkable}))
            AND ($1::uuid IS NULL OR w.id = $1::uuid)
          ORDER BY w.linking_served_at NULLS FIRST, w.id
          LIMIT 8`,
        onlyWorkspace,
      );
      for (const { id: workspaceId } of candidates) {
        const rows = await tx.$queryRawUnsafe<ClaimedSource[]>(
          `WITH picked AS (
             SELECT s.id, s.created_at,
                    (SELECT count(*) FROM claim c WHERE c.revision_id = s.current_revision_id) AS claims
               FROM source s
              WHERE s.workspace_id = $1::uuid AND s.linking_status IN ('PENDING', 'RUNNING')
                AND s.current_revision_id IS NOT NULL AND (${linkable})
              ORDER BY s.created_at, s.id
              LIMIT $4
                FOR UPDATE OF s SKIP LOCKED
           ),
           sized AS (
             SELECT id, claims, sum(claims) OVER (ORDER BY created_at, id) - claims AS before FROM picked
           )
           UPDATE source s
              SET linking_status = 'RUNNING', linking_claimed_by = $2,
                  linking_lease_until = now() + make_interval(secs => $3),
                  linking_attempts = CASE WHEN s.linking_revision_id IS DISTINCT FROM s.current_revision_id
                                          THEN 1 ELSE s.linking_attempts + 1 END,
                  linking_revision_id = s.current_revision_id
             FROM sized
            WHERE s.id = sized.id AND (sized.before = 0 OR sized.before + sized.claims <= $5)
           RETURNING s.id AS "sourceId", s.workspace_id AS "workspaceId",
                     s.current_revision_id AS "revisionId", s.linking_attempts AS "attempts"`,
          workspaceId,
          worker,
          leaseSeconds,
          maxSources,
          maxClaims,
        );
        if (rows.length === 0) continue;
        await tx.$executeRawUnsafe(
          `UPDATE workspace SET linking_served_at = clock_timestamp() WHERE id = $1::uuid`,
          workspaceId,
        );
        return rows.sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
      }
      return [];
    });
  }

  /** Extends the lease of the sources `worker` still holds; returns how many it still holds. */
  async renewLease(worker: string, sourceIds: string[], leaseSeconds: number): Promise<number> {
    return this.prisma.$executeRawUnsafe(
      `UPDATE source SET linking_lease_until = now() + make_interval(secs => $3)
        WHERE id = ANY($2::uuid[]) AND linking_claimed_by = $1 AND linking_status = 'RUNNING'`,
      worker,
      sourceIds,
      leaseSeconds,
    );
  }

  /**
   * Marks the sources DONE, unless a newer revision arrived meanwhile (then ingest set them
   * PENDING again and the newer revision's run does the work) or another worker took them over.
   */
  async finish(worker: string, sources: ClaimedSource[]): Promise<number> {
    if (sources.length === 0) return 0;
    return this.prisma.$executeRawUnsafe(
      `UPDATE source s SET linking_status = 'DONE', linking_error = NULL, linking_lease_until = NULL,
              linked_at = now(), updated_at = now()
         FROM unnest($2::uuid[], $3::uuid[]) AS u(id, revision_id)
        WHERE s.id = u.id AND s.current_revision_id = u.revision_id
          AND s.linking_claimed_by = $1 AND s.linking_status = 'RUNNING'`,
      worker,
      sources.map((s) => s.sourceId),
      sources.map((s) => s.revisionId),
    );
  }

  /**
   * A failed attempt: PENDING again, not before `retryAfterSeconds`, with the reason; or, with
   * `final`, FAILED with the reason.
   */
  async fail(
    worker: string,
    source: ClaimedSource,
    reason: string,
    final: boolean,
    retryAfterSeconds: number,
  ): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `UPDATE source SET linking_status = $3::"LinkingStatus", linking_error = $4,
              linking_lease_until = CASE WHEN $3 = 'FAILED' THEN NULL ELSE now() + make_interval(secs => $5) END,
              updated_at = now()
        WHERE id = $2::uuid AND current_revision_id = $6::uuid AND linking_claimed_by = $1
          AND linking_status = 'RUNNING'`,
      worker,
      source.sourceId,
      final ? 'FAILED' : 'PENDING',
      reason.slice(0, 500),
      retryAfterSeconds,
      source.revisionId,
    );
  }

  /**
   * Sources whose lease lapsed too often (their worker died each time, e.g. a source that
   * crashes the process) are given up with a reason instead of being claimed forever.
   */
  async failAbandoned(maxAttempts: number): Promise<number> {
    return this.prisma.$executeRawUnsafe(
      `UPDATE source SET linking_status = 'FAILED', linking_lease_until = NULL, updated_at = now(),
              linking_error = 'linking was interrupted ' || linking_attempts || ' times (its worker stopped or lost the database); relink the workspace to try again'
        WHERE linking_status = 'RUNNING' AND linking_lease_until < now() AND linking_attempts >= $1`,
      maxAttempts,
    );
  }

  /** Puts sources back in the queue (a relink). */
  async requeue(sourceIds: string[]): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `UPDATE source SET linking_status = 'PENDING', linking_error = NULL, linking_lease_until = NULL,
              linking_attempts = 0, linking_claimed_by = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      sourceIds,
    );
  }

  /** Wakes idle workers everywhere (LISTEN on LINKING_CHANNEL); a lost notice costs one poll. */
  async notifyWork(workspaceId: string): Promise<void> {
    // pg_notify returns void, which Prisma cannot read back: cast it to text.
    await this.prisma.$queryRawUnsafe(
      `SELECT pg_notify($1, $2)::text AS sent`,
      LINKING_CHANNEL,
      workspaceId,
    );
  }

  /** Whether any source anywhere is waiting (a cheap probe of the partial queue index). */
  async hasWork(): Promise<boolean> {
    const rows = await this.prisma.$queryRawUnsafe<{ x: number }[]>(
      `SELECT 1 AS x FROM source WHERE linking_status IN ('PENDING', 'RUNNING') LIMIT 1`,
    );
    return rows.length > 0;
  }

  /**
   * Whether the workspace has sources still to link besides `exceptIds`: PENDING (retries
   * included) or RUNNING in another batch. Some later step will then see the workspace again,
   * so work that covers the whole workspace can wait for it.
   */
  async hasOtherWork(workspaceId: string, exceptIds: readonly string[]): Promise<boolean> {
    const rows = await this.prisma.$queryRawUnsafe<{ x: number }[]>(
      `SELECT 1 AS x FROM source
        WHERE workspace_id = $1::uuid AND linking_status IN ('PENDING', 'RUNNING')
          AND id <> ALL($2::uuid[])
        LIMIT 1`,
      workspaceId,
      [...exceptIds],
    );
    return rows.length > 0;
  }

  async sourceIdsInWorkspace(workspaceId: string): Promise<string[]> {
    const rows = await this.prisma.source.findMany({
      where: { workspaceId },
      select: { id: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => r.id);
  }

  /** Counts per status and the recent rate, for many workspaces in one query. */
  async progress(
    workspaceIds: readonly string[],
    windowSeconds: number,
  ): Promise<Map<string, LinkingProgressRow>> {
    const rows = await this.prisma.$queryRawUnsafe<
      {
        workspace_id: string;
        pending: number;
        running: number;
        done: number;
        failed: number;
        recent: number;
        span: number;
      }[]
    >(
      `SELECT s.workspace_id,
              count(*) FILTER (WHERE s.linking_status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE s.linking_status = 'RUNNING')::int AS running,
              count(*) FILTER (WHERE s.linking_status = 'DONE')::int AS done,
              count(*) FILTER (WHERE s.linking_status = 'FAILED')::int AS failed,
              count(*) FILTER (WHERE s.linked_at > now() - make_interval(secs => $2))::int AS recent,
              coalesce(extract(epoch FROM now() - min(s.linked_at) FILTER (
                WHERE s.linked_at > now() - make_interval(secs => $2))), 0)::float8 AS span
         FROM source s WHERE s.workspace_id = ANY($1::uuid[])
        GROUP BY s.workspace_id`,
      [...workspaceIds],
      windowSeconds,
    );
    return new Map(
      rows.map((r) => [
        r.workspace_id,
        {
          pending: r.pending,
          running: r.running,
          done: r.done,
          failed: r.failed,
          recent: r.recent,
          recentSpan: Number(r.span),
        },
      ]),
    );
  }
}
