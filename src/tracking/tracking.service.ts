import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { pageOf, pageSize, toConnection, type Connection } from '../common/pagination.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { ClusterMaintenanceService } from './cluster-maintenance.service.js';
import {
  ClusterRepository,
  type ClusterOrder,
  type ClusterRow,
  type MemberRow,
} from './cluster.repository.js';
import { coverageCells, type CoverageCell } from './domain/coverage.js';

export const DEFAULT_COVERAGE_CLUSTERS = 50;

export interface CoverageResult {
  publishers: { id: string; name: string; workspaceId: string }[];
  clusters: ClusterRow[];
  cells: CoverageCell[];
}

/** Reads of the precomputed tracking tables: cluster lists, single clusters, coverage. */
@Injectable()
export class TrackingService {
  constructor(
    private readonly repo: ClusterRepository,
    private readonly maintenance: ClusterMaintenanceService,
    private readonly workspaces: WorkspaceService,
  ) {}

  async list(
    workspaceId: string,
    order: ClusterOrder,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<ClusterRow & { sortKey: number }>> {
    const workspace = await this.workspaces.get(workspaceId);
    const page = pageOf<[number, string]>(first, after, ['number', 'string']);
    await this.maintenance.refreshIfPending(workspace.id);
    const { rows, total } = await this.repo.page(workspace.id, order, page.limit, page.after);
    return toConnection(rows, page.limit, total, (r) => [r.sortKey, r.id]);
  }

  async find(id: string): Promise<ClusterRow | null> {
    if (!isUuid(id)) return null;
    return (await this.repo.findByIds([id]))[0] ?? null;
  }

  findByIds(ids: readonly string[]): Promise<ClusterRow[]> {
    return this.repo.findByIds(ids.filter(isUuid));
  }

  membersOf(clusterIds: readonly string[]): Promise<MemberRow[]> {
    return this.repo.membersOf(clusterIds.filter(isUuid));
  }

  clusterIdsByClaims(claimIds: readonly string[]): Promise<Map<string, string>> {
    return this.repo.clusterIdsByClaims(claimIds.filter(isUuid));
  }

  /**
   * The coverage matrix for `clusterIds` (default: the most contested clusters, `first` of them)
   * and `publisherIds` (default: every publisher of the workspace).
   */
  async coverage(
    workspaceId: string,
    clusterIds: readonly string[] | null | undefined,
    publisherIds: readonly string[] | null | undefined,
    first: number | null | undefined,
  ): Promise<CoverageResult> {
    const workspace = await this.workspaces.get(workspaceId);
    await this.maintenance.refreshIfPending(workspace.id);
    let clusters: ClusterRow[];
    if (clusterIds) {
      if (clusterIds.length > 200)
        throw badInput('at most 200 clusterIds per request', { field: 'clusterIds' });
      const found = await this.repo.findByIds(clusterIds.filter(isUuid));
      const mine = new Map(
        found.filter((c) => c.workspaceId === workspace.id).map((c) => [c.id, c]),
      );
      const missing = clusterIds.find((id) => !mine.has(id));
      // A cluster of another workspace is reported exactly like a missing one.
      if (missing) throw notFound('cluster', missing);
      clusters = clusterIds.map((id) => mine.get(id)!);
    } else {
      const limit =
        first === null || first === undefined ? DEFAULT_COVERAGE_CLUSTERS : pageSize(first);
      clusters = (await this.repo.page(workspace.id, 'CONTESTEDNESS', limit, null)).rows.slice(
        0,
        limit,
      );
    }
    const publishers = await this.repo.publishers(
      workspace.id,
      publisherIds ? publisherIds.filter(isUuid) : null,
    );
    if (publisherIds) {
      const known = new Set(publishers.map((p) => p.id));
      const missing = publisherIds.find((id) => !known.has(id));
      if (missing) throw notFound('publisher', missing);
    }
    const rivalIds = [...new Set(clusters.flatMap((c) => c.contradictedBy))];
    const members = await this.repo.membersOf([
      ...new Set([...clusters.map((c) => c.id), ...rivalIds]),
    ]);
    return {
      publishers: publishers.map((p) => ({ id: p.id, name: p.name, workspaceId: workspace.id })),
      clusters,
      cells: coverageCells(publishers, clusters, members),
    };
  }
}
