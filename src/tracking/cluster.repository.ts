import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { ClaimFacets } from '../claims/extraction/types.js';
import type { MemberStance } from './domain/stance.js';
import type { DependentGroup } from './domain/independence.js';
import type { FigurePoint } from './domain/figures.js';
import type { PublisherTerms } from './domain/framing.js';
import { MIN_TRACK_CONFIDENCE } from './tracking.constants.js';
import type { ClusterStats, StatsMember } from './domain/cluster-stats.js';

export type ClusterOrder = 'CONTESTEDNESS' | 'SUPPORT' | 'RECENCY';

export interface LinkEdge {
  aId: string;
  bId: string;
  relation: 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES';
  confidence: number;
  confirmed: boolean;
}

export interface TrackedClaim {
  id: string;
  sourceId: string;
  text: string;
  publisherId: string | null;
  seenAt: Date;
  facets: ClaimFacets;
  checkworthiness: number;
}

export interface NewCluster {
  id: string;
  representativeId: string;
  earliestClaimId: string;
  lastSeenAt: Date;
  members: {
    claimId: string;
    sourceId: string;
    publisherId: string | null;
    stance: MemberStance;
    seenAt: Date;
  }[];
}

/** A cluster member as the stats computation reads it. */
export type MemberDetail = StatsMember;

/** What the stats computation produces is exactly what is stored. */
export type ClusterStatsRow = ClusterStats;

export interface ClusterRow extends ClusterStatsRow {
  workspaceId: string;
  updatedAt: Date;
}

export interface MemberRow {
  claimId: string;
  clusterId: string;
  sourceId: string;
  publisherId: string | null;
  stance: MemberStance;
  seenAt: Date;
}

export interface SyndicationRow {
  aSourceId: string;
  bSourceId: string;
  copyId: string;
  similarity: number;
}

/** A link counts when no reviewer rejected it and a reviewer confirmed it or the linker is sure enough. */
const STRONG = (alias: string, param: string) =>
  `${alias}.status <> 'REJECTED' AND (${alias}.status = 'CONFIRMED' OR ${alias}.confidence >= ${param})`;

/**
 * A contradiction makes two clusters rivals only when the two statements are visibly about the
 * same thing (a shared date, counted thing or event, or much shared wording); the linker's
 * CONTRADICTS between loosely related sentences would otherwise make every cluster a rival of
 * every other.
 */
const SAME_SUBJECT = `(ca.facet_keys && cb.facet_keys OR similarity(ca.text, cb.text) >= 0.3)`;

const CLUSTER_COLUMNS = `k.id, k.workspace_id, k.representative_id, k.earliest_claim_id, k.member_count, k.support_count,
  k.independent_support_count, k.contradiction_count, k.independent_contradiction_count, k.contestedness,
  k.support_rank, k.last_seen_at, k.contradicted_by, k.dependent_groups, k.contradiction_groups,
  k.figure_timeline, k.framing_terms, k.updated_at`;

interface RawCluster {
  id: string;
  workspace_id: string;
  representative_id: string;
  earliest_claim_id: string;
  member_count: number;
  support_count: number;
  independent_support_count: number;
  contradiction_count: number;
  independent_contradiction_count: number;
  contestedness: number;
  support_rank: number;
  last_seen_at: Date;
  contradicted_by: string[];
  dependent_groups: DependentGroup[];
  contradiction_groups: DependentGroup[];
  figure_timeline: FigurePoint[];
  framing_terms: PublisherTerms[];
  updated_at: Date;
}

const fromRaw = (r: RawCluster): ClusterRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  representativeId: r.representative_id,
  earliestClaimId: r.earliest_claim_id,
  memberCount: r.member_count,
  supportCount: r.support_count,
  independentSupportCount: r.independent_support_count,
  contradictionCount: r.contradiction_count,
  independentContradictionCount: r.independent_contradiction_count,
  contestedness: Number(r.contestedness),
  supportRank: Number(r.support_rank),
  lastSeenAt: r.last_seen_at,
  contradictedBy: r.contradicted_by,
  dependentGroups: r.dependent_groups,
  contradictionGroups: r.contradiction_groups,
  figureTimeline: r.figure_timeline,
  framingTerms: r.framing_terms,
  updatedAt: r.updated_at,
});

/** Per order: the indexed column, and how a cursor's number maps to it and back. */
const ORDER: Record<ClusterOrder, { column: string; param: string; number: string }> = {
  CONTESTEDNESS: { column: 'k.contestedness', param: '$2::float8', number: 'k.contestedness' },
  SUPPORT: { column: 'k.support_rank', param: '$2::float8', number: 'k.support_rank' },
  // Milliseconds since the epoch keep the cursor a plain number, exact for timestamptz(3).
  RECENCY: {
    column: 'k.last_seen_at',
    param: `to_timestamp($2::float8 / 1000)`,
    number: `(extract(epoch FROM k.last_seen_at) * 1000)::float8`,
  },
};

/** All SQL of tracking: clusters, members, fingerprints and source dependencies. */
@Injectable()
export class ClusterRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Serialises maintenance of one workspace (two workers finishing sources at once). */
  async lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
    await tx.$executeRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtextextended($1, 12))`,
      `${workspaceId}:tracking`,
    );
  }

  /** Takes up to `limit` dirty statements of the workspace off the queue. */
  async drainDirty(tx: Tx, workspaceId: string, limit: number): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ claim_id: string }[]>(
      `DELETE FROM tracking_dirty_claim
        WHERE (workspace_id, claim_id) IN (
          SELECT workspace_id, claim_id FROM tracking_dirty_claim WHERE workspace_id = $1::uuid LIMIT $2)
       RETURNING claim_id`,
      workspaceId,
      limit,
    );
    return rows.map((r) => r.claim_id);
  }

  async hasDirty(workspaceId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM tracking_dirty_claim WHERE workspace_id = $1::uuid LIMIT 1`,
      workspaceId,
    );
    return rows.length > 0;
  }

  /** Statements of a source already in clusters, whatever their revision (a new revision retires them). */
  async clusteredClaimsOfSources(tx: Tx, sourceIds: string[]): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ claim_id: string }[]>(
      `SELECT claim_id FROM cluster_member WHERE source_id = ANY($1::uuid[])`,
      sourceIds,
    );
    return rows.map((r) => r.claim_id);
  }

  async clusterIdsOfSources(tx: Tx, sourceIds: string[]): Promise<string[]> {
    if (sourceIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ cluster_id: string }[]>(
      `SELECT DISTINCT cluster_id FROM cluster_member WHERE source_id = ANY($1::uuid[])`,
      sourceIds,
    );
    return rows.map((r) => r.cluster_id);
  }

  /** claim id -> cluster id, for the claims that have one. */
  async clusterOf(
    tx: Tx | PrismaService,
    claimIds: readonly string[],
  ): Promise<Map<string, string>> {
    if (claimIds.length === 0) return new Map();
    const rows = await tx.$queryRawUnsafe<{ claim_id: string; cluster_id: string }[]>(
      `SELECT claim_id, cluster_id FROM cluster_member WHERE claim_id = ANY($1::uuid[])`,
      [...claimIds],
    );
    return new Map(rows.map((r) => [r.claim_id, r.cluster_id]));
  }

  async memberIdsOf(tx: Tx, clusterIds: string[]): Promise<string[]> {
    if (clusterIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ claim_id: string }[]>(
      `SELECT claim_id FROM cluster_member WHERE cluster_id = ANY($1::uuid[])`,
      clusterIds,
    );
    return rows.map((r) => r.claim_id);
  }

  /** The counting links of the given statements, between statements of current revisions. */
  async strongLinks(tx: Tx, claimIds: string[]): Promise<LinkEdge[]> {
    if (claimIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<
      {
        a_id: string;
        b_id: string;
        relation: LinkEdge['relation'];
        confidence: number;
        status: string;
      }[]
    >(
      `WITH l AS (
         SELECT l.a_id, l.b_id, l.relation, l.confidence, l.status FROM claim_link l
          WHERE l.a_id = ANY($1::uuid[]) AND ${STRONG('l', '$2')}
         UNION
         SELECT l.a_id, l.b_id, l.relation, l.confidence, l.status FROM claim_link l
          WHERE l.b_id = ANY($1::uuid[]) AND ${STRONG('l', '$2')}
       )
       SELECT l.a_id, l.b_id, l.relation::text AS relation, l.confidence, l.status::text AS status
         FROM l
         JOIN claim ca ON ca.id = l.a_id JOIN source sa ON sa.current_revision_id = ca.revision_id
         JOIN claim cb ON cb.id = l.b_id JOIN source sb ON sb.current_revision_id = cb.revision_id`,
      claimIds,
      MIN_TRACK_CONFIDENCE,
    );
    return rows.map((r) => ({
      aId: r.a_id,
      bId: r.b_id,
      relation: r.relation,
      confidence: Number(r.confidence),
      confirmed: r.status === 'CONFIRMED',
    }));
  }

  /** The statements among `claimIds` that belong to a current revision. */
  async trackedClaims(tx: Tx, claimIds: string[]): Promise<TrackedClaim[]> {
    if (claimIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<
      {
        id: string;
        source_id: string;
        text: string;
        publisher_id: string | null;
        seen_at: Date;
        facets: ClaimFacets;
        checkworthiness: number;
      }[]
    >(
      `SELECT c.id, c.source_id, c.text, s.publisher_id, COALESCE(s.published_at, s.created_at) AS seen_at,
              c.facets, c.checkworthiness
         FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
        WHERE c.id = ANY($1::uuid[])`,
      claimIds,
    );
    return rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      text: r.text,
      publisherId: r.publisher_id,
      seenAt: r.seen_at,
      facets: r.facets,
      checkworthiness: Number(r.checkworthiness),
    }));
  }

  async contradictedByOf(tx: Tx, clusterIds: string[]): Promise<string[]> {
    if (clusterIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT DISTINCT unnest(contradicted_by) AS id FROM claim_cluster WHERE id = ANY($1::uuid[])`,
      clusterIds,
    );
    return rows.map((r) => r.id);
  }

  /** Replaces clusters `oldIds` with `clusters` (stats are written afterwards by writeStats). */
  async replaceClusters(
    tx: Tx,
    workspaceId: string,
    oldIds: string[],
    clusters: NewCluster[],
  ): Promise<void> {
    if (oldIds.length)
      await tx.$executeRawUnsafe(`DELETE FROM claim_cluster WHERE id = ANY($1::uuid[])`, oldIds);
    if (clusters.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO claim_cluster (id, workspace_id, representative_id, earliest_claim_id, member_count, last_seen_at)
       SELECT u.id, $1::uuid, u.rep, u.earliest, u.n, u.last
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::timestamptz[]) AS u(id, rep, earliest, n, last)`,
      workspaceId,
      clusters.map((c) => c.id),
      clusters.map((c) => c.representativeId),
      clusters.map((c) => c.earliestClaimId),
      clusters.map((c) => c.members.length),
      clusters.map((c) => c.lastSeenAt),
    );
    const members = clusters.flatMap((c) => c.members.map((m) => ({ ...m, clusterId: c.id })));
    await tx.$executeRawUnsafe(
      `INSERT INTO cluster_member (claim_id, cluster_id, workspace_id, source_id, publisher_id, stance, seen_at)
       SELECT u.claim_id, u.cluster_id, $1::uuid, u.source_id, u.publisher_id, u.stance, u.seen_at
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[])
           AS u(claim_id, cluster_id, source_id, publisher_id, stance, seen_at)`,
      workspaceId,
      members.map((m) => m.claimId),
      members.map((m) => m.clusterId),
      members.map((m) => m.sourceId),
      members.map((m) => m.publisherId),
      members.map((m) => m.stance),
      members.map((m) => m.seenAt),
    );
  }

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
    const rows = await tx.$queryRawUnsafe<
      {
        a_id: string;
        b_id: string;
        relation: LinkEdge['relation'];
        confidence: number;
        status: string;
      }[]
    >(
      `SELECT l.a_id, l.b_id, l.relation::text AS relation, l.confidence, l.status::text AS status
         FROM claim_link l
        WHERE l.a_id = ANY($1::uuid[]) AND l.b_id = ANY($1::uuid[]) AND ${STRONG('l', '$2')}`,
      claimIds,
      MIN_TRACK_CONFIDENCE,
    );
    return rows.map((r) => ({
      aId: r.a_id,
      bId: r.b_id,
      relation: r.relation,
      confidence: Number(r.confidence),
      confirmed: r.status === 'CONFIRMED',
    }));
  }

  async framingMarked(tx: Tx, claimIds: string[]): Promise<Set<string>> {
    if (claimIds.length === 0) return new Set();
    const rows = await tx.$queryRawUnsafe<{ claim_id: string }[]>(
      `SELECT claim_id FROM claim_review WHERE claim_id = ANY($1::uuid[]) AND kind = 'FRAMING'`,
      claimIds,
    );
    return new Set(rows.map((r) => r.claim_id));
  }

  async syndicationAmong(tx: Tx, sourceIds: string[]): Promise<SyndicationRow[]> {
    if (sourceIds.length < 2) return [];
    const rows = await tx.$queryRawUnsafe<
      { a_source_id: string; b_source_id: string; copy_id: string; similarity: number }[]
    >(
      `SELECT a_source_id, b_source_id, copy_id, similarity FROM source_dependency
        WHERE a_source_id = ANY($1::uuid[]) AND b_source_id = ANY($1::uuid[]) AND kind = 'SYNDICATED'`,
      sourceIds,
    );
    return rows.map((r) => ({
      aSourceId: r.a_source_id,
      bSourceId: r.b_source_id,
      copyId: r.copy_id,
      similarity: Number(r.similarity),
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

  async existingClusterIds(tx: Tx, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM claim_cluster WHERE id = ANY($1::uuid[])`,
      ids,
    );
    return rows.map((r) => r.id);
  }

  // --- fingerprints and syndication -------------------------------------------------------

  async currentText(
    sourceId: string,
  ): Promise<{ workspaceId: string; revisionId: string; text: string } | null> {
    const rows = await this.prisma.$queryRawUnsafe<
      { workspace_id: string; revision_id: string; text: string }[]
    >(
      `SELECT s.workspace_id, r.id AS revision_id, r.text
         FROM source s JOIN source_revision r ON r.id = s.current_revision_id WHERE s.id = $1::uuid`,
      sourceId,
    );
    const r = rows[0];
    return r ? { workspaceId: r.workspace_id, revisionId: r.revision_id, text: r.text } : null;
  }

  /**
   * Stores a source's fingerprint and bands and returns the signatures of the other sources of
   * the workspace sharing at least one band (the near-duplicate candidates).
   */
  async storeFingerprint(
    tx: Tx,
    f: {
      workspaceId: string;
      sourceId: string;
      revisionId: string;
      signature: number[];
      shingles: number;
      bands: number[];
    },
  ): Promise<{ sourceId: string; signature: number[] }[]> {
    await tx.$executeRawUnsafe(
      `INSERT INTO source_fingerprint (source_id, workspace_id, revision_id, signature, shingles)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int[], $5)
       ON CONFLICT (source_id) DO UPDATE SET revision_id = EXCLUDED.revision_id,
         signature = EXCLUDED.signature, shingles = EXCLUDED.shingles`,
      f.sourceId,
      f.workspaceId,
      f.revisionId,
      f.signature,
      f.shingles,
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM source_fingerprint_band WHERE source_id = $1::uuid`,
      f.sourceId,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO source_fingerprint_band (workspace_id, band, hash, source_id)
       SELECT $1::uuid, u.band, u.hash, $2::uuid FROM unnest($3::int[], $4::int[]) AS u(band, hash)
       ON CONFLICT DO NOTHING`,
      f.workspaceId,
      f.sourceId,
      f.bands.map((_, i) => i),
      f.bands,
    );
    const rows = await tx.$queryRawUnsafe<{ source_id: string; signature: number[] }[]>(
      `SELECT f.source_id, f.signature FROM source_fingerprint f
        WHERE f.source_id IN (
          SELECT b.source_id FROM source_fingerprint_band b
            JOIN unnest($3::int[], $4::int[]) AS u(band, hash) ON b.band = u.band AND b.hash = u.hash
           WHERE b.workspace_id = $1::uuid AND b.source_id <> $2::uuid)`,
      f.workspaceId,
      f.sourceId,
      f.bands.map((_, i) => i),
      f.bands,
    );
    return rows.map((r) => ({ sourceId: r.source_id, signature: r.signature }));
  }

  /** Makes the source's SYNDICATED pairs exactly `pairs`; returns every source whose pairs changed. */
  async replaceSyndication(
    tx: Tx,
    workspaceId: string,
    sourceId: string,
    pairs: { otherId: string; similarity: number }[],
  ): Promise<string[]> {
    const removed = await tx.$queryRawUnsafe<{ a_source_id: string; b_source_id: string }[]>(
      `DELETE FROM source_dependency WHERE (a_source_id = $1::uuid OR b_source_id = $1::uuid) AND kind = 'SYNDICATED'
       RETURNING a_source_id, b_source_id`,
      sourceId,
    );
    if (pairs.length) {
      // The copy is the later of the two (by publication, then by ingestion).
      await tx.$executeRawUnsafe(
        `INSERT INTO source_dependency (workspace_id, a_source_id, b_source_id, kind, similarity, copy_id)
         SELECT $1::uuid, LEAST($2::uuid, u.other), GREATEST($2::uuid, u.other), 'SYNDICATED', u.sim,
                (SELECT s.id FROM source s WHERE s.id IN ($2::uuid, u.other)
                  ORDER BY COALESCE(s.published_at, s.created_at) DESC, s.created_at DESC, s.id DESC LIMIT 1)
           FROM unnest($3::uuid[], $4::float8[]) AS u(other, sim)`,
        workspaceId,
        sourceId,
        pairs.map((p) => p.otherId),
        pairs.map((p) => p.similarity),
      );
    }
    return [
      ...new Set([
        ...removed.flatMap((r) => [r.a_source_id, r.b_source_id]),
        ...pairs.map((p) => p.otherId),
        sourceId,
      ]),
    ];
  }

  // --- reads for the API -------------------------------------------------------------------

  async findByIds(ids: readonly string[]): Promise<ClusterRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.$queryRawUnsafe<RawCluster[]>(
      `SELECT ${CLUSTER_COLUMNS} FROM claim_cluster k WHERE k.id = ANY($1::uuid[])`,
      [...ids],
    );
    return rows.map(fromRaw);
  }

  /** One page in `order` (descending key, then descending id), after the keyset position `after`. */
  async page(
    workspaceId: string,
    order: ClusterOrder,
    limit: number,
    after: [number, string] | null,
  ): Promise<{ rows: (ClusterRow & { sortKey: number })[]; total: number }> {
    const o = ORDER[order];
    // Two statements rather than an OR on the cursor, so both walk the index and stop at limit.
    const keyset = after ? `AND (${o.column}, k.id) < (${o.param}, $3::uuid)` : '';
    const params = after ? [workspaceId, after[0], after[1], limit + 1] : [workspaceId, limit + 1];
    const [rows, total] = await Promise.all([
      this.prisma.$queryRawUnsafe<(RawCluster & { sort_key: number })[]>(
        `SELECT ${CLUSTER_COLUMNS}, ${o.number} AS sort_key FROM claim_cluster k
          WHERE k.workspace_id = $1::uuid ${keyset}
          ORDER BY ${o.column} DESC, k.id DESC LIMIT $${params.length}`,
        ...params,
      ),
      this.prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM claim_cluster WHERE workspace_id = $1::uuid`,
        workspaceId,
      ),
    ]);
    return {
      rows: rows.map((r) => ({ ...fromRaw(r), sortKey: Number(r.sort_key) })),
      total: Number(total[0]?.n ?? 0),
    };
  }

  async membersOf(clusterIds: readonly string[]): Promise<MemberRow[]> {
    if (clusterIds.length === 0) return [];
    const rows = await this.prisma.$queryRawUnsafe<
      {
        claim_id: string;
        cluster_id: string;
        source_id: string;
        publisher_id: string | null;
        stance: MemberStance;
        seen_at: Date;
      }[]
    >(
      `SELECT claim_id, cluster_id, source_id, publisher_id, stance, seen_at FROM cluster_member
        WHERE cluster_id = ANY($1::uuid[]) ORDER BY seen_at, claim_id`,
      [...clusterIds],
    );
    return rows.map((r) => ({
      claimId: r.claim_id,
      clusterId: r.cluster_id,
      sourceId: r.source_id,
      publisherId: r.publisher_id,
      stance: r.stance,
      seenAt: r.seen_at,
    }));
  }

  async clusterIdsByClaims(claimIds: readonly string[]): Promise<Map<string, string>> {
    return this.clusterOf(this.prisma, claimIds);
  }

  /** The workspace's publishers (optionally only `ids`) with how many sources each has there. */
  async publishers(
    workspaceId: string,
    ids: readonly string[] | null,
  ): Promise<{ id: string; name: string; sourceCount: number }[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ id: string; name: string; n: bigint }[]>(
      `SELECT p.id, p.name, (SELECT count(*) FROM source s WHERE s.publisher_id = p.id) AS n
         FROM publisher p
        WHERE p.workspace_id = $1::uuid AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
        ORDER BY p.name, p.id`,
      workspaceId,
      ids ? [...ids] : null,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, sourceCount: Number(r.n) }));
  }
}
