import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { MemberStance } from './domain/stance.js';
import type { DependentGroup } from './domain/independence.js';
import type { FigurePoint } from './domain/figures.js';
import type { PublisherTerms } from './domain/framing.js';
import type { ClusterStats } from './domain/cluster-stats.js';

export type ClusterOrder = 'CONTESTEDNESS' | 'SUPPORT' | 'RECENCY';

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

/** Clusters and their members: the aggregate maintenance replaces and the API reads. */
@Injectable()
export class ClusterRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  async existingClusterIds(tx: Tx, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM claim_cluster WHERE id = ANY($1::uuid[])`,
      ids,
    );
    return rows.map((r) => r.id);
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
