import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { logger } from '../../common/logger.js';
import { SYSTEM_ACTOR } from '../../common/actor.js';
import { LinkingService, type LinkPhases } from '../linking.service.js';
import { runInLinkScope } from '../providers/link-scope.js';
import { AfterLinkSteps } from './after-link.steps.js';
import {
  LinkingQueueRepository,
  MAX_ATTEMPTS,
  type ClaimedSource,
} from './linking-queue.repository.js';

export { MAX_ATTEMPTS };

export interface BatchReport {
  workspaceId: string;
  sources: number;
  done: number;
  failed: number;
  claims: number;
  pairs: number;
  links: number;
  /** Milliseconds per phase; afterLink per step. */
  phases: LinkPhases & { afterLink: number; steps: Record<string, number> };
  ms: number;
}

/**
 * Owns the whole life of a linking run, for the worker and for relink alike: the sources arrive
 * RUNNING (claimed with a lease by LinkingQueueRepository.claimBatch, which read their rows once);
 * the runner keeps the lease alive, links the batch, runs the after-link steps in their
 * declared order, then marks each source DONE, or PENDING for a retry, or FAILED with a reason
 * after MAX_ATTEMPTS.
 */
@Injectable()
export class LinkingRunner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly linking: LinkingService,
    private readonly queue: LinkingQueueRepository,
    private readonly steps: AfterLinkSteps,
  ) {}

  /** The lease a claim holds; renewed every third of it while the batch runs. */
  get leaseSeconds(): number {
    return this.config.linkJobHeartbeatSeconds > 0
      ? this.config.linkJobHeartbeatSeconds
      : this.config.linkJobExpireSeconds;
  }

  async run(worker: string, batch: ClaimedSource[]): Promise<BatchReport> {
    const started = performance.now();
    const report: BatchReport = {
      workspaceId: batch[0]?.workspaceId ?? '',
      sources: batch.length,
      done: 0,
      failed: 0,
      claims: 0,
      pairs: 0,
      links: 0,
      phases: {
        statements: 0,
        candidates: 0,
        classification: 0,
        writes: 0,
        afterLink: 0,
        steps: {},
      },
      ms: 0,
    };
    if (batch.length === 0) return report;
    const ids = batch.map((s) => s.sourceId);
    const heartbeat =
      this.config.linkJobHeartbeatSeconds > 0
        ? setInterval(
            () =>
              void this.queue
                .renewLease(worker, ids, this.leaseSeconds)
                .catch((error: unknown) =>
                  logger.warn({ err: error }, 'lease renewal failed; will try again'),
                ),
            (this.leaseSeconds * 1000) / 3,
          )
        : null;
    try {
      if (this.config.linkJobTestDelayMs > 0) {
        // Test-only (LINK_JOB_TEST_DELAY_MS): holds the batch RUNNING so a fault test can kill us.
        await new Promise((resolve) => setTimeout(resolve, this.config.linkJobTestDelayMs));
      }
      await this.attempt(worker, batch, report);
    } finally {
      if (heartbeat) clearInterval(heartbeat);
    }
    report.ms = performance.now() - started;
    const r = (x: number) => Math.round(x);
    logger.info(
      {
        workspaceId: report.workspaceId,
        sources: report.sources,
        done: report.done,
        failed: report.failed,
        claims: report.claims,
        pairs: report.pairs,
        links: report.links,
        ms: r(report.ms),
        statementsMs: r(report.phases.statements),
        candidatesMs: r(report.phases.candidates),
        classificationMs: r(report.phases.classification),
        writesMs: r(report.phases.writes),
        afterLinkMs: r(report.phases.afterLink),
      },
      'linking batch',
    );
    return report;
  }

  private async attempt(worker: string, batch: ClaimedSource[], report: BatchReport) {
    try {
      const workspaceId = batch[0]!.workspaceId;
      // The scope charges a paid relation model's calls to this workspace's budget.
      const result = await runInLinkScope({ workspaceId }, () =>
        this.linking.linkBatch(workspaceId, batch, SYSTEM_ACTOR),
      );
      report.claims += result.claims;
      report.pairs += result.pairs;
      report.links += result.runs.reduce((n, r) => n + r.links, 0);
      for (const k of ['statements', 'candidates', 'classification', 'writes'] as const)
        report.phases[k] += result.phases[k];
      const t = performance.now();
      // A bulk load's whole-workspace work (re-clustering) is done once, when the backlog
      // drains, not once per batch.
      const ids = batch.map((s) => s.sourceId);
      const backlog = await this.queue.hasOtherWork(workspaceId, ids);
      const steps = await this.steps.run(ids, { workspaceId, backlog });
      report.done += await this.queue.finish(worker, batch);
      if (backlog) {
        // The other batches may have finished while this one ran, each seeing this one still
        // RUNNING: the last to finish catches the workspace up. Each checks after its own DONE
        // is committed, so of two finishing together at least one sees the other DONE.
        const more = await this.queue.hasOtherWork(workspaceId, []).catch((error: unknown) => {
          logger.warn({ err: error }, 'could not check the backlog; reads catch clusters up');
          return true;
        });
        if (!more)
          for (const [name, ms] of Object.entries(
            await this.steps.run([], { workspaceId, backlog: false }),
          ))
            steps[name] = (steps[name] ?? 0) + ms;
      }
      report.phases.afterLink += performance.now() - t;
      for (const [name, ms] of Object.entries(steps))
        report.phases.steps[name] = (report.phases.steps[name] ?? 0) + ms;
    } catch (error) {
      if (batch.length > 1) {
        // One bad source must not fail the others: find it by linking them one at a time.
        logger.warn(
          { err: error, sources: batch.length },
          'linking batch failed; linking its sources one by one',
        );
        for (const source of batch) await this.attempt(worker, [source], report);
        return;
      }
      const source = batch[0]!;
      const reason = error instanceof Error ? error.message : String(error);
      const final = source.attempts >= MAX_ATTEMPTS;
      logger.warn(
        { err: error, sourceId: source.sourceId, attempts: source.attempts },
        'linking failed',
      );
      if (final) report.failed++;
      await this.queue
        .fail(worker, source, final ? reason : `retrying: ${reason}`, final, 2 ** source.attempts)
        .catch((e: unknown) =>
          // The database is gone too: the lease lapses and another attempt follows.
          logger.warn({ err: e, sourceId: source.sourceId }, 'could not record the failure'),
        );
    }
  }
}
