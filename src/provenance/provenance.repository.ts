import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { ClaimFacets } from '../claims/extraction/types.js';
import type {
  ClaimContext,
  ClaimKind,
  ClaimLinkRecord,
  ClaimReviewRow,
  ClaimVerdict,
} from './provenance.types.js';

export interface LinkEventRow {
  seq: string;
  linkId: string;
  action: string;
  actor: string;
  method: string | null;
  relation: ClaimLinkRecord['relation'] | null;
  confidence: number | null;
  status: ClaimLinkRecord['status'] | null;
  note: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface LinkReviewState {
  id: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  needsReview: boolean;
  reviewReason: string | null;
}

export interface RevisionRef {
  id: string;
  sourceId: string;
  workspaceId: string;
  number: number;
  isCurrent: boolean;
}

interface RawContext {
  id: string;
  workspace_id: string;
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  sentence_index: number;
  checkworthiness: number;
  extractor: string;
  facets: ClaimFacets;
  created_at: Date;
  source_id: string;
  url: string | null;
  title: string | null;
  author: string | null;
  published_at: Date | null;
  publisher_id: string | null;
  publisher_name: string | null;
  revision_id: string;
  number: number;
  content_hash: string;
  original_hash: string;
  original_format: 'TEXT' | 'HTML';
  retrieved_at: Date;
  r_kind: ClaimKind | null;
  r_verdict: ClaimVerdict | null;
  r_note: string | null;
  r_reviewer: string | null;
  r_reviewed_at: Date | null;
}

const REVIEW_COLUMNS = `cr.kind::text AS r_kind, cr.verdict::text AS r_verdict, cr.note AS r_note,
  cr.reviewer AS r_reviewer, cr.reviewed_at AS r_reviewed_at`;

function reviewOf(r: {
  claim_id?: string;
  id?: string;
  workspace_id: string;
  r_kind: ClaimKind | null;
  r_verdict: ClaimVerdict | null;
  r_note: string | null;
  r_reviewer: string | null;
  r_reviewed_at: Date | null;
}): ClaimReviewRow | null {
  if (!r.r_kind) return null;
  return {
    claimId: (r.claim_id ?? r.id)!,
    workspaceId: r.workspace_id,
    kind: r.r_kind,
    verdict: r.r_verdict,
    note: r.r_note,
    reviewer: r.r_reviewer!,
    reviewedAt: r.r_reviewed_at!,
  };
}

/** Reads for provenance: a claim with everything it came from, link histories and review state. */
@Injectable()
export class ProvenanceRepository {
  constructor(private readonly prisma: PrismaService) {}

  async claimContexts(claimIds: readonly string[]): Promise<ClaimContext[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawContext[]>(
      `SELECT c.id, c.workspace_id, c.text, c.start, c."end", c.prefix, c.suffix, c.sentence_index,
              c.checkworthiness, c.extractor, c.facets, c.created_at,
              s.id AS source_id, s.url, s.title, s.author, s.published_at,
              p.id AS publisher_id, p.name AS publisher_name,
              r.id AS revision_id, r.number, r.content_hash, r.original_hash,
              r.original_format::text AS original_format, r.retrieved_at, ${REVIEW_COLUMNS}
         FROM claim c
         JOIN source s ON s.id = c.source_id
         JOIN source_revision r ON r.id = c.revision_id
         LEFT JOIN publisher p ON p.id = s.publisher_id
         LEFT JOIN claim_review cr ON cr.claim_id = c.id
        WHERE c.id = ANY($1::uuid[])`,
      [...claimIds],
    );
    return rows.map((r) => ({
      claim: {
        id: r.id,
        workspaceId: r.workspace_id,
        text: r.text,
        start: r.start,
        end: r.end,
        prefix: r.prefix,
        suffix: r.suffix,
        sentenceIndex: r.sentence_index,
        checkworthiness: Number(r.checkworthiness),
        extractor: r.extractor,
        facets: r.facets,
        createdAt: r.created_at,
      },
      source: {
        id: r.source_id,
        url: r.url,
        title: r.title,
        author: r.author,
        publishedAt: r.published_at,
      },
      publisher:
        r.publisher_id && r.publisher_name ? { id: r.publisher_id, name: r.publisher_name } : null,
      revision: {
        id: r.revision_id,
        number: r.number,
        contentHash: r.content_hash,
        originalHash: r.original_hash,
        originalFormat: r.original_format,
        retrievedAt: r.retrieved_at,
      },
      review: reviewOf(r),
    }));
  }

  async claimReviews(claimIds: readonly string[]): Promise<ClaimReviewRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<Parameters<typeof reviewOf>[0][]>(
      `SELECT cr.claim_id, cr.workspace_id, ${REVIEW_COLUMNS} FROM claim_review cr
        WHERE cr.claim_id = ANY($1::uuid[])`,
      [...claimIds],
    );
    return rows.map((r) => reviewOf(r)!);
  }

  /** Every link of a claim, seen from the claim, with its review columns. */
  async linkRecordsOfClaim(claimId: string): Promise<ClaimLinkRecord[]> {
    const rows = await this.prisma.$queryRawUnsafe<
      (Omit<ClaimLinkRecord, 'confidence'> & { confidence: number })[]
    >(
      `SELECT l.id, CASE WHEN l.a_id = $1::uuid THEN l.b_id ELSE l.a_id END AS "evidenceId",
              l.relation::text AS relation, l.confidence, l.method, l.origin::text AS origin,
              l.status::text AS status, l.created_at AS "createdAt", l.reviewed_by AS "reviewedBy",
              l.reviewed_at AS "reviewedAt", l.review_note AS "reviewNote"
         FROM claim_link l WHERE l.a_id = $1::uuid OR l.b_id = $1::uuid
        ORDER BY l.created_at, l.id`,
      claimId,
    );
    return rows.map((r) => ({ ...r, confidence: Number(r.confidence) }));
  }

  async linkHistories(linkIds: readonly string[]): Promise<LinkEventRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<(Omit<LinkEventRow, 'seq'> & { seq: bigint })[]>(
      `SELECT seq, link_id AS "linkId", action, actor, method, relation::text AS relation, confidence,
              status::text AS status, note, details, created_at AS "createdAt"
         FROM link_event WHERE link_id = ANY($1::uuid[]) ORDER BY seq`,
      [...linkIds],
    );
    return rows.map((r) => ({
      ...r,
      seq: String(r.seq),
      confidence: r.confidence === null ? null : Number(r.confidence),
    }));
  }

  async linkReviewStates(linkIds: readonly string[]): Promise<LinkReviewState[]> {
    return this.prisma.$queryRawUnsafe<LinkReviewState[]>(
      `SELECT id, reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt", review_note AS "reviewNote",
              needs_review AS "needsReview", review_reason AS "reviewReason"
         FROM claim_link WHERE id = ANY($1::uuid[])`,
      [...linkIds],
    );
  }

  /** Links a source edit put in front of a reviewer, oldest first, keyset-paginated on (updated_at, id). */
  async linksNeedingReview(
    workspaceId: string,
    limit: number,
    after: [string, string] | null,
  ): Promise<{ id: string; aId: string; updatedAt: Date }[]> {
    return this.prisma.$queryRawUnsafe(
      `SELECT id, a_id AS "aId", updated_at AS "updatedAt" FROM claim_link
        WHERE workspace_id = $1::uuid AND needs_review
          AND ($2::timestamptz IS NULL OR (updated_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY updated_at, id LIMIT $4`,
      workspaceId,
      after ? after[0] : null,
      after ? after[1] : null,
      limit + 1,
    );
  }

  async countLinksNeedingReview(workspaceId: string): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM claim_link WHERE workspace_id = $1::uuid AND needs_review`,
      workspaceId,
    );
    return Number(row?.n ?? 0);
  }

  async revisionsOfSource(sourceId: string): Promise<RevisionRef[]> {
    return this.prisma.$queryRawUnsafe<RevisionRef[]>(
      `SELECT r.id, r.source_id AS "sourceId", r.workspace_id AS "workspaceId", r.number,
              (s.current_revision_id = r.id) AS "isCurrent"
         FROM source_revision r JOIN source s ON s.id = r.source_id
        WHERE r.source_id = $1::uuid ORDER BY r.number`,
      sourceId,
    );
  }
}
