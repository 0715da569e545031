import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';

export interface ClaimExportRow {
  claim_id: string;
  source_id: string;
  source_url: string | null;
  source_title: string | null;
  publisher: string | null;
  published_at: Date | null;
  revision_id: string;
  revision_number: number;
  is_current: boolean;
  content_hash: string;
  sentence_index: number;
  start: number;
  end: number;
  text: string;
  checkworthiness: number;
  extractor: string;
  speaker: string | null;
  cue: string | null;
  review_kind: string | null;
  verdict: string | null;
  reviewer: string | null;
  reviewed_at: Date | null;
}

export interface LinkExportRow {
  link_id: string;
  claim_id: string;
  evidence_id: string;
  claim_source_id: string;
  evidence_source_id: string;
  relation: string;
  confidence: number;
  status: string;
  origin: string;
  method: string;
  signals: string;
  needs_review: boolean;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Whole-workspace reads for the CSV exports, streamed through a server-side cursor: one sorted
 * query, fetched `batchSize` rows at a time, so a 100,000-claim workspace never sits in memory.
 */
@Injectable()
export class ExportRepository {
  constructor(private readonly prisma: PrismaService) {}

  claimBatches(workspaceId: string, batchSize: number): AsyncGenerator<ClaimExportRow[]> {
    return this.cursor<ClaimExportRow>(
      `SELECT c.id AS claim_id, c.source_id, s.url AS source_url, s.title AS source_title, p.name AS publisher,
              s.published_at, c.revision_id, r.number AS revision_number,
              (s.current_revision_id = c.revision_id) AS is_current, r.content_hash, c.sentence_index,
              c.start, c."end", c.text, c.checkworthiness, c.extractor,
              c.facets->'attribution'->>'speaker' AS speaker, c.facets->'attribution'->>'cue' AS cue,
              cr.kind::text AS review_kind, cr.verdict::text AS verdict, cr.reviewer, cr.reviewed_at
         FROM claim c
         JOIN source s ON s.id = c.source_id
         JOIN source_revision r ON r.id = c.revision_id
         LEFT JOIN publisher p ON p.id = s.publisher_id
         LEFT JOIN claim_review cr ON cr.claim_id = c.id
        WHERE c.workspace_id = $1::uuid
        ORDER BY s.created_at, s.id, r.number, c.sentence_index`,
      [workspaceId],
      batchSize,
    );
  }

  linkBatches(workspaceId: string, batchSize: number): AsyncGenerator<LinkExportRow[]> {
    return this.cursor<LinkExportRow>(
      `SELECT l.id AS link_id, l.a_id AS claim_id, l.b_id AS evidence_id, l.a_source_id AS claim_source_id,
              l.b_source_id AS evidence_source_id, l.relation::text AS relation, l.confidence,
              l.status::text AS status, l.origin::text AS origin, l.method,
              COALESCE((SELECT string_agg(s->>'kind', ';') FROM jsonb_array_elements(l.signals) s), '') AS signals,
              l.needs_review, l.review_reason, l.reviewed_by, l.reviewed_at, l.review_note, l.created_at, l.updated_at
         FROM claim_link l
        WHERE l.workspace_id = $1::uuid
        ORDER BY l.created_at, l.id`,
      [workspaceId],
      batchSize,
    );
  }

  private async *cursor<T>(sql: string, params: unknown[], batchSize: number): AsyncGenerator<T[]> {
    const client = await this.prisma.pool.connect();
    let open = false;
    try {
      // A cursor lives in a transaction; REPEATABLE READ makes the whole file one snapshot.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      const fetch = `FETCH ${Math.max(1, Math.floor(batchSize))} FROM export_cursor`;
      for (;;) {
        const { rows } = await client.query(fetch);
        if (!rows.length) break;
        yield rows as T[];
      }
    } finally {
      // Also reached when the consumer stops early (a closed HTTP response): end the transaction.
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }
}
