import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service.js';
import type { ClaimFacets } from '../../claims/extraction/types.js';
import { pairQuery } from './query-terms.js';

export interface StatementRow {
  id: string;
  sourceId: string;
  text: string;
  facets: ClaimFacets;
  facetKeys: string[];
  checkworthiness: number;
}

/** A source's revision as the linking runner claimed it (read once per run). */
export interface RevisionRef {
  sourceId: string;
  revisionId: string;
}

export interface CandidateQuery {
  claimId: string;
  /** The claim's own source: its statements are never candidates. */
  sourceId: string;
  /** Rare words of the claim, OR-ed in a full-text query. */
  terms: string[];
  /**
   * Opaque facet keys (`date:…`, `count:…`, `frame:…`): shared keys make candidates. Keys
   * starting with `lsh:` are MinHash bands (near-copies) and need no shared word.
   */
  facetKeys: string[];
  /**
   * Multiplies this claim's full-text and frame budgets (default 1); above 1 it also searches
   * by any one rare word (see `candidates`). The linker gives a
   * source's only statement a larger share (LinkingService.SOLE_STATEMENT_BUDGET): a headline
   * or a claim sent in for checking is the one thing its sender wants linked, and it costs no
   * more than a few statements of an article.
   */
  scale?: number;
}

export interface CandidateLimits {
  /** Full-text matches per claim, at most `perSource` from any one source (so one long article cannot crowd out the rest). */
  fullText: number;
  perSource: number;
  facets: number;
  nearCopies: number;
  /**
   * Statements sharing an event-frame key (`frame:…`: same kind of event plus the same party,
   * date window, length or figure) with no shared word needed, ranked by keys shared.
   */
  frames: number;
  /** Matches ranked per claim and index at most. */
  scan: number;
}

interface RawStatement {
  id: string;
  source_id: string;
  text: string;
  facets: ClaimFacets;
  facet_keys: string[];
  checkworthiness: number;
}

/**
 * SQL: the statement scores at least the floor, or is its revision's only statement. The floor
 * keeps an article's boilerplate (datelines, bylines, "Read more") out of linking; a source of
 * one sentence (a claim sent in for checking, a headline, a post) is the statement its sender
 * wants linked, whatever it scores. Through the service, held-out sentence pairs without a
 * stance fell from 55 to 43 of 200 (FEVER) and from 77 to 59 (SNLI).
 */
export const linkable = (alias: string, floor: string) =>
  `(${alias}.checkworthiness >= ${floor} OR NOT EXISTS (SELECT 1 FROM claim o
     WHERE o.revision_id = ${alias}.revision_id AND o.sentence_index <> ${alias}.sentence_index))`;

/** The same rule for statements already loaded, given all statements of the revision. */
export const isLinkable = (s: StatementRow, revisionStatements: number, floor: number) =>
  s.checkworthiness >= floor || revisionStatements === 1;

const toStatement = (r: RawStatement): StatementRow => ({
  id: r.id,
  sourceId: r.source_id,
  text: r.text,
  facets: r.facets,
  facetKeys: r.facet_keys,
  checkworthiness: Number(r.checkworthiness),
});

/**
 * Candidate retrieval: which statements of a workspace's other sources are worth classifying
 * against a claim. Reads only, but for markSoleLinked (the marker its own search reads); link
 * writes live in LinkRepository. Generic over facet keys: any opaque key string two statements
 * share makes them candidates.
 */
@Injectable()
export class CandidateRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The statements of many revisions in one query, each revision's in sentence order. */
  async statementsOfRevisions(
    revisionIds: readonly string[],
  ): Promise<Map<string, StatementRow[]>> {
    const out = new Map<string, StatementRow[]>(revisionIds.map((id) => [id, []]));
    if (revisionIds.length === 0) return out;
    const rows = await this.prisma.$queryRawUnsafe<(RawStatement & { revision_id: string })[]>(
      `SELECT c.revision_id, c.id, c.source_id, c.text, c.facets, c.facet_keys, c.checkworthiness
         FROM claim c WHERE c.revision_id = ANY($1::uuid[])
        ORDER BY c.revision_id, c.sentence_index`,
      [...revisionIds],
    );
    for (const r of rows) out.get(r.revision_id)!.push(toStatement(r));
    return out;
  }

  /**
   * For each of these (linkable) statements, how many other statements of its revision are
   * linkable (at or above the floor), counted up to `cap`. Zero means the statement is its
   * revision's only linkable one (a headline, a claim sent in for checking, one evidence
   * sentence), as sole.ts soleStatementsOf says: two such statements form a claim-check pair
   * (StatementView.sole). A small count is a short passage (StatementView.sourceSize). The
   * count stops at `cap` rows, so a long article costs no more than a short one.
   */
  async companions(
    ids: readonly string[],
    floor: number,
    cap: number,
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.$queryRawUnsafe<{ id: string; n: number }[]>(
      `SELECT c.id, (SELECT count(*) FROM (SELECT 1 FROM claim o
                                             WHERE o.revision_id = c.revision_id AND o.id <> c.id
                                               AND o.checkworthiness >= $2
                                             LIMIT $3) x)::int AS n
         FROM claim c
        WHERE c.id = ANY($1::uuid[])`,
      [...ids],
      floor,
      cap,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /**
   * Merges the entries that GIN indexes buffer for fast inserts into the index proper. Every
   * search scans that pending list sequentially, and a just-ingested workspace leaves thousands
   * of entries there (one candidate query: 69 ms before, 0.5 ms after). Doing it here, once per
   * linking batch, keeps ingest on the fast path and searches fast.
   */
  async mergePendingIndexEntries(): Promise<void> {
    await this.prisma.$queryRawUnsafe(
      `SELECT gin_clean_pending_list('claim_tsv_idx'::regclass), gin_clean_pending_list('claim_facet_keys_idx'::regclass),
              gin_clean_pending_list('claim_sole_tsv_idx'::regclass)`,
    );
  }

  /**
   * Every linkable statement of the workspace's current revisions, when there are at most
   * `limit` of them (else null): in a workspace that small, classifying every pair costs no more
   * than the bounded search, and no pair is lost to it (two one-sentence sources that share only
   * common words, a handful of statements a researcher compares by hand). One index-backed
   * query with a LIMIT, so a large workspace pays nothing.
   */
  async allIfFew(
    workspaceId: string,
    minCheckworthiness: number,
    limit: number,
  ): Promise<StatementRow[] | null> {
    const rows = await this.prisma.$queryRawUnsafe<RawStatement[]>(
      `SELECT c.id, c.source_id, c.text, c.facets, c.facet_keys, c.checkworthiness
         FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
        WHERE c.workspace_id = $1::uuid AND ${linkable('c', '$2')}
        LIMIT $3`,
      workspaceId,
      minCheckworthiness,
      limit + 1,
    );
    return rows.length > limit ? null : rows.map(toStatement);
  }

  /**
   * Candidate statements for many claims (of one or many sources of one workspace) in one round
   * trip, from the current revisions of the workspace's other sources, through GIN indexes only,
   * each way bounded per claim so the cost per claim does not grow with the workspace or with
   * the number of articles about one story:
   * - full text: statements sharing at least two of the claim's rare words (pairwise AND); at
   *   most `scan` matches are ranked, the best `fullText` kept, at most `perSource` per source;
   * - for a source's only statement (`scale` > 1): each other source's best statement sharing
   *   any one rare word, from 2 x `scan` matches, the best `fullText` x scale kept;
   * - facets: statements sharing a facet key *and* one rare word (the same event worded
   *   differently: "23 hours" vs "three days");
   * - near-copies: statements sharing a MinHash band (syndicated text with light edits);
   * - event frames: statements sharing a `frame:` key, best `frames` by keys shared.
   * Returns, per claim id, its candidates (each statement once).
   */
  async candidates(
    workspaceId: string,
    queries: readonly CandidateQuery[],
    minCheckworthiness: number,
    limits: CandidateLimits,
  ): Promise<Map<string, StatementRow[]>> {
    const out = new Map<string, StatementRow[]>();
    if (queries.length === 0) return out;
    const rows = await this.prisma.$queryRawUnsafe<(RawStatement & { claim_id: string })[]>(
      `WITH q AS (
         SELECT u.claim_id, u.source_id,
                CASE WHEN u.pairs = '' THEN NULL ELSE to_tsquery('english', u.pairs) END AS pair_q,
                CASE WHEN u.anyq = '' THEN NULL ELSE to_tsquery('english', u.anyq) END AS any_q,
                ARRAY(SELECT jsonb_array_elements_text(u.fkeys::jsonb)) AS fkeys,
                ARRAY(SELECT jsonb_array_elements_text(u.lkeys::jsonb)) AS lkeys,
                ARRAY(SELECT k FROM jsonb_array_elements_text(u.fkeys::jsonb) k WHERE k LIKE 'frame:%') AS frkeys
                , u.scale
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $15::int[])
             AS u(claim_id, source_id, pairs, anyq, fkeys, lkeys, scale)
       ),
       hits AS (
         SELECT q.claim_id, f.id FROM q CROSS JOIN LATERAL (
           SELECT id FROM (
             -- Equal scores go by text, then id: by id alone (random per ingest) the same corpus
             -- got different candidates on every run.
             SELECT m.id, m.text, r.score, row_number() OVER (PARTITION BY m.source_id ORDER BY r.score DESC, m.text, m.id) AS rn
               FROM (
                 -- At most $12 matches are ranked: the cost per claim stays flat however large
                 -- the workspace (a very common word pair then yields a sample, not the best).
                 SELECT c.id, c.source_id, c.text, c.tsv FROM claim c
                   JOIN source s ON s.current_revision_id = c.revision_id
                  WHERE q.pair_q IS NOT NULL AND c.workspace_id = $1::uuid AND c.source_id <> q.source_id
                    AND c.tsv @@ q.pair_q AND ${linkable('c', '$8')}
                  LIMIT $12
               ) m
               -- ts_rank over the plain OR of rare words, not ts_rank_cd over the pairs: half
               -- the query's time went to cover density, and LinkingService re-ranks anyway.
               CROSS JOIN LATERAL (SELECT ts_rank(m.tsv, q.any_q) AS score) r
           ) ranked WHERE rn <= $10 ORDER BY score DESC, text, id LIMIT $9 * q.scale
         ) f
         UNION
         -- A source's only statement (a headline, a claim sent in for checking; scale > 1) is
         -- short, and its story's articles often share just one rare word with it ("ISIS
         -- Getting Ebola" / "Islamic State militants in Mosul have contracted Ebola"): 182 of
         -- 230 related FNC-1 development pairs left unlinked were so. Each other source's best
         -- statement by any one of its words, from a sample of twice the usual scan (a sample
         -- as large as the budget cost more than the pairs it found were worth).
         SELECT q.claim_id, o.id FROM q CROSS JOIN LATERAL (
           SELECT id FROM (
             SELECT m.id, m.text, m.score,
                    row_number() OVER (PARTITION BY m.source_id ORDER BY m.score DESC, m.text, m.id) AS rn
               FROM (
                 SELECT c.id, c.source_id, c.text, ts_rank(c.tsv, q.any_q) AS score FROM claim c
                   JOIN source s ON s.current_revision_id = c.revision_id
                  WHERE q.scale > 1 AND q.any_q IS NOT NULL AND c.workspace_id = $1::uuid
                    AND c.source_id <> q.source_id AND c.tsv @@ q.any_q AND ${linkable('c', '$8')}
                  LIMIT $12 * 2
               ) m
           ) ranked WHERE rn = 1 ORDER BY score DESC, text, id LIMIT $9 * q.scale
         ) o
         UNION
         SELECT q.claim_id, k.id FROM q CROSS JOIN LATERAL (
           SELECT m.id FROM (
             SELECT c.id, c.text, c.tsv FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
              WHERE cardinality(q.fkeys) > 0 AND q.any_q IS NOT NULL
                AND c.workspace_id = $1::uuid AND c.source_id <> q.source_id
                AND c.facet_keys && q.fkeys AND c.tsv @@ q.any_q AND ${linkable('c', '$8')}
              LIMIT $12
           ) m
           ORDER BY ts_rank(m.tsv, q.any_q) DESC, m.text, m.id LIMIT $11
         ) k
         UNION
         SELECT q.claim_id, d.id FROM q CROSS JOIN LATERAL (
           SELECT c.id FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
            WHERE cardinality(q.lkeys) > 0 AND c.workspace_id = $1::uuid AND c.source_id <> q.source_id
              AND c.facet_keys && q.lkeys AND ${linkable('c', '$8')}
            LIMIT $13
         ) d
         UNION
         -- One operation worded apart ("the measures lasted 23 hours" / "three days of
         -- fighting") shares no rare word but the same event frame.
         SELECT q.claim_id, e.id FROM q CROSS JOIN LATERAL (
           SELECT m.id FROM (
             SELECT c.id, c.text, c.facet_keys FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
              WHERE cardinality(q.frkeys) > 0 AND c.workspace_id = $1::uuid AND c.source_id <> q.source_id
                AND c.facet_keys && q.frkeys AND ${linkable('c', '$8')}
              LIMIT $12
           ) m
           ORDER BY cardinality(ARRAY(SELECT unnest(m.facet_keys) INTERSECT SELECT unnest(q.frkeys))) DESC, m.text, m.id
           LIMIT $14 * q.scale
         ) e
       )
       SELECT h.claim_id, c.id, c.source_id, c.text, c.facets, c.facet_keys, c.checkworthiness
         FROM hits h JOIN claim c ON c.id = h.id
        ORDER BY h.claim_id, c.id`,
      workspaceId,
      queries.map((q) => q.claimId),
      queries.map((q) => q.sourceId),
      queries.map((q) => pairQuery(q.terms)),
      queries.map((q) => q.terms.join(' | ')),
      queries.map((q) => JSON.stringify(q.facetKeys.filter((k) => !k.startsWith('lsh:')))),
      queries.map((q) => JSON.stringify(q.facetKeys.filter((k) => k.startsWith('lsh:')))),
      minCheckworthiness,
      limits.fullText,
      limits.perSource,
      limits.facets,
      limits.scan,
      limits.nearCopies,
      limits.frames,
      queries.map((q) => q.scale ?? 1),
    );
    for (const r of rows) {
      const list = out.get(r.claim_id) ?? [];
      list.push(toStatement(r));
      out.set(r.claim_id, list);
    }
    return out;
  }

  /**
   * Records that these sole statements (each its source's only linkable one) were linked now:
   * articles whose revisions arrive later pair their lines with them (soleStatementsMatching).
   * Run in the linker's write transaction.
   */
  async markSoleLinked(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.$executeRawUnsafe(
      `UPDATE claim SET sole_linked_at = now() WHERE id = ANY($1::uuid[])`,
      [...ids],
    );
  }

  /**
   * For each claim, the sole statements of the workspace's other sources (a source's only
   * linkable statement: a headline, a claim sent in for checking) sharing any one of its rare
   * words and linked before the claim's revision arrived, best `fullText` by rank from at most
   * `scan` matches. The candidate search runs from the source being linked, so a headline
   * ingested before its articles met them only where an article's line picked it among its own
   * dozen candidates, against every other article of the story; linked after them, the same
   * headline gets four times a statement's budget over all of them (FNC-1 development stories,
   * headlines first: macro-F1 0.432, against 0.563 bodies first). LinkingService gives each
   * statement found here its best lines of the new source (rank.ts dealSolePairs).
   */
  async soleStatementsMatching(
    workspaceId: string,
    queries: readonly CandidateQuery[],
    limits: CandidateLimits,
  ): Promise<Map<string, StatementRow[]>> {
    const out = new Map<string, StatementRow[]>();
    const asked = queries.filter((q) => q.terms.length > 0);
    if (asked.length === 0) return out;
    const rows = await this.prisma.$queryRawUnsafe<(RawStatement & { claim_id: string })[]>(
      `WITH q AS (
         SELECT u.claim_id, u.source_id, to_tsquery('english', u.anyq) AS any_q,
                (SELECT r.created_at FROM source qs JOIN source_revision r ON r.id = qs.current_revision_id
                  WHERE qs.id = u.source_id) AS since
           FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(claim_id, source_id, anyq)
       )
       SELECT q.claim_id, c.id, c.source_id, c.text, c.facets, c.facet_keys, c.checkworthiness
         FROM q CROSS JOIN LATERAL (
           SELECT m.id FROM (
             SELECT c.id, c.text, c.tsv FROM claim c
               JOIN source s ON s.current_revision_id = c.revision_id
              -- Only sole statements carry sole_linked_at, and only they are in the partial
              -- index this reads. Linked before this claim's revision arrived: one linked
              -- later (or still waiting) finds this claim by its own search.
              WHERE c.sole_linked_at IS NOT NULL AND c.sole_linked_at < q.since
                AND c.workspace_id = $1::uuid AND c.source_id <> q.source_id AND c.tsv @@ q.any_q
              LIMIT $6
           ) m
           ORDER BY ts_rank(m.tsv, q.any_q) DESC, m.text, m.id LIMIT $5
         ) f
         JOIN claim c ON c.id = f.id
        ORDER BY q.claim_id, c.id`,
      workspaceId,
      asked.map((q) => q.claimId),
      asked.map((q) => q.sourceId),
      asked.map((q) => q.terms.join(' | ')),
      limits.fullText,
      limits.scan,
    );
    for (const r of rows) {
      const list = out.get(r.claim_id) ?? [];
      list.push(toStatement(r));
      out.set(r.claim_id, list);
    }
    return out;
  }
}
