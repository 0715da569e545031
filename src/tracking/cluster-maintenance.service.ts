import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { logger } from '../common/logger.js';
import { AfterLinkSteps } from '../linking/jobs/after-link.steps.js';
import { ClusterRepository, type LinkEdge, type NewCluster } from './cluster.repository.js';
import { assignClusterIds, clusterStatements } from './domain/clustering.js';
import { clusterStats, type ClusterStats } from './domain/cluster-stats.js';
import {
  bandHashes,
  estimateJaccard,
  shingles,
  signature,
  SYNDICATION_THRESHOLD,
} from './domain/minhash.js';
import { memberStance } from './domain/stance.js';
import { MAX_COMPONENT, MIN_JOIN_CONFIDENCE } from './tracking.constants.js';

/** Dirty statements taken per maintenance transaction. */
const MAX_SEEDS_PER_STEP = 2_000;

/** A near-duplicate needs at least this many shingles: two-line notices are alike by nature. */
const MIN_SHINGLES = 20;

export interface MaintenanceResult {
  workspaceId: string;
  /** Statements whose links changed (the seeds of the recomputation). */
  seeds: number;
  /** Statements re-clustered: the connected components of the seeds. */
  reclustered: number;
  clusters: number;
  statsRefreshed: number;
  ms: number;
}

const joins = (l: LinkEdge) =>
  l.relation !== 'CONTRADICTS' && (l.confirmed || l.confidence >= MIN_JOIN_CONFIDENCE);

/**
 * Keeps clusters, fingerprints and cluster statistics current, incrementally: after a source
 * is linked and after reviewers change links (both leave their statements in
 * tracking_dirty_claim, by trigger), only the connected components of the changed statements are
 * re-clustered, and only the clusters they touch (and their rivals) get new statistics.
 */
@Injectable()
export class ClusterMaintenanceService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: ClusterRepository,
    private readonly afterLink: AfterLinkSteps,
  ) {}

  onModuleInit() {
    // A linked batch: every source fingerprinted, then its workspace maintained once (per source
    // it was 74% of the batch time in `bench:link -- --mode real --quick`).
    this.afterLink.register('clusters', async (sourceIds) => {
      const byWorkspace = new Map<string, { linked: string[]; changed: Set<string> }>();
      for (const sourceId of sourceIds) {
        const current = await this.repo.currentText(sourceId);
        if (!current) continue;
        const entry = byWorkspace.get(current.workspaceId) ?? { linked: [], changed: new Set() };
        entry.linked.push(sourceId);
        for (const id of await this.fingerprint(sourceId, current)) entry.changed.add(id);
        byWorkspace.set(current.workspaceId, entry);
      }
      for (const [workspaceId, { linked, changed }] of byWorkspace)
        await this.maintain(workspaceId, linked, [...changed]);
    });
  }

  /** The hook of the linking job: fingerprint the source, then maintain its workspace. */
  async afterSourceLinked(sourceId: string): Promise<MaintenanceResult | null> {
    const current = await this.repo.currentText(sourceId);
    if (!current) return null;
    const changedSources = await this.fingerprint(sourceId, current);
    return this.maintain(current.workspaceId, [sourceId], changedSources);
  }

  /**
   * Brings a workspace's clusters up to date with its links. The review code calls this after
   * confirming, rejecting, re-typing or drawing links (queries also call it when something is
   * pending, so reads never show clusters older than the links).
   */
  async refresh(workspaceId: string): Promise<MaintenanceResult> {
    return this.maintain(workspaceId, [], []);
  }

  async refreshIfPending(workspaceId: string): Promise<void> {
    if (await this.repo.hasDirty(workspaceId)) await this.refresh(workspaceId);
  }

  private async fingerprint(
    sourceId: string,
    current: { workspaceId: string; revisionId: string; text: string },
  ): Promise<string[]> {
    const hashes = shingles(current.text);
    const sig = signature(hashes);
    return this.prisma.$transaction(async (tx) => {
      const candidates = await this.repo.storeFingerprint(tx, {
        workspaceId: current.workspaceId,
        sourceId,
        revisionId: current.revisionId,
        signature: sig,
        shingles: hashes.size,
        bands: bandHashes(sig),
      });
      const pairs =
        hashes.size < MIN_SHINGLES
          ? []
          : candidates
              .map((c) => ({ otherId: c.sourceId, similarity: estimateJaccard(sig, c.signature) }))
              .filter((p) => p.similarity >= SYNDICATION_THRESHOLD);
      return this.repo.replaceSyndication(tx, current.workspaceId, sourceId, pairs);
    });
  }

  private async maintain(
    workspaceId: string,
    linkedSources: string[],
    statsSources: string[],
  ): Promise<MaintenanceResult> {
    const started = performance.now();
    const total = { seeds: 0, reclustered: 0, clusters: 0, statsRefreshed: 0 };
    // Batches keep each transaction short: a backfill of a whole workspace (every statement
    // dirty) is many small steps, a source's update is one.
    for (let batch = 0; ; batch++) {
      const step = await this.prisma.$transaction(
        async (tx) => {
          await this.repo.lockWorkspace(tx, workspaceId);
          const dirty = await this.repo.drainDirty(tx, workspaceId, MAX_SEEDS_PER_STEP);
          // A new revision retires the old one's statements: they leave their clusters.
          const retired =
            batch === 0 ? await this.repo.clusteredClaimsOfSources(tx, linkedSources) : [];
          const seeds = [...new Set([...dirty, ...retired])];
          const re = seeds.length
            ? await this.recluster(tx, workspaceId, seeds)
            : { changed: [], formerRivals: [], visited: 0 };
          const extra = batch === 0 ? await this.repo.clusterIdsOfSources(tx, statsSources) : [];
          const stats = await this.refreshStats(tx, [
            ...new Set([...re.changed, ...re.formerRivals, ...extra]),
          ]);
          return {
            more: dirty.length === MAX_SEEDS_PER_STEP,
            seeds: seeds.length,
            reclustered: re.visited,
            clusters: re.changed.length,
            statsRefreshed: stats,
          };
        },
        { timeout: 120_000 },
      );
      total.seeds += step.seeds;
      total.reclustered += step.reclustered;
      total.clusters += step.clusters;
      total.statsRefreshed += step.statsRefreshed;
      if (!step.more) break;
    }
    const out = { workspaceId, ...total, ms: Math.round(performance.now() - started) };
    logger.debug(out, 'clusters maintained');
    return out;
  }

  /**
   * Re-clusters the connected components (over joining links) of `seeds`, together with every
   * statement of the clusters they were in, so a removed or rejected link can split a cluster.
   */
  private async recluster(tx: Tx, workspaceId: string, seeds: string[]) {
    const visited = new Set(seeds);
    const oldCluster = new Map<string, string>();
    const expanded = new Set<string>();
    const edges = new Map<string, LinkEdge>();
    let frontier = seeds;
    while (frontier.length) {
      for (const [claim, cluster] of await this.repo.clusterOf(tx, frontier))
        oldCluster.set(claim, cluster);
      const toOpen = [...new Set(frontier.map((c) => oldCluster.get(c)).filter(Boolean))].filter(
        (c) => !expanded.has(c!),
      ) as string[];
      toOpen.forEach((c) => expanded.add(c));
      const siblings: string[] = [];
      for (const [claim, cluster] of await this.repo.clusterOf(
        tx,
        await this.repo.memberIdsOf(tx, toOpen),
      )) {
        oldCluster.set(claim, cluster);
        if (!visited.has(claim)) {
          visited.add(claim);
          siblings.push(claim);
        }
      }
      const next: string[] = [];
      for (const l of await this.repo.strongLinks(tx, [...frontier, ...siblings])) {
        edges.set(`${l.aId}|${l.bId}`, l);
        if (!joins(l)) continue;
        for (const end of [l.aId, l.bId]) {
          if (visited.has(end) || visited.size >= MAX_COMPONENT) continue;
          visited.add(end);
          next.push(end);
        }
      }
      if (visited.size >= MAX_COMPONENT && next.length)
        logger.warn({ workspaceId, size: visited.size }, 'cluster component cut at MAX_COMPONENT');
      frontier = next;
    }

    // A statement is tracked when it has a counting link; retired revisions have none (strongLinks
    // only returns links between current statements).
    const linked = new Set<string>();
    for (const l of edges.values()) {
      if (visited.has(l.aId)) linked.add(l.aId);
      if (visited.has(l.bId)) linked.add(l.bId);
    }
    const nodes = await this.repo.trackedClaims(tx, [...linked]);
    const joining = [...edges.values()].filter(joins);
    const groups = clusterStatements(
      nodes,
      joining.map((l) => ({
        a: l.aId,
        b: l.bId,
        weight: l.confirmed ? 2 : l.confidence,
        reported: l.relation === 'DISCUSSES' && !l.confirmed,
      })),
    );
    const ids = assignClusterIds(groups, oldCluster, randomUUID);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const groupOf = new Map<string, number>();
    groups.forEach((g, i) => g.forEach((m) => groupOf.set(m, i)));
    const corroborated = new Set<string>();
    for (const l of joining) {
      if (l.relation !== 'CORROBORATES' || groupOf.get(l.aId) !== groupOf.get(l.bId)) continue;
      corroborated.add(l.aId);
      corroborated.add(l.bId);
    }
    const clusters: NewCluster[] = groups.map((g, i) => {
      const members = g
        .map((id) => byId.get(id)!)
        .sort((x, y) => x.seenAt.getTime() - y.seenAt.getTime() || x.id.localeCompare(y.id));
      return {
        id: ids[i]!,
        // Placeholders: refreshStats sets the real ones in the same transaction.
        representativeId: members[0]!.id,
        earliestClaimId: members[0]!.id,
        lastSeenAt: members.at(-1)!.seenAt,
        members: members.map((m) => ({
          claimId: m.id,
          sourceId: m.sourceId,
          publisherId: m.publisherId,
          stance: memberStance(m.facets, corroborated.has(m.id)),
          seenAt: m.seenAt,
        })),
      };
    });
    const oldIds = [...expanded];
    const formerRivals = await this.repo.contradictedByOf(tx, oldIds);
    await this.repo.replaceClusters(tx, workspaceId, oldIds, clusters);
    return { changed: ids, formerRivals, visited: visited.size };
  }

  /** Recomputes the statistics of `clusterIds` and of the clusters contradicting them. */
  private async refreshStats(tx: Tx, clusterIds: string[]): Promise<number> {
    const live = await this.repo.existingClusterIds(tx, clusterIds);
    if (live.length === 0) return 0;
    const direct = await this.repo.rivalsOf(tx, live);
    // A rival's contradiction side includes the changed cluster: its numbers change too.
    const affected = [...new Set([...live, ...[...direct.values()].flat()])];
    const rivals = await this.repo.rivalsOf(tx, affected);
    const all = [...new Set([...affected, ...[...rivals.values()].flat()])];
    const members = await this.repo.memberDetails(tx, all);
    const byCluster = new Map<string, typeof members>();
    for (const m of members) byCluster.set(m.clusterId, [...(byCluster.get(m.clusterId) ?? []), m]);
    const claimIds = members.map((m) => m.claimId);
    // One connection per transaction: these run one after another.
    const links = await this.repo.linksAmong(tx, claimIds);
    const syndication = await this.repo.syndicationAmong(tx, [
      ...new Set(members.map((m) => m.sourceId)),
    ]);
    const marked = await this.repo.framingMarked(tx, claimIds);
    const pairs = syndication.map((s) => ({
      copyId: s.copyId,
      originalId: s.copyId === s.aSourceId ? s.bSourceId : s.aSourceId,
      similarity: s.similarity,
    }));
    const rows = affected
      .map((id) => clusterStats(id, rivals.get(id) ?? [], byCluster, links, pairs, marked))
      .filter((r): r is ClusterStats => r !== null);
    await this.repo.writeStats(tx, rows);
    return rows.length;
  }
}
