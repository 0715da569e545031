import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { Derivation, DerivationSource, PositionMatch } from './domain/derivation.js';
import { MIN_JOIN_CONFIDENCE } from './tracking.constants.js';
import { STRONG } from './tracking.sql.js';

export interface DerivationInputs {
  sources: Map<string, DerivationSource & { workspaceId: string }>;
  /** Per unordered pair "a|b" (a < b): matched statement positions (a's, b's). */
  matches: Map<string, PositionMatch[]>;
}

/** DERIVED source pairs (rewrites that follow another source in order) and what decides them. */
@Injectable()
export class DerivationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every pair of current-revision statements, one in `sourceIds`, linked as CORROBORATES or
   * DISCUSSES at joining strength (confirmed, or confidence >= MIN_JOIN_CONFIDENCE: the strength
   * that puts two statements in one cluster), with their sentence positions; and each source
   * involved with its dates, label and check-worthy positions. A rewrite restates each sentence
   * closely, so its links are that strong (0.81-0.96 in the e2e scenario); the weaker links an
   * independent report gets are topical (0.36-0.58 there) and, counted, made an independent
   * 5-statement report that happens to follow the same narrative order look like a copy (3 of 5).
   */
  async inputs(sourceIds: string[], minCheckworthiness: number): Promise<DerivationInputs> {
    const out: DerivationInputs = { sources: new Map(), matches: new Map() };
    if (sourceIds.length === 0) return out;
    const rows = await this.prisma.$queryRawUnsafe<
      { a_source_id: string; b_source_id: string; a_pos: number; b_pos: number }[]
    >(
      `WITH l AS (
         SELECT l.a_id, l.b_id FROM claim_link l
          WHERE l.a_source_id = ANY($1::uuid[]) AND l.relation IN ('CORROBORATES', 'DISCUSSES')
            AND ${STRONG('l', '$2')}
         UNION
         SELECT l.a_id, l.b_id FROM claim_link l
          WHERE l.b_source_id = ANY($1::uuid[]) AND l.relation IN ('CORROBORATES', 'DISCUSSES')
            AND ${STRONG('l', '$2')}
       )
       SELECT ca.source_id AS a_source_id, cb.source_id AS b_source_id,
              ca.sentence_index AS a_pos, cb.sentence_index AS b_pos
         FROM l
         JOIN claim ca ON ca.id = l.a_id JOIN source sa ON sa.current_revision_id = ca.revision_id
         JOIN claim cb ON cb.id = l.b_id JOIN source sb ON sb.current_revision_id = cb.revision_id
        WHERE ca.source_id <> cb.source_id`,
      sourceIds,
      MIN_JOIN_CONFIDENCE,
    );
    for (const r of rows) {
      const flip = r.a_source_id > r.b_source_id;
      const key = flip ? `${r.b_source_id}|${r.a_source_id}` : `${r.a_source_id}|${r.b_source_id}`;
      const list = out.matches.get(key) ?? [];
      list.push(flip ? { aPos: r.b_pos, bPos: r.a_pos } : { aPos: r.a_pos, bPos: r.b_pos });
      out.matches.set(key, list);
    }
    const involved = [
      ...new Set([...sourceIds, ...rows.flatMap((r) => [r.a_source_id, r.b_source_id])]),
    ];
    const sources = await this.prisma.$queryRawUnsafe<
      {
        id: string;
        workspace_id: string;
        published_at: Date | null;
        created_at: Date;
        title: string | null;
        publisher_name: string | null;
        checkworthy: number[] | null;
      }[]
    >(
      `SELECT s.id, s.workspace_id, s.published_at, s.created_at, s.title, p.name AS publisher_name,
              (SELECT array_agg(c.sentence_index) FROM claim c
                WHERE c.revision_id = s.current_revision_id AND c.checkworthiness >= $2) AS checkworthy
         FROM source s LEFT JOIN publisher p ON p.id = s.publisher_id
        WHERE s.id = ANY($1::uuid[])`,
      involved,
      minCheckworthiness,
    );
    for (const s of sources)
      out.sources.set(s.id, {
        sourceId: s.id,
        workspaceId: s.workspace_id,
        publishedAt: s.published_at,
        createdAt: s.created_at,
        checkworthy: s.checkworthy ?? [],
        label:
          [s.publisher_name, s.title ? `"${s.title}"` : null].filter(Boolean).join(': ') || s.id,
      });
    return out;
  }

  /**
   * Makes the DERIVED pairs touching `sourceIds` exactly `derivations`; returns the sources whose
   * pairs changed (their clusters' statistics must be recomputed).
   */
  async replace(
    tx: Tx,
    workspaceId: string,
    sourceIds: string[],
    derivations: Derivation[],
  ): Promise<string[]> {
    const removed = await tx.$queryRawUnsafe<
      { a_source_id: string; b_source_id: string; copy_id: string; evidence: string | null }[]
    >(
      `DELETE FROM source_dependency
        WHERE workspace_id = $1::uuid AND kind = 'DERIVED'
          AND (a_source_id = ANY($2::uuid[]) OR b_source_id = ANY($2::uuid[]))
       RETURNING a_source_id, b_source_id, copy_id, evidence`,
      workspaceId,
      sourceIds,
    );
    if (derivations.length) {
      await tx.$executeRawUnsafe(
        `INSERT INTO source_dependency (workspace_id, a_source_id, b_source_id, kind, similarity, copy_id, evidence)
         SELECT $1::uuid, LEAST(u.copy, u.origin), GREATEST(u.copy, u.origin), 'DERIVED', u.coverage, u.copy, u.evidence
           FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::text[]) AS u(copy, origin, coverage, evidence)
         ON CONFLICT (a_source_id, b_source_id, kind) DO UPDATE
           SET similarity = EXCLUDED.similarity, copy_id = EXCLUDED.copy_id, evidence = EXCLUDED.evidence`,
        workspaceId,
        derivations.map((d) => d.copyId),
        derivations.map((d) => d.originId),
        derivations.map((d) => d.coverage),
        derivations.map((d) => d.evidence),
      );
    }
    const key = (copy: string, other: string, evidence: string | null) =>
      `${copy}|${other}|${evidence ?? ''}`;
    const before = new Set(
      removed.map((r) =>
        key(r.copy_id, r.copy_id === r.a_source_id ? r.b_source_id : r.a_source_id, r.evidence),
      ),
    );
    const after = new Set(derivations.map((d) => key(d.copyId, d.originId, d.evidence)));
    const changed = new Set<string>();
    for (const r of removed)
      if (
        !after.has(
          key(r.copy_id, r.copy_id === r.a_source_id ? r.b_source_id : r.a_source_id, r.evidence),
        )
      ) {
        changed.add(r.a_source_id);
        changed.add(r.b_source_id);
      }
    for (const d of derivations)
      if (!before.has(key(d.copyId, d.originId, d.evidence))) {
        changed.add(d.copyId);
        changed.add(d.originId);
      }
    return [...changed];
  }
}
