import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { logger } from '../common/logger.js';
import { AfterLinkSteps } from '../linking/jobs/after-link.steps.js';
import { ClusterRepository, type NewCluster } from './cluster.repository.js';
import { ClusterInputRepository } from './cluster-input.repository.js';
import { ClusterStatsRepository } from './cluster-stats.repository.js';
import { DerivationRepository } from './derivation.repository.js';
import { DirtyClaimRepository } from './dirty-claim.repository.js';
import { FingerprintRepository, type CurrentText } from './fingerprint.repository.js';
import { assignClusterIds, clusterStatements } from './domain/clustering.js';
import { clusterStats, indexLinks, type ClusterStats } from './domain/cluster-stats.js';
import { decideDerivation, type Derivation } from './domain/derivation.js';
import type { SyndicationPair } from './domain/independence.js';
import {
  bandHashes,
  estimateJaccard,
  shingles,
  signature,
  SYNDICATION_THRESHOLD,
} from './domain/minhash.js';
import { memberStance } from './domain/stance.js';
import type { LinkEdge } from './tracking.sql.js';
import {
  DERIVATION_MIN_CHECKWORTHINESS,
  MAX_COMPONENT,
  MIN_JOIN_CONFIDENCE,
} from './tracking.constants.js';

/**
 * Dirty statements taken per maintenance step. A step re-expands the connected components of
 * its seeds, and on a bulk load of one story a component spans most of the story: in steps of
 * 2,000 the same component was rebuilt every step (10,401 seeds of the FNC-1 training split: 40 s;
 * in one step: 7.3 s). Bounded all the same, as MAX_COMPONENT bounds a component.
 */
const MAX_SEEDS_PER_STEP = 20_000;

/**
 * Steps per call: a workspace that other workers keep marking dirty is left to the next call
 * (the next linked source, or a read's refreshIfPending) rather than holding this one forever.
 */
const MAX_STEPS = 100;

/** Optimistic writes retried this often when other writers keep winning, then the call fails. */
const MAX_WRITE_ATTEMPTS = 8;

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
  /** Sources whose DERIVED pairs changed. */
  derivationChanged: number;
  /** Optimistic writes that lost to another writer and were recomputed. */
  retries: number;
  ms: number;
}

interface ReclusterPlan {
  oldIds: string[];
  clusters: NewCluster[];
  changed: string[];
  formerRivals: string[];
  visited: number;
}

interface WritePlan<T> {
  result: T;
  /** null: nothing to write (no transaction is opened). */
  write: ((tx: Tx) => Promise<void>) | null;
}

const joins = (l: LinkEdge) =>
  l.relation !== 'CONTRADICTS' && (l.confirmed || l.confidence >= MIN_JOIN_CONFIDENCE);

/**
 * Keeps clusters, fingerprints, derivations and cluster statistics current, incrementally: after
 * sources are linked and after reviewers change links (both leave their statements in
 * tracking_dirty_claim, by trigger), only the connected components of the changed statements are
 * re-clustered, and only the clusters they touch (and their rivals) get new statistics.
 *
 * No transaction is open while Node computes: each step reads (plain queries), computes, and
 * then writes in one short transaction that takes the workspace's advisory lock and checks the
 * workspace's tracking version; if another writer bumped it meanwhile, the step reads and
 * computes again. (Before, one transaction held the lock from the first read to the last write:
 * "idle in transaction" for up to 4 s per source on a large workspace.)
 */
@Injectable()
export class ClusterMaintenanceService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clusters: ClusterRepository,
    private readonly inputs: ClusterInputRepository,
    private readonly stats: ClusterStatsRepository,
    private readonly dirty: DirtyClaimRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly derivations: DerivationRepository,
    private readonly steps: AfterLinkSteps,
  ) {}

  onModuleInit() {
    // A linked batch: its sources fingerprinted together, then each workspace maintained once
    // (per source it was 74% of the batch time in `bench:link -- --mode real --quick`), or not
    // at all while the workspace has more sources queued (see afterLink).
    this.steps.register('clusters', async (sourceIds, context) => {
      if (sourceIds.length === 0) {
        // The backlog drained: what the deferred batches left on the dirty queue.
        if (!context.backlog) await this.refreshIfPending(context.workspaceId);
        return;
      }
      await this.afterLink(sourceIds, { deferClusters: context.backlog });
    });
  }

  /**
   * The hook of the linking job, for one source or a batch: fingerprint the sources, decide
   * their derived-copy pairs, then maintain each workspace once.
   *
   * With `deferClusters` (the workspace has more sources queued) the re-clustering is left on
   * the dirty queue for the batch that drains the backlog: on a bulk load of one story, every
   * batch re-clustered the same growing component (0.4 s per batch at first, 5.9 s at 3,000
   * articles), so linking slowed as the corpus grew. What this call would have passed to
   * maintain (retired statements, sources whose pairs changed) is marked dirty instead. Reads
   * still see current clusters: they refresh when anything is dirty (refreshIfPending).
   */
  async afterLink(
    sourceIds: string | readonly string[],
    options: { deferClusters?: boolean } = {},
  ): Promise<MaintenanceResult[]> {
    const ids = [...new Set(typeof sourceIds === 'string' ? [sourceIds] : sourceIds)];
    const byWorkspace = new Map<string, CurrentText[]>();
    for (const current of await this.fingerprints.currentTexts(ids)) {
      const list = byWorkspace.get(current.workspaceId);
      if (list) list.push(current);
      else byWorkspace.set(current.workspaceId, [current]);
    }
    const results: MaintenanceResult[] = [];
    for (const [workspaceId, current] of byWorkspace) {
      const linked = current.map((c) => c.sourceId);
      const changed = new Set(await this.fingerprint(workspaceId, current));
      const derived = await this.rederive(workspaceId, linked);
      for (const s of derived) changed.add(s);
      if (options.deferClusters) {
        await this.prisma.$transaction((tx) =>
          this.dirty.markClusteredClaimsOfSources(tx, workspaceId, [
            ...new Set([...linked, ...changed]),
          ]),
        );
        continue;
      }
      results.push(await this.maintain(workspaceId, linked, [...changed], derived.length));
    }
    return results;
  }

  /** One source (the linking queue's single-source call, and the bench). */
  async afterSourceLinked(sourceId: string): Promise<MaintenanceResult | null> {
    return (await this.afterLink([sourceId]))[0] ?? null;
  }

  /**
   * Brings a workspace's clusters up to date with its links. The review code calls this after
   * confirming, rejecting, re-typing or drawing links (queries also call it when something is
   * pending, so reads never show clusters older than the links).
   */
  async refresh(workspaceId: string): Promise<MaintenanceResult> {
    return this.maintain(workspaceId, [], [], 0);
  }

  async refreshIfPending(workspaceId: string): Promise<void> {
    if (await this.dirty.hasDirty(workspaceId)) await this.refresh(workspaceId);
  }

  /**
   * Stores the MinHash fingerprints of a batch of one workspace's sources and makes their
   * SYNDICATED pairs current, set-based (one short transaction for the batch). Two sources are
   * near-duplicates when both are long enough to judge (short notices are alike by nature) and
   * similar enough, or when their texts are identical (a copy from another publisher is a copy
   * however short). Symmetric, so a batch decides the same pairs as its sources one by one.
   */
  private async fingerprint(workspaceId: string, current: CurrentText[]): Promise<string[]> {
    const prints = current.map((c) => {
      const hashes = shingles(c.text);
      const sig = signature(hashes);
      return {
        sourceId: c.sourceId,
        revisionId: c.revisionId,
        signature: sig,
        shingles: hashes.size,
        bands: bandHashes(sig),
      };
    });
    return this.prisma.$transaction(async (tx) => {
      const matches = await this.fingerprints.storeFingerprints(tx, workspaceId, prints);
      const pairs = new Map<string, { aId: string; bId: string; similarity: number }>();
      for (const f of prints) {
        for (const m of matches.get(f.sourceId) ?? []) {
          const similarity = estimateJaccard(f.signature, m.signature);
          const near =
            Math.min(f.shingles, m.shingles) >= MIN_SHINGLES && similarity >= SYNDICATION_THRESHOLD;
          const identical = f.shingles > 0 && m.shingles > 0 && similarity === 1;
          if (!near && !identical) continue;
          const [aId, bId] = [f.sourceId, m.sourceId].sort() as [string, string];
          pairs.set(`${aId}|${bId}`, { aId, bId, similarity });
        }
      }
      return this.fingerprints.replaceSyndicationOf(
        tx,
        workspaceId,
        prints.map((f) => f.sourceId),
        [...pairs.values()],
      );
    });
  }

  /**
   * Decides the DERIVED pairs of `sourceIds` against every source they share links with
   * (reads, then one short write); returns the sources whose pairs changed.
   */
  private async rederive(workspaceId: string, sourceIds: string[]): Promise<string[]> {
    if (sourceIds.length === 0) return [];
    const inputs = await this.derivations.inputs(sourceIds, DERIVATION_MIN_CHECKWORTHINESS);
    const found: Derivation[] = [];
    for (const [key, matches] of inputs.matches) {
      const [a, b] = key.split('|') as [string, string];
      const sa = inputs.sources.get(a);
      const sb = inputs.sources.get(b);
      if (!sa || !sb || sa.workspaceId !== workspaceId || sb.workspaceId !== workspaceId) continue;
      const d = decideDerivation(sa, sb, matches);
      if (d) found.push(d);
    }
    return this.prisma.$transaction((tx) =>
      this.derivations.replace(tx, workspaceId, sourceIds, found),
    );
  }

  /**
   * Reads and computes with no transaction open, then writes in one short transaction if the
   * workspace's tracking version is unchanged; otherwise reads and computes again.
   */
  private async optimistic<T>(
    workspaceId: string,
    plan: () => Promise<WritePlan<T>>,
  ): Promise<{ result: T; retries: number }> {
    for (let attempt = 0; ; attempt++) {
      const version = await this.dirty.version(workspaceId);
      const p = await plan();
      if (!p.write) return { result: p.result, retries: attempt };
      const write = p.write;
      const ok = await this.prisma.$transaction(async (tx) => {
        if (!(await this.dirty.claimWrite(tx, workspaceId, version))) return false;
        await write(tx);
        return true;
      });
      if (ok) return { result: p.result, retries: attempt };
      if (attempt + 1 >= MAX_WRITE_ATTEMPTS)
        throw new Error(
          `tracking maintenance of workspace ${workspaceId} lost ${MAX_WRITE_ATTEMPTS} optimistic writes in a row; the dirty statements stay queued for the next run`,
        );
    }
  }

  private async maintain(
    workspaceId: string,
    linkedSources: string[],
    statsSources: string[],
    derivationChanged: number,
  ): Promise<MaintenanceResult> {
    const started = performance.now();
    const total = {
      seeds: 0,
      reclustered: 0,
      clusters: 0,
      statsRefreshed: 0,
      derivationChanged,
      retries: 0,
    };
    const rederived = new Set(linkedSources);
    // Steps keep each write short: a backfill of a whole workspace (every statement dirty) is
    // many small steps, a source's update is one.
    for (let step = 0; step < MAX_STEPS; step++) {
      const re = await this.optimistic(workspaceId, async () => {
        const marks = await this.dirty.peek(workspaceId, MAX_SEEDS_PER_STEP);
        // A new revision retires the old one's statements: they leave their clusters.
        const retired =
          step === 0
            ? await this.clusters.clusteredClaimsOfSources(this.prisma, linkedSources)
            : [];
        const seeds = [...new Set([...marks.map((m) => m.claimId), ...retired])];
        const plan = seeds.length ? await this.planRecluster(workspaceId, seeds) : null;
        return {
          result: { marks, seeds, plan },
          write:
            seeds.length === 0
              ? null
              : async (tx: Tx) => {
                  await this.dirty.remove(tx, workspaceId, marks);
                  if (plan)
                    await this.clusters.replaceClusters(
                      tx,
                      workspaceId,
                      plan.oldIds,
                      plan.clusters,
                    );
                },
        };
      });
      total.retries += re.retries;
      const { marks, seeds, plan } = re.result;
      // Links changed by reviews can make or unmake a derived copy too. After a linking run the
      // seeds are mostly the other ends of the new links, whose pairs with the linked sources
      // were just decided; re-deciding all their pairs each time would read every link of a
      // wire report per linked source, so that is left to refresh (the review path).
      const reviewed =
        linkedSources.length === 0
          ? (await this.inputs.sourcesOfClaims(this.prisma, seeds)).filter((s) => !rederived.has(s))
          : [];
      reviewed.forEach((s) => rederived.add(s));
      const derived = await this.rederive(workspaceId, reviewed);
      total.derivationChanged += derived.length;
      const stats = await this.refreshStats(
        workspaceId,
        [...(plan?.changed ?? []), ...(plan?.formerRivals ?? [])],
        step === 0 ? [...statsSources, ...derived] : derived,
      );
      total.retries += stats.retries;
      total.seeds += seeds.length;
      total.reclustered += plan?.visited ?? 0;
      total.clusters += plan?.changed.length ?? 0;
      total.statsRefreshed += stats.result;
      // Re-check the queue: links that changed while this step computed are still marked.
      if (marks.length === 0 || !(await this.dirty.hasDirty(workspaceId))) break;
    }
    const out = { workspaceId, ...total, ms: Math.round(performance.now() - started) };
    logger.debug(out, 'clusters maintained');
    return out;
  }

  private async planRecluster(workspaceId: string, seeds: string[]): Promise<ReclusterPlan> {
    const db = this.prisma;
    const visited = new Set(seeds);
    const oldCluster = new Map<string, string>();
    const expanded = new Set<string>();
    const edges = new Map<string, LinkEdge>();
    let frontier = seeds;
    while (frontier.length) {
      for (const [claim, cluster] of await this.clusters.clusterOf(db, frontier))
        oldCluster.set(claim, cluster);
      const toOpen = [...new Set(frontier.map((c) => oldCluster.get(c)).filter(Boolean))].filter(
        (c) => !expanded.has(c!),
      ) as string[];
      toOpen.forEach((c) => expanded.add(c));
      const siblings: string[] = [];
      for (const [claim, cluster] of await this.clusters.clusterOf(
        db,
        await this.clusters.memberIdsOf(db, toOpen),
      )) {
        oldCluster.set(claim, cluster);
        if (!visited.has(claim)) {
          visited.add(claim);
          siblings.push(claim);
        }
      }
      const next: string[] = [];
      for (const l of await this.inputs.strongLinks(db, [...frontier, ...siblings])) {
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
    const nodes = await this.inputs.trackedClaims(db, [...linked]);
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
        // Placeholders: refreshStats sets the real ones right after.
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
    const formerRivals = await this.clusters.contradictedByOf(db, oldIds);
    return { oldIds, clusters, changed: ids, formerRivals, visited: visited.size };
  }

  /**
   * Recomputes the statistics of `clusterIds`, of the clusters of `sources` and of the clusters
   * contradicting them (reads, compute, one short write).
   */
  private async refreshStats(workspaceId: string, clusterIds: string[], sources: string[]) {
    if (clusterIds.length === 0 && sources.length === 0) return { result: 0, retries: 0 };
    return this.optimistic(workspaceId, async () => {
      const db = this.prisma;
      const extra = await this.clusters.clusterIdsOfSources(db, sources);
      const live = await this.clusters.existingClusterIds(db, [
        ...new Set([...clusterIds, ...extra]),
      ]);
      if (live.length === 0) return { result: 0, write: null };
      const direct = await this.stats.rivalsOf(db, live);
      // A rival's contradiction side includes the changed cluster: its numbers change too.
      const affected = [...new Set([...live, ...[...direct.values()].flat()])];
      const rivals = await this.stats.rivalsOf(db, affected);
      const all = [...new Set([...affected, ...[...rivals.values()].flat()])];
      const members = await this.stats.memberDetails(db, all);
      const byCluster = new Map<string, typeof members>();
      for (const m of members) {
        const list = byCluster.get(m.clusterId);
        if (list) list.push(m);
        else byCluster.set(m.clusterId, [m]);
      }
      const claimIds = members.map((m) => m.claimId);
      const [links, dependencies, marked] = await Promise.all([
        this.stats.linksAmong(db, claimIds),
        this.stats.dependenciesAmong(db, [...new Set(members.map((m) => m.sourceId))]),
        this.stats.framingMarked(db, claimIds),
      ]);
      const pairs: SyndicationPair[] = dependencies.map((s) => ({
        copyId: s.copyId,
        originalId: s.copyId === s.aSourceId ? s.bSourceId : s.aSourceId,
        similarity: s.similarity,
        kind: s.kind,
        evidence: s.evidence ?? undefined,
      }));
      const index = indexLinks(links);
      const rows = affected
        .map((id) => clusterStats(id, rivals.get(id) ?? [], byCluster, index, pairs, marked))
        .filter((r): r is ClusterStats => r !== null);
      return {
        result: rows.length,
        write: rows.length ? (tx: Tx) => this.stats.writeStats(tx, rows) : null,
      };
    });
  }
}
