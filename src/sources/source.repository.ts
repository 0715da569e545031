import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service.js';

export interface SourceRow {
  id: string;
  workspaceId: string;
  publisherId: string | null;
  url: string | null;
  title: string | null;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  currentRevisionId: string | null;
  linkingStatus: 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';
  linkingError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RevisionRow {
  id: string;
  workspaceId: string;
  sourceId: string;
  number: number;
  text: string;
  contentHash: string;
  originalFormat: 'TEXT' | 'HTML';
  originalHash: string;
  retrievedAt: Date;
  createdAt: Date;
}

export interface PublisherRow {
  id: string;
  workspaceId: string;
  name: string;
  normalizedName: string;
}

/**
 * What the repository needs to write one ingested source (ingest/prepare/prepare-ingest.ts
 * builds it); declared here so the source aggregate does not depend on the ingest stage.
 */
export interface PreparedSourceWrite {
  workspaceId: string;
  text: string;
  contentHash: string;
  originalFormat: 'TEXT' | 'HTML';
  originalHash: string;
  title: string | null;
  url: string | null;
  publisher: { name: string; normalized: string } | null;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  claims: readonly unknown[];
}

export type IngestOutcome = 'INGESTED' | 'REVISED' | 'UNCHANGED';

export interface WrittenSource {
  sourceId: string;
  revisionId: string;
  outcome: IngestOutcome;
  revisionNumber: number;
  claimCount: number;
}

/** All SQL of the source aggregate: sources, their revisions and publishers. */
@Injectable()
export class SourceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Writes one prepared source inside `tx`: returns the existing source when the same document
   * is already there (same URL and current text; or, without a URL, same publisher and current
   * text), adds a revision when the URL is known, creates the source otherwise. Identical text
   * under another URL or another publisher is another source: a syndicated copy that tracking
   * counts as such (its near-duplicate keys match), not the first outlet's source. Advisory locks on the text hash and URL make
   * concurrent ingests of the same document wait for each other instead of duplicating it.
   */
  async writeIngest(
    tx: Tx,
    p: PreparedSourceWrite,
    initialLinkingStatus: SourceRow['linkingStatus'],
  ): Promise<WrittenSource> {
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended($1, 11)), pg_advisory_xact_lock(hashtextextended($2, 11))`,
      `${p.workspaceId}:hash:${p.contentHash}`,
      `${p.workspaceId}:url:${p.url ?? p.contentHash}`,
    );
    const same = await tx.$queryRawUnsafe<
      { source_id: string; revision_id: string; number: number }[]
    >(
      `SELECT s.id AS source_id, r.id AS revision_id, r.number
         FROM source_revision r JOIN source s ON s.current_revision_id = r.id
        WHERE r.workspace_id = $1::uuid AND r.content_hash = $2
          AND CASE WHEN $3::text IS NOT NULL THEN s.url = $3
                   ELSE s.url IS NULL AND s.publisher_id IS NOT DISTINCT FROM
                        (SELECT id FROM publisher WHERE workspace_id = $1::uuid AND normalized_name = $4)
              END
        ORDER BY s.created_at LIMIT 1`,
      p.workspaceId,
      p.contentHash,
      p.url,
      p.publisher?.normalized ?? null,
    );
    if (same[0]) {
      return {
        sourceId: same[0].source_id,
        revisionId: same[0].revision_id,
        outcome: 'UNCHANGED',
        revisionNumber: same[0].number,
        claimCount: 0,
      };
    }

    const publisherId = p.publisher
      ? await this.upsertPublisher(tx, p.workspaceId, p.publisher)
      : null;
    const revisionId = randomUUID();
    let sourceId: string;
    let number = 1;
    let outcome: IngestOutcome = 'INGESTED';

    const existing = p.url
      ? await tx.$queryRawUnsafe<{ id: string; number: number }[]>(
          `SELECT s.id, COALESCE(MAX(r.number), 0)::int AS number
             FROM source s LEFT JOIN source_revision r ON r.source_id = s.id
            WHERE s.workspace_id = $1::uuid AND s.url = $2
            GROUP BY s.id`,
          p.workspaceId,
          p.url,
        )
      : [];
    if (existing[0]) {
      sourceId = existing[0].id;
      number = existing[0].number + 1;
      outcome = 'REVISED';
    } else {
      sourceId = randomUUID();
      await tx.$executeRawUnsafe(
        `INSERT INTO source (id, workspace_id, publisher_id, url, title, author, published_at, language, linking_status)
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::timestamptz, $8, $9::"LinkingStatus")`,
        sourceId,
        p.workspaceId,
        publisherId,
        p.url,
        p.title,
        p.author,
        p.publishedAt,
        p.language,
        initialLinkingStatus,
      );
    }
    await tx.$executeRawUnsafe(
      `INSERT INTO source_revision (id, workspace_id, source_id, number, text, content_hash, original_format, original_hash)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::"OriginalFormat", $8)`,
      revisionId,
      p.workspaceId,
      sourceId,
      number,
      p.text,
      p.contentHash,
      p.originalFormat,
      p.originalHash,
    );
    // A revision updates what the source says about itself only where the new input says something.
    await tx.$executeRawUnsafe(
      `UPDATE source SET current_revision_id = $2::uuid, updated_at = now(),
              title = COALESCE($3, title), author = COALESCE($4, author),
              published_at = COALESCE($5::timestamptz, published_at), language = COALESCE($6, language),
              publisher_id = COALESCE($7::uuid, publisher_id),
              linking_status = $8::"LinkingStatus", linking_error = NULL
        WHERE id = $1::uuid`,
      sourceId,
      revisionId,
      p.title,
      p.author,
      p.publishedAt,
      p.language,
      publisherId,
      initialLinkingStatus,
    );
    return { sourceId, revisionId, outcome, revisionNumber: number, claimCount: p.claims.length };
  }

  /**
   * Takes, in one sorted order, every lock a batch will need: the advisory locks on its texts and
   * URLs and the rows of its publishers. Two concurrent batches that overlap then wait for each
   * other instead of deadlocking (each would otherwise lock in its own input order).
   */
  async lockBatch(tx: Tx, batch: PreparedSourceWrite[]): Promise<void> {
    const keys = [
      ...new Set(
        batch.flatMap((p) => [
          `${p.workspaceId}:hash:${p.contentHash}`,
          `${p.workspaceId}:url:${p.url ?? p.contentHash}`,
        ]),
      ),
    ];
    await tx.$queryRawUnsafe(
      `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 11)))::int AS n
         FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) ordered`,
      keys,
    );
    const publishers = new Map<string, { workspaceId: string; name: string; normalized: string }>();
    for (const p of batch) {
      if (p.publisher)
        publishers.set(`${p.workspaceId}|${p.publisher.normalized}`, {
          workspaceId: p.workspaceId,
          ...p.publisher,
        });
    }
    for (const key of [...publishers.keys()].sort()) {
      const p = publishers.get(key)!;
      await this.upsertPublisher(tx, p.workspaceId, p);
    }
  }

  private async upsertPublisher(
    tx: Tx,
    workspaceId: string,
    publisher: { name: string; normalized: string },
  ) {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO publisher (id, workspace_id, name, normalized_name) VALUES ($1::uuid, $2::uuid, $3, $4)
       ON CONFLICT (workspace_id, normalized_name) DO UPDATE SET normalized_name = EXCLUDED.normalized_name
       RETURNING id`,
      randomUUID(),
      workspaceId,
      publisher.name,
      publisher.normalized,
    );
    return rows[0]!.id;
  }

  async findSourcesByIds(ids: readonly string[]): Promise<SourceRow[]> {
    return this.prisma.source.findMany({ where: { id: { in: [...ids] } } });
  }

  async findRevisionsByIds(ids: readonly string[]): Promise<RevisionRow[]> {
    return this.prisma.sourceRevision.findMany({ where: { id: { in: [...ids] } } });
  }

  /** Revision metadata without the (possibly large) text, for lists. */
  async findRevisionsBySourceIds(
    sourceIds: readonly string[],
  ): Promise<Omit<RevisionRow, 'text'>[]> {
    return this.prisma.sourceRevision.findMany({
      where: { sourceId: { in: [...sourceIds] } },
      omit: { text: true },
      orderBy: [{ sourceId: 'asc' }, { number: 'asc' }],
    });
  }

  async findPublishersByIds(ids: readonly string[]): Promise<PublisherRow[]> {
    return this.prisma.publisher.findMany({ where: { id: { in: [...ids] } } });
  }

  async countInWorkspace(workspaceId: string): Promise<number> {
    return this.prisma.source.count({ where: { workspaceId } });
  }

  /** One page of a workspace's sources in ingest order, keyset-paginated on (created_at, id). */
  async pageInWorkspace(
    workspaceId: string,
    limit: number,
    after: [string, string] | null,
  ): Promise<SourceRow[]> {
    return this.prisma.source.findMany({
      where: {
        workspaceId,
        ...(after
          ? {
              OR: [
                { createdAt: { gt: new Date(after[0]) } },
                { createdAt: new Date(after[0]), id: { gt: after[1] } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
    });
  }

  async findSourceIdsByWorkspaces(
    workspaceIds: readonly string[],
  ): Promise<{ id: string; workspaceId: string }[]> {
    return this.prisma.source.findMany({
      where: { workspaceId: { in: [...workspaceIds] } },
      select: { id: true, workspaceId: true },
    });
  }

  async setLinkingStatus(
    sourceId: string,
    status: SourceRow['linkingStatus'],
    error: string | null = null,
  ) {
    await this.prisma.source.update({
      where: { id: sourceId },
      data: { linkingStatus: status, linkingError: error },
    });
  }
}
