import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service.js';
import type { ClaimFacets } from '../claims/extraction/types.js';
import type { MemberStance } from './domain/stance.js';
import type { ClusterStatsRow } from './cluster.repository.js';
import type { StatsMember } from './domain/cluster-stats.js';
import { MIN_TRACK_CONFIDENCE } from './tracking.constants.js';
import { SAME_SUBJECT, STRONG, toLinkEdge, type LinkEdge, type RawLink } from './tracking.sql.js';

/** A cluster member as the stats computation reads it. */
export type MemberDetail = StatsMember;

export interface DependencyRow {
  aSourceId: string;
  bSourceId: string;
  kind: 'SYNDICATED' | 'DERIVED';
  copyId: string;
  similarity: number;
  evidence: string | null;
}

/** What cluster statistics read (members, rivals, links, source dependencies) and write. */
@Injectable()
export class ClusterStatsRepository {
  /** cluster id -> the clusters that strong CONTRADICTS links oppose it to. */
  async rivalsOf(tx: Tx, clusterIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(clusterIds.map((id) => [id, []]));
    if (clusterIds.length === 0) return out;
    const rows = await tx.$queryRawUnsafe<{ cluster_id: string; rival_id: string }[]>(
      `SELECT m1.cluster_id, m2.cluster_id AS rival_id
         FROM cluster_member m1
         JOIN claim_link l ON l.a_id = m1.claim_id
         JOIN cluster_member m2 ON m2.claim_id = l.b_id
         JOIN claim ca ON ca.id = l.a_id JOIN claim cb ON cb.id = l.b_id
        WHERE m1.cluster_id = ANY($1::uuid[]) AND l.relation = 'CONTRADICTS' AND ${STRONG('l', '$2')}
          AND m2.cluster_id <> m1.cluster_id AND ${SAME_SUBJECT}
       UNION
       SELECT m1.cluster_id, m2.cluster_id AS rival_id
         FROM cluster_member m1
         JOIN claim_link l ON l.b_id = m1.claim_id
         JOIN cluster_member m2 ON m2.claim_id = l.a_id
         JOIN claim ca ON ca.id = l.a_id JOIN claim cb ON cb.id = l.b_id
        WHERE m1.cluster_id = ANY($1::uuid[]) AND l.relation = 'CONTRADICTS' AND ${STRONG('l', '$2')}
          AND m2.cluster_id <> m1.cluster_id AND ${SAME_SUBJECT}`,
      clusterIds,
      MIN_TRACK_CONFIDENCE,
    );
    for (const r of rows) out.get(r.cluster_id)!.push(r.rival_id);
    for (const list of out.values()) list.sort();
    return out;
  }

  async memberDetails(tx: Tx, clusterIds: string[]): Promise<MemberDetail[]> {
    if (clusterIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<
      {
        claim_id: string;
        cluster_id: string;
        source_id: string;
        publisher_id: string | null;
        publisher_name: string | null;
        title: string | null;
        stance: MemberStance;
        seen_at: Date;
        text: string;
        facets: ClaimFacets;
        checkworthiness: number;
      }[]
    >(
      `SELECT m.claim_id, m.cluster_id, m.source_id, m.publisher_id, p.name AS publisher_name, s.title,
              m.stance, m.seen_at, c.text, c.facets, c.checkworthiness
         FROM cluster_member m
         JOIN claim c ON c.id = m.claim_id
         JOIN source s ON s.id = m.source_id
         LEFT JOIN publisher p ON p.id = m.publisher_id
        WHERE m.cluster_id = ANY($1::uuid[])`,
      clusterIds,
    );
    return rows.map((r) => ({
      claimId: r.claim_id,
      clusterId: r.cluster_id,
      sourceId: r.source_id,
      publisherId: r.publisher_id,
      publisherName: r.publisher_name,
      title: r.title,
      stance: r.stance,
      seenAt: r.seen_at,
      text: r.text,
      facets: r.facets,
      checkworthiness: Number(r.checkworthiness),
    }));
  }

  /** Strong links of any relation with both ends among `claimIds`. */
  async linksAmong(tx: Tx, claimIds: string[]): Promise<LinkEdge[]> {
    if (claimIds.length < 2) return [];
    const rows = await tx.$queryRawUnsafe<RawLink[]>(
      `SELECT l.a_id, l.b_id, l.relation::text AS relation, l.confidence, l.status::text AS status
         FROM claim_link l
        WHERE l.a_id = ANY($1::uuid[]) AND l.b_id = ANY($1::uuid[]) AND ${STRONG('l', '$2')}`,
      claimIds,
      MIN_TRACK_CONFIDENCE,
    );
    return rows.map(toLinkEdge);
  }

  async framingMarked(tx: Tx, claimIds: string[]): Promise<Set<string>> {
    if (claimIds.length === 0) return new Set();
    const rows = await tx.$queryRawUnsafe<{ claim_id: string }[]>(
      `SELECT claim_id FROM claim_review WHERE claim_id = ANY($1::uuid[]) AND kind = 'FRAMING'`,
      claimIds,
    );
    return new Set(rows.map((r) => r.claim_id));
  }

  /** SYNDICATED and DERIVED pairs with both sources among `sourceIds`. */
  async dependenciesAmong(tx: Tx, sourceIds: string[]): Promise<DependencyRow[]> {
    if (sourceIds.length < 2) return [];
    const rows = await tx.$queryRawUnsafe<
      {
        a_source_id: string;
        b_source_id: string;
        kind: DependencyRow['kind'];
        copy_id: string;
        similarity: number;
        evidence: string | null;
      }[]
    >(
      `SELECT a_source_id, b_source_id, kind, copy_id, similarity, evidence FROM source_dependency
        WHERE a_source_id = ANY($1::uuid[]) AND b_source_id = ANY($1::uuid[])
          AND kind IN ('SYNDICATED', 'DERIVED')`,
      sourceIds,
    );
    return rows.map((r) => ({
      aSourceId: r.a_source_id,
      bSourceId: r.b_source_id,
      kind: r.kind,
      copyId: r.copy_id,
      similarity: Number(r.similarity),
      evidence: r.evidence,
    }));
  }

  async writeStats(tx: Tx, rows: ClusterStatsRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = (f: (r: ClusterStatsRow) => unknown) => rows.map((r) => JSON.stringify(f(r)));
    await tx.$executeRawUnsafe(
      `UPDATE claim_cluster k SET
          representative_id = u.rep, earliest_claim_id = u.earliest, member_count = u.n,
          support_count = u.sc, independent_support_count = u.isc,
          contradiction_count = u.cc, independent_contradiction_count = u.icc,
          contestedness = u.contested, support_rank = u.support_rank, last_seen_at = u.last,
          contradicted_by = ARRAY(SELECT jsonb_array_elements_text(u.rivals::jsonb))::uuid[],
          dependent_groups = u.dg::jsonb, contradiction_groups = u.cg::jsonb,
          figure_timeline = u.ft::jsonb, framing_terms = u.fr::jsonb, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[],
                     $9::float8[], $10::float8[], $11::timestamptz[], $12::text[], $13::text[], $14::text[],
                     $15::text[], $16::text[])
           AS u(id, rep, earliest, n, sc, isc, cc, icc, contested, support_rank, last, rivals, dg, cg, ft, fr)
        WHERE k.id = u.id`,
      rows.map((r) => r.id),
      rows.map((r) => r.representativeId),
      rows.map((r) => r.earliestClaimId),
      rows.map((r) => r.memberCount),
      rows.map((r) => r.supportCount),
      rows.map((r) => r.independentSupportCount),
      rows.map((r) => r.contradictionCount),
      rows.map((r) => r.independentContradictionCount),
      rows.map((r) => r.contestedness),
      rows.map((r) => r.supportRank),
      rows.map((r) => r.lastSeenAt),
      json((r) => r.contradictedBy),
      json((r) => r.dependentGroups),
      json((r) => r.contradictionGroups),
      json((r) => r.figureTimeline),
      json((r) => r.framingTerms),
    );
  }
}
