import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { ExtractedClaim, ClaimFacets } from './extraction/types.js';
import { extractClaims } from './extraction/extract.js';
import { facetKeys } from './facet-keys.js';
import { kindKeys } from './kind-keys.js';
import { nearDuplicateKeys } from './near-duplicate-keys.js';
import { stateChangeKeys } from './state-change-keys.js';

export interface ClaimRow {
  id: string;
  workspaceId: string;
  sourceId: string;
  revisionId: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  checkworthiness: number;
  facets: ClaimFacets;
  extractor: string;
  createdAt: Date;
}

interface RawClaimRow {
  id: string;
  workspace_id: string;
  source_id: string;
  revision_id: string;
  sentence_index: number;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  checkworthiness: number;
  facets: ClaimFacets;
  extractor: string;
  created_at: Date;
}

const CLAIM_COLUMNS = `c.id, c.workspace_id, c.source_id, c.revision_id, c.sentence_index, c.start, c."end", c.text,
  c.prefix, c.suffix, c.checkworthiness, c.facets, c.extractor, c.created_at`;

function fromRaw(r: RawClaimRow): ClaimRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    sourceId: r.source_id,
    revisionId: r.revision_id,
    sentenceIndex: r.sentence_index,
    start: r.start,
    end: r.end,
    text: r.text,
    prefix: r.prefix,
    suffix: r.suffix,
    checkworthiness: Number(r.checkworthiness),
    facets: r.facets,
    extractor: r.extractor,
    createdAt: r.created_at,
  };
}

export interface ClaimPageKey {
  revisionId: string;
  minCheckworthiness: number;
  limit: number;
  afterIndex: number;
}

/** Revisions re-extracted per round trip when re-keying a workspace. */
const REKEY_BATCH = 200;

/**
 * A statement's retrieval keys: facets and event frame, changes of state, a negated general word
 * and its kinds, near-copy bands.
 */
function claimKeys(facets: ClaimFacets, text: string): string[] {
  return [
    ...facetKeys(facets),
    ...stateChangeKeys(text),
    ...kindKeys(text),
    ...nearDuplicateKeys(text),
  ];
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((k) => set.has(k));
}

/** All SQL of the claim aggregate. */
@Injectable()
export class ClaimRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts a revision's claims in one statement (unnest), so a 100-sentence article is one round trip. */
  async insertMany(
    tx: Tx,
    target: { workspaceId: string; sourceId: string; revisionId: string; extractor: string },
    claims: ExtractedClaim[],
  ): Promise<void> {
    if (claims.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO claim (id, workspace_id, source_id, revision_id, sentence_index, start, "end", text, prefix, suffix,
                          checkworthiness, facets, extractor, facet_keys)
       SELECT u.id, $1::uuid, $2::uuid, $3::uuid, u.sentence_index, u.start, u."end", u.text, u.prefix, u.suffix,
              u.checkworthiness, u.facets::jsonb, $4,
              -- text[] cannot be unnested row-wise as an array of arrays; keys travel as JSON.
              ARRAY(SELECT jsonb_array_elements_text(u.keys::jsonb))
         FROM unnest($5::uuid[], $6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[],
                     $12::float8[], $13::text[], $14::text[])
           AS u(id, sentence_index, start, "end", text, prefix, suffix, checkworthiness, facets, keys)`,
      target.workspaceId,
      target.sourceId,
      target.revisionId,
      target.extractor,
      claims.map(() => randomUUID()),
      claims.map((c) => c.sentenceIndex),
      claims.map((c) => c.start),
      claims.map((c) => c.end),
      claims.map((c) => c.text),
      claims.map((c) => c.selector.prefix),
      claims.map((c) => c.selector.suffix),
      claims.map((c) => c.checkworthiness),
      claims.map((c) => JSON.stringify(c.facets)),
      claims.map((c) => JSON.stringify(claimKeys(c.facets, c.text))),
    );
  }

  /**
   * Recomputes the retrieval keys (facet_keys) of every statement of a workspace's current
   * revisions with this build's extractor, from the revision text and the source's date,
   * language and publisher, as ingest would now. Statements ingested under an older extractor then take part
   * in the newer keys (extraction 1.2.0 keys when an event began or ended). The stored facets,
   * score and extractor stay as extracted: they are the statement's provenance; the keys are
   * only an index. A statement whose sentence no longer segments the same way keeps its keys.
   * Returns how many statements were read and how many got new keys.
   */
  async rekeyWorkspace(workspaceId: string): Promise<{ statements: number; changed: number }> {
    const revisions = await this.prisma.$queryRawUnsafe<
      {
        revision_id: string;
        text: string;
        published_at: Date | null;
        language: string | null;
        publisher: string | null;
      }[]
    >(
      `SELECT r.id AS revision_id, r.text, s.published_at, s.language, p.name AS publisher
         FROM source s JOIN source_revision r ON r.id = s.current_revision_id
         LEFT JOIN publisher p ON p.id = s.publisher_id
        WHERE s.workspace_id = $1::uuid`,
      workspaceId,
    );
    let statements = 0;
    let changed = 0;
    for (let i = 0; i < revisions.length; i += REKEY_BATCH) {
      const batch = revisions.slice(i, i + REKEY_BATCH);
      const stored = await this.prisma.$queryRawUnsafe<
        {
          id: string;
          revision_id: string;
          sentence_index: number;
          text: string;
          facet_keys: string[];
        }[]
      >(
        `SELECT id, revision_id, sentence_index, text, facet_keys FROM claim
          WHERE revision_id = ANY($1::uuid[])`,
        batch.map((r) => r.revision_id),
      );
      const byRevision = new Map<string, typeof stored>();
      for (const c of stored) {
        const list = byRevision.get(c.revision_id) ?? [];
        list.push(c);
        byRevision.set(c.revision_id, list);
      }
      const ids: string[] = [];
      const keys: string[] = [];
      for (const r of batch) {
        const claims = byRevision.get(r.revision_id) ?? [];
        if (claims.length === 0) continue;
        const fresh = extractClaims(r.text, {
          publishedAt: r.published_at,
          language: r.language,
          publisher: r.publisher,
        });
        for (const c of claims) {
          statements++;
          const now = fresh[c.sentence_index];
          if (!now || now.text !== c.text) continue;
          const next = claimKeys(now.facets, now.text);
          if (sameKeys(next, c.facet_keys)) continue;
          ids.push(c.id);
          keys.push(JSON.stringify(next));
        }
      }
      if (ids.length === 0) continue;
      changed += ids.length;
      await this.prisma.$executeRawUnsafe(
        `UPDATE claim c SET facet_keys = ARRAY(SELECT jsonb_array_elements_text(u.keys::jsonb))
           FROM unnest($1::uuid[], $2::text[]) AS u(id, keys) WHERE c.id = u.id`,
        ids,
        keys,
      );
    }
    return { statements, changed };
  }

  async findByIds(ids: readonly string[]): Promise<ClaimRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawClaimRow[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.id = ANY($1::uuid[])`,
      [...ids],
    );
    return rows.map(fromRaw);
  }

  /**
   * Pages of claims for many revisions at once (one query for a whole GraphQL list of sources).
   * All keys must share minCheckworthiness, limit and afterIndex; the loader groups them so.
   */
  async pagesForRevisions(
    revisionIds: readonly string[],
    minCheckworthiness: number,
    limit: number,
    afterIndex: number,
  ): Promise<{ rows: Map<string, ClaimRow[]>; totals: Map<string, number> }> {
    const rows = await this.prisma.$queryRawUnsafe<(RawClaimRow & { total: bigint | number })[]>(
      `SELECT * FROM (
         SELECT ${CLAIM_COLUMNS},
                count(*) OVER (PARTITION BY c.revision_id) AS total,
                row_number() OVER (PARTITION BY c.revision_id, c.sentence_index > $3 ORDER BY c.sentence_index) AS rn
           FROM claim c
          WHERE c.revision_id = ANY($1::uuid[]) AND c.checkworthiness >= $2
       ) x
       WHERE x.sentence_index > $3 AND x.rn <= $4
       ORDER BY x.revision_id, x.sentence_index`,
      [...revisionIds],
      minCheckworthiness,
      afterIndex,
      limit + 1,
    );
    const byRevision = new Map<string, ClaimRow[]>();
    const totals = new Map<string, number>();
    for (const row of rows) {
      const list = byRevision.get(row.revision_id) ?? [];
      list.push(fromRaw(row));
      byRevision.set(row.revision_id, list);
      totals.set(row.revision_id, Number(row.total));
    }
    // A page after the last claim has no rows but the total must still be right.
    const missing = revisionIds.filter((id) => !totals.has(id));
    if (missing.length) {
      const counts = await this.prisma.$queryRawUnsafe<{ revision_id: string; total: bigint }[]>(
        `SELECT revision_id, count(*) AS total FROM claim
          WHERE revision_id = ANY($1::uuid[]) AND checkworthiness >= $2 GROUP BY revision_id`,
        missing,
        minCheckworthiness,
      );
      for (const c of counts) totals.set(c.revision_id, Number(c.total));
    }
    return { rows: byRevision, totals };
  }

  /** How reviewers marked these claims (FACT, FRAMING, NOT_CHECKWORTHY); unmarked ones are absent. */
  async reviewKinds(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.$queryRawUnsafe<{ claim_id: string; kind: string }[]>(
      `SELECT claim_id, kind::text AS kind FROM claim_review WHERE claim_id = ANY($1::uuid[])`,
      [...ids],
    );
    return new Map(rows.map((r) => [r.claim_id, r.kind]));
  }

  /** All claims of a revision, in text order (for comparison and export). */
  async listForRevision(revisionId: string, minCheckworthiness = 0): Promise<ClaimRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawClaimRow[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.revision_id = $1::uuid AND c.checkworthiness >= $2
        ORDER BY c.sentence_index`,
      revisionId,
      minCheckworthiness,
    );
    return rows.map(fromRaw);
  }

  /**
   * Full-text search over the current revisions of a workspace's sources (GIN on tsv), with a
   * trigram fallback so a misspelt or partial word still finds its sentence. Offset-paginated:
   * rank order has no stable keyset.
   */
  async search(
    workspaceId: string,
    query: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: ClaimRow[]; total: number }> {
    const rows = await this.prisma.$queryRawUnsafe<(RawClaimRow & { total: bigint })[]>(
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS tsq)
       SELECT ${CLAIM_COLUMNS}, count(*) OVER () AS total
         FROM claim c JOIN source s ON s.current_revision_id = c.revision_id, q
        WHERE c.workspace_id = $1::uuid
          AND (c.tsv @@ q.tsq OR $2 <% c.text)
        ORDER BY ts_rank_cd(c.tsv, q.tsq) + word_similarity($2, c.text) DESC, c.id
        LIMIT $3 OFFSET $4`,
      workspaceId,
      query,
      limit + 1,
      offset,
    );
    return { rows: rows.map(fromRaw), total: rows[0] ? Number(rows[0].total) : 0 };
  }
}
