import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { DATABASE_URL } from '../../database/database.module.js';
import { logger } from '../../common/logger.js';
import { SYSTEM_ACTOR } from '../../common/actor.js';
import { IngestHooks } from '../../ingest/ingest-hooks.js';
import { SourceRepository } from '../../sources/source.repository.js';
import type { WrittenSource } from '../../sources/source.repository.js';
import { LinkRepository } from '../link.repository.js';
import { LinkingService } from '../linking.service.js';

export const LINK_QUEUE = 'link-source';
const RETRY_LIMIT = 3;

/**
 * Later stages (tracking) react to a linked source through this, so linking does not depend on
 * them. Listeners run before the source is marked DONE, so DONE means its derived data is
 * current too; a listener's failure is logged and does not fail the link job.
 */
export interface AfterLinkListener {
  afterLink(sourceId: string): Promise<void>;
}

export interface LinkJobData {
  sourceId: string;
  revisionId: string;
}

/**
 * Linking runs as jobs in PostgreSQL (pg-boss), so ingest returns at once and any number of
 * worker processes, on one machine or many, share the work (jobs are claimed with SKIP LOCKED).
 * A job is idempotent, so a worker killed mid-job loses nothing: its heartbeat stops, and the job
 * is retried (LINK_JOB_HEARTBEAT_SECONDS, or LINK_JOB_EXPIRE_SECONDS at the latest).
 */
@Injectable()
export class LinkingQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private boss: PgBoss | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly afterLinkListeners: AfterLinkListener[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly hooks: IngestHooks,
    private readonly linking: LinkingService,
    private readonly links: LinkRepository,
    private readonly sources: SourceRepository,
  ) {
    if (config.linking) hooks.register({ afterIngest: (_ws, written) => this.enqueue(written) });
  }

  registerAfterLink(listener: AfterLinkListener) {
    this.afterLinkListeners.push(listener);
  }

  async onApplicationBootstrap() {
    if (!this.config.linking) return;
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'claimtrace-linking',
      // How soon an expired or heart-beat-less job (its worker killed) is noticed and retried.
      superviseIntervalSeconds: this.config.jobSuperviseSeconds,
      monitorIntervalSeconds: this.config.jobSuperviseSeconds,
    });
    boss.on('error', (error: unknown) =>
      logger.warn({ err: error }, 'job queue error (it reconnects by itself)'),
    );
    await boss.start();
    await boss.createQueue(LINK_QUEUE, {
      retryLimit: RETRY_LIMIT,
      retryDelay: 2,
      retryBackoff: true,
      // Only applies when the queue is new; enqueue() sets both per job so existing queues follow.
      ...this.jobTimeouts(),
    });
    this.boss = boss;
    if (this.config.runWorker) {
      await boss.work<LinkJobData>(
        LINK_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
        async ([job]) => this.handle(job!.data, job!.retryCount),
      );
      await this.sweep();
      this.sweeper = setInterval(() => void this.sweep(), 60_000);
      this.sweeper.unref();
    }
  }

  async onModuleDestroy() {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.boss?.stop({ graceful: true, timeout: 20_000 }).catch(() => undefined);
    this.boss = null;
  }

  async enqueue(written: Pick<WrittenSource, 'sourceId' | 'revisionId'>[]) {
    if (!this.boss || written.length === 0) return;
    await this.boss.insert(
      LINK_QUEUE,
      written.map((w) => ({
        data: { sourceId: w.sourceId, revisionId: w.revisionId } satisfies LinkJobData,
        ...this.jobTimeouts(),
      })),
    );
  }

  /**
   * A killed worker's job becomes claimable again once its heartbeat stops (minutes sooner than
   * the expiry), and so does a job whose completion could not be recorded because PostgreSQL went
   * away: the handler has returned, so nothing heart-beats for it any more.
   */
  private jobTimeouts(): { expireInSeconds: number; heartbeatSeconds?: number } {
    return {
      expireInSeconds: this.config.linkJobExpireSeconds,
      ...(this.config.linkJobHeartbeatSeconds > 0
        ? { heartbeatSeconds: this.config.linkJobHeartbeatSeconds }
        : {}),
    };
  }

  /** Re-queues sources left PENDING, e.g. when a process stopped between commit and enqueue. */
  private async sweep() {
    try {
      const stale = await this.links.stalePendingSources(120);
      if (stale.length === 0 || !this.boss) return;
      // Under a backlog most PENDING sources are simply waiting their turn in the queue: re-queue
      // only those without a waiting job, or every sweep would add another full linking run per
      // backlogged source and the backlog would feed itself.
      const waiting = await this.boss.findJobs<LinkJobData>(LINK_QUEUE, {
        queued: true,
        limit: 100_000,
      });
      const queued = new Set(waiting.map((j) => j.data.sourceId));
      const jobs = stale
        .filter((s) => s.currentRevisionId && !queued.has(s.id))
        .map((s) => ({ sourceId: s.id, revisionId: s.currentRevisionId! }));
      if (jobs.length) {
        await this.enqueue(jobs);
        logger.info({ count: jobs.length }, 're-queued sources left pending');
      }
    } catch (error) {
      logger.warn({ err: error }, 'pending-source sweep failed; will try again');
    }
  }

  private async handle(data: LinkJobData, retryCount: number) {
    const source = (await this.sources.findSourcesByIds([data.sourceId]))[0];
    // A newer revision has its own job; this one has nothing left to do.
    if (!source || source.currentRevisionId !== data.revisionId) return;
    await this.sources.setLinkingStatus(data.sourceId, 'RUNNING');
    if (this.config.linkJobTestDelayMs > 0) {
      // Test-only (LINK_JOB_TEST_DELAY_MS): holds the job RUNNING so a fault test can kill us here.
      await new Promise((resolve) => setTimeout(resolve, this.config.linkJobTestDelayMs));
    }
    try {
      const result = await this.linking.linkSource(data.sourceId, SYSTEM_ACTOR);
      for (const listener of this.afterLinkListeners) {
        await listener
          .afterLink(data.sourceId)
          .catch((error: unknown) =>
            logger.warn({ err: error, sourceId: data.sourceId }, 'after-link listener failed'),
          );
      }
      await this.sources.setLinkingStatus(data.sourceId, 'DONE');
      logger.debug({ ...result }, 'source linked');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const final = retryCount >= RETRY_LIMIT;
      await this.sources
        .setLinkingStatus(
          data.sourceId,
          final ? 'FAILED' : 'PENDING',
          final ? reason.slice(0, 500) : `retrying: ${reason.slice(0, 480)}`,
        )
        .catch(() => undefined);
      logger.warn({ err: error, sourceId: data.sourceId, retryCount }, 'linking failed');
      throw error;
    }
  }
}
