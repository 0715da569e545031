import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { ClaimFacets } from '../claims/extraction/types.js';
import type { LinkSignal, Relation } from './relation/types.js';
import { pairQuery } from './candidates/query-terms.js';

export interface StatementRow {
  id: string;
  sourceId: string;
  text: string;
  facets: ClaimFacets;
  facetKeys: string[];
  checkworthiness: number;
}

export interface CandidateQuery {
  claimId: string;
  /** Rare words of the claim, OR-ed in a full-text query. */
  terms: string[];
  text: string;
  facetKeys: string[];
}

export interface LinkRow {
  id: string;
  workspaceId: string;
  aId: string;
  bId: string;
  aSourceId: string;
  bSourceId: string;
  relation: Relation;
  confidence: number;
  signals: LinkSignal[];
  method: string;
  origin: 'MACHINE' | 'HUMAN';
  status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED';
  createdAt: Date;
  updatedAt: Date;
}

export interface NewMachineLink {
  claimId: string;
  claimSourceId: string;
  evidenceId: string;
  evidenceSourceId: string;
  relation: Relation;
  confidence: number;
  /** From the claim's side (left = claim's words). */
  signals: LinkSignal[];
}

export interface CandidateLimits {
  /** Full-text matches per claim, at most `perSource` from any one source (so one long article cannot crowd out the rest). */
  fullText: number;
  perSource: number;
  facets: number;
  nearCopies: number;
  /** Matches ranked per claim and index at most. */
  scan: number;
}

interface RawLink {
  id: string;
  workspace_id: string;
  a_id: string;
  b_id: string;
  a_source_id: string;
  b_source_id: string;
  relation: Relation;
  confidence: number;
  signals: LinkSignal[];
  method: string;
  origin: LinkRow['origin'];
  status: LinkRow['status'];
  created_at: Date;
  updated_at: Date;
}

const LINK_COLUMNS = `l.id, l.workspace_id, l.a_id, l.b_id, l.a_source_id, l.b_source_id, l.relation::text AS relation,
  l.confidence, l.signals, l.method, l.origin::text AS origin, l.status::text AS status, l.created_at, l.updated_at`;

const fromRaw = (r: RawLink): LinkRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  aId: r.a_id,
  bId: r.b_id,
  aSourceId: r.a_source_id,
  bSourceId: r.b_source_id,
  relation: r.relation,
  confidence: Number(r.confidence),
  signals: r.signals,
  method: r.method,
  origin: r.origin,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Flips a's-side signals to b's side. */
export const flipSignals = (signals: LinkSignal[]): LinkSignal[] =>
  signals.map((s) => ({ ...s, left: s.right, right: s.left }));

/** All SQL of the link aggregate, candidate retrieval included. */
@Injectable()
export class LinkRepository {
  constructor(private readonly prisma: PrismaService) {}

  async currentStatements(
    sourceId: string,
  ): Promise<{ workspaceId: string; revisionId: string; statements: StatementRow[] } | null> {
    const source = await this.prisma.source.findUnique({
      where: { id: sourceId },
      select: { workspaceId: true, currentRevisionId: true },
    });
    if (!source?.currentRevisionId) return null;
    const rows = await this.prisma.claim.findMany({
      where: { revisionId: source.currentRevisionId },
      select: {
        id: true,
        sourceId: true,
        text: true,
        facets: true,
        facetKeys: true,
        checkworthiness: true,
      },
      orderBy: { sentenceIndex: 'asc' },
    });
    return {
      workspaceId: source.workspaceId,
      revisionId: source.currentRevisionId,
      statements: rows.map((r) => ({ ...r, facets: r.facets as unknown as ClaimFacets })),
    };
  }

  /**
   * Merges the entries that GIN indexes buffer for fast inserts into the index proper. Every
   * search scans that pending list sequentially, and a just-ingested workspace leaves thousands
   * of entries there (one candidate query: 69 ms before, 0.5 ms after). Doing it here, once per
   * linking run, keeps ingest on the fast path and searches fast.
   */
  async mergePendingIndexEntries(): Promise<void> {
    await this.prisma.$queryRawUnsafe(
      `SELECT gin_clean_pending_list('claim_tsv_idx'::regclass), gin_clean_pending_list('claim_facet_keys_idx'::regclass)`,
    );
  }

  /**
   * Candidate statements for many claims in one round trip, from the current revisions of the
   * workspace's other sources, through GIN indexes only, each way bounded so the cost per claim
   * does not grow with the workspace:
   * - full text: statements sharing at least two of the claim's rare words (pairwise AND), best
   *   ranked first, at most `perSource` from any one source;
   * - facets: statements sharing a date, counted thing, event or duration key *and* one rare
   *   word (the same event worded differently: "23 hours" vs "three days");
   * - near-copies: statements sharing a MinHash band (syndicated text with light edits).
   */
  async candidates(
    workspaceId: string,
    sourceId: string,
    queries: CandidateQuery[],
    minCheckworthiness: number,
    limits: CandidateLimits,
  ): Promise<Map<string, StatementRow[]>> {
    const out = new Map<string, StatementRow[]>();
    if (queries.length === 0) return out;
    const rows = await this.prisma.$queryRawUnsafe<
      {
        claim_id: string;
        id: string;
        source_id: string;
        text: string;
        facets: ClaimFacets;
        facet_keys: string[];
        checkworthiness: number;
      }[]
    >(
      `WITH q AS (
         SELECT u.claim_id,
                CASE WHEN u.pairs = '' THEN NULL ELSE to_tsquery('english', u.pairs) END AS pair_q,
                CASE WHEN u.anyq = '' THEN NULL ELSE to_tsquery('english', u.anyq) END AS any_q,
                ARRAY(SELECT jsonb_array_elements_text(u.fkeys::jsonb)) AS fkeys,
                ARRAY(SELECT jsonb_array_elements_text(u.lkeys::jsonb)) AS lkeys
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
             AS u(claim_id, pairs, anyq, fkeys, lkeys)
       ),
       hits AS (
         SELECT q.claim_id, f.id FROM q CROSS JOIN LATERAL (
           SELECT id FROM (
             SELECT m.id, r.score, row_number() OVER (PARTITION BY m.source_id ORDER BY r.score DESC) AS rn
               FROM (
                 -- At most $13 matches are ranked: the cost per claim stays flat however large
                 -- the workspace (a very common word pair then yields a sample, not the best).
                 SELECT c.id, c.source_id, c.tsv FROM claim c
                   JOIN source s ON s.current_revision_id = c.revision_id
                  WHERE q.pair_q IS NOT NULL AND c.workspace_id = $1::uuid AND c.source_id <> $2::uuid
                    AND c.tsv @@ q.pair_q AND c.checkworthiness >= $8
                  LIMIT $13
               ) m
               CROSS JOIN LATERAL (SELECT ts_rank_cd(m.tsv, q.pair_q) AS score) r
           ) ranked WHERE rn <= $10 ORDER BY score DESC LIMIT $9
         ) f
         UNION
         SELECT q.claim_id, k.id FROM q CROSS JOIN LATERAL (
           SELECT m.id FROM (
             SELECT c.id, c.tsv FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
              WHERE cardinality(q.fkeys) > 0 AND q.any_q IS NOT NULL
                AND c.workspace_id = $1::uuid AND c.source_id <> $2::uuid
                AND c.facet_keys && q.fkeys AND c.tsv @@ q.any_q AND c.checkworthiness >= $8
              LIMIT $13
           ) m
           ORDER BY ts_rank_cd(m.tsv, q.any_q) DESC, m.id LIMIT $11
         ) k
         UNION
         SELECT q.claim_id, d.id FROM q CROSS JOIN LATERAL (
           SELECT c.id FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
            WHERE cardinality(q.lkeys) > 0 AND c.workspace_id = $1::uuid AND c.source_id <> $2::uuid
              AND c.facet_keys && q.lkeys AND c.checkworthiness >= $8
            LIMIT $12
         ) d
       )
       SELECT h.claim_id, c.id, c.source_id, c.text, c.facets, c.facet_keys, c.checkworthiness
         FROM hits h JOIN claim c ON c.id = h.id`,
      workspaceId,
      sourceId,
      queries.map((q) => q.claimId),
      queries.map((q) => pairQuery(q.terms)),
      queries.map((q) => q.terms.join(' | ')),
      queries.map((q) => JSON.stringify(q.facetKeys.filter((k) => !k.startsWith('lsh:')))),
      queries.map((q) => JSON.stringify(q.facetKeys.filter((k) => k.startsWith('lsh:')))),
      minCheckworthiness,
      limits.fullText,
      limits.perSource,
      limits.facets,
      limits.nearCopies,
      limits.scan,
    );
    for (const r of rows) {
      const list = out.get(r.claim_id) ?? [];
      list.push({
        id: r.id,
        sourceId: r.source_id,
        text: r.text,
        facets: r.facets,
        facetKeys: r.facet_keys,
        checkworthiness: Number(r.checkworthiness),
      });
      out.set(r.claim_id, list);
    }
    return out;
  }

  /**
   * Makes the machine links of `claimIds` exactly `links`, in the caller's transaction: new
   * pairs are inserted, existing machine suggestions re-scored, stale machine suggestions
   * removed. Human-made and reviewed links are never touched. Returns what changed, with the
   * previous values, for the audit log.
   */
  async replaceMachineLinks(
    tx: Tx,
    workspaceId: string,
    claimIds: string[],
    links: NewMachineLink[],
    method: string,
    /** The source whose run this is: it withdraws only what it found itself (see found_from). */
    foundBy: string | null = null,
  ): Promise<{
    inserted: number;
    rescored: { id: string; before: Pick<LinkRow, 'relation' | 'confidence' | 'method'> }[];
    removed: Pick<LinkRow, 'id' | 'relation' | 'confidence' | 'method' | 'aId' | 'bId'>[];
  }> {
    const oriented = links.map((l) => {
      const forward = l.claimId < l.evidenceId;
      return {
        id: randomUUID(),
        aId: forward ? l.claimId : l.evidenceId,
        bId: forward ? l.evidenceId : l.claimId,
        aSourceId: forward ? l.claimSourceId : l.evidenceSourceId,
        bSourceId: forward ? l.evidenceSourceId : l.claimSourceId,
        relation: l.relation,
        confidence: Math.min(1, Math.max(0, l.confidence)),
        signals: forward ? l.signals : flipSignals(l.signals),
      };
    });
    // The same pair can come from both directions within one source's batch: keep the stronger.
    const byPair = new Map<string, (typeof oriented)[number]>();
    for (const o of oriented) {
      const key = `${o.aId}|${o.bId}`;
      const seen = byPair.get(key);
      if (!seen || seen.confidence < o.confidence) byPair.set(key, o);
    }
    const unique = [...byPair.values()];

    const existing = await tx.$queryRawUnsafe<(RawLink & { found_from: string[] })[]>(
      `SELECT ${LINK_COLUMNS}, l.found_from FROM claim_link l
        WHERE (l.a_id = ANY($1::uuid[]) OR l.b_id = ANY($1::uuid[])) FOR UPDATE`,
      claimIds,
    );
    const foundFrom = new Map(existing.map((r) => [r.id, r.found_from ?? []]));
    const current = new Map(existing.map((r) => [`${r.a_id}|${r.b_id}`, fromRaw(r)]));
    const keep = new Set(unique.map((u) => `${u.aId}|${u.bId}`));
    const stale = [...current.values()].filter(
      (l) => l.origin === 'MACHINE' && l.status === 'SUGGESTED' && !keep.has(`${l.aId}|${l.bId}`),
    );
    // Another source's run still finds it: only this run's finding is withdrawn.
    const othersFind = (l: LinkRow) => (foundFrom.get(l.id) ?? []).some((id) => id !== foundBy);
    const withdrawn = stale.filter((l) => foundBy !== null && othersFind(l));
    const removed = stale.filter((l) => !(foundBy !== null && othersFind(l)));
    if (withdrawn.length) {
      await tx.$executeRawUnsafe(
        `UPDATE claim_link SET found_from = array_remove(found_from, $2::uuid) WHERE id = ANY($1::uuid[])`,
        withdrawn.map((r) => r.id),
        foundBy,
      );
    }
    if (removed.length) {
      await tx.$executeRawUnsafe(
        `DELETE FROM claim_link WHERE id = ANY($1::uuid[])`,
        removed.map((r) => r.id),
      );
    }
    const rescored: { id: string; before: Pick<LinkRow, 'relation' | 'confidence' | 'method'> }[] =
      [];
    const newlyFound: string[] = [];
    const toWrite = unique.filter((u) => {
      const prev = current.get(`${u.aId}|${u.bId}`);
      if (!prev) return true;
      if (prev.origin !== 'MACHINE' || prev.status !== 'SUGGESTED') return false;
      if (
        prev.relation === u.relation &&
        Math.abs(prev.confidence - u.confidence) < 1e-9 &&
        prev.method === method
      ) {
        if (foundBy !== null && !(foundFrom.get(prev.id) ?? []).includes(foundBy))
          newlyFound.push(prev.id);
        return false;
      }
      rescored.push({
        id: prev.id,
        before: { relation: prev.relation, confidence: prev.confidence, method: prev.method },
      });
      return true;
    });
    if (toWrite.length) {
      await tx.$executeRawUnsafe(
        `INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, signals, method, found_from)
         SELECT u.id, $1::uuid, u.a_id, u.b_id, u.a_source_id, u.b_source_id, u.relation::"LinkRelation", u.confidence,
                u.signals::jsonb, $2, CASE WHEN $11::uuid IS NULL THEN '{}'::uuid[] ELSE ARRAY[$11::uuid] END
           FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::float8[], $10::text[])
             AS u(id, a_id, b_id, a_source_id, b_source_id, relation, confidence, signals)
         ON CONFLICT (a_id, b_id) DO UPDATE
            SET relation = EXCLUDED.relation, confidence = EXCLUDED.confidence, signals = EXCLUDED.signals,
                method = EXCLUDED.method, updated_at = now(),
                found_from = ARRAY(SELECT DISTINCT unnest(claim_link.found_from || EXCLUDED.found_from))
          WHERE claim_link.origin = 'MACHINE' AND claim_link.status = 'SUGGESTED'`,
        workspaceId,
        method,
        toWrite.map((u) => u.id),
        toWrite.map((u) => u.aId),
        toWrite.map((u) => u.bId),
        toWrite.map((u) => u.aSourceId),
        toWrite.map((u) => u.bSourceId),
        toWrite.map((u) => u.relation),
        toWrite.map((u) => u.confidence),
        toWrite.map((u) => JSON.stringify(u.signals)),
        foundBy,
      );
    }
    if (newlyFound.length) {
      // Same finding from this side too: record it without touching the link itself.
      await tx.$executeRawUnsafe(
        `UPDATE claim_link SET found_from = array_append(found_from, $2::uuid) WHERE id = ANY($1::uuid[])`,
        newlyFound,
        foundBy,
      );
    }
    return {
      inserted: toWrite.length - rescored.length,
      rescored,
      removed: removed.map((r) => ({
        id: r.id,
        relation: r.relation,
        confidence: r.confidence,
        method: r.method,
        aId: r.aId,
        bId: r.bId,
      })),
    };
  }

  async findByIds(ids: readonly string[]): Promise<LinkRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawLink[]>(
      `SELECT ${LINK_COLUMNS} FROM claim_link l WHERE l.id = ANY($1::uuid[])`,
      [...ids],
    );
    return rows.map(fromRaw);
  }

  /** Every link of the given claims, either side, strongest first. */
  async forClaims(claimIds: readonly string[]): Promise<LinkRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawLink[]>(
      `SELECT ${LINK_COLUMNS} FROM claim_link l
        WHERE l.a_id = ANY($1::uuid[]) OR l.b_id = ANY($1::uuid[])
        ORDER BY l.confidence DESC, l.id`,
      [...claimIds],
    );
    return rows.map(fromRaw);
  }

  /** Links between the current revisions of two sources. */
  async betweenSources(leftSourceId: string, rightSourceId: string): Promise<LinkRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawLink[]>(
      `SELECT ${LINK_COLUMNS} FROM claim_link l
         JOIN claim ca ON ca.id = l.a_id JOIN source sa ON sa.current_revision_id = ca.revision_id
         JOIN claim cb ON cb.id = l.b_id JOIN source sb ON sb.current_revision_id = cb.revision_id
        WHERE (l.a_source_id = $1::uuid AND l.b_source_id = $2::uuid)
           OR (l.a_source_id = $2::uuid AND l.b_source_id = $1::uuid)
        ORDER BY l.confidence DESC, l.id`,
      leftSourceId,
      rightSourceId,
    );
    return rows.map(fromRaw);
  }

  async sourceIdsInWorkspace(workspaceId: string): Promise<string[]> {
    const rows = await this.prisma.source.findMany({
      where: { workspaceId },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => r.id);
  }

  /** Sources left PENDING (e.g. the process stopped between commit and enqueue). */
  async stalePendingSources(
    olderThanSeconds: number,
    limit = 1000,
  ): Promise<{ id: string; currentRevisionId: string | null }[]> {
    return this.prisma.$queryRawUnsafe(
      `SELECT id, current_revision_id AS "currentRevisionId" FROM source
        WHERE linking_status = 'PENDING' AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      olderThanSeconds,
      limit,
    );
  }
}
