import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { APP_CONFIG } from '../../config/config.module.js';
import { DATABASE_URL } from '../../database/database.module.js';
import type { AppConfig } from '../../config/env.js';
import { logger } from '../../common/logger.js';
import { IngestHooks } from '../../ingest/ingest-hooks.js';
import { LINKING_CHANNEL, LinkingQueueRepository } from './linking-queue.repository.js';
import { LinkingService } from '../linking.service.js';
import { LinkingRunner, MAX_ATTEMPTS, type BatchReport } from './linking.runner.js';

/**
 * An idle worker looks for work this often. New work wakes it sooner: at once when ingested in
 * this process, through LISTEN/NOTIFY when ingested elsewhere.
 */
const IDLE_POLL_MS = 1_000;

/**
 * The linking worker: claims a batch of one workspace's pending sources (fairly across
 * workspaces), hands it to LinkingRunner, repeats. Any number of these, in the API process and in
 * `npm run worker` processes on any machine, share the queue without duplicating work (claims
 * use FOR UPDATE SKIP LOCKED and a lease).
 */
@Injectable()
export class LinkingWorker implements OnApplicationBootstrap, OnModuleDestroy {
  /** Names this process's claims: host, pid and a random part (pids repeat across machines). */
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private lastSweep = 0;
  private listener: pg.Client | null = null;
  private relisten: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    hooks: IngestHooks,
    private readonly queue: LinkingQueueRepository,
    private readonly runner: LinkingRunner,
    private readonly linking: LinkingService,
  ) {
    // New sources are PENDING only while something links them (IngestHooks.hasListeners).
    if (config.linking)
      hooks.register({
        afterIngest: async (workspaceId) => {
          this.wake();
          await this.queue
            .notifyWork(workspaceId)
            .catch((error: unknown) => logger.warn({ err: error }, 'could not notify workers'));
        },
      });
  }

  onApplicationBootstrap() {
    if (!this.config.linking || !this.config.runWorker) return;
    this.linking.warm();
    this.listen();
    this.loop = this.work();
  }

  async onModuleDestroy() {
    this.stopping = true;
    if (this.relisten) clearTimeout(this.relisten);
    await this.listener?.end().catch(() => undefined);
    this.wake();
    // The batch in hand finishes (its lease would otherwise hold it until it lapses).
    await this.loop;
  }

  wake() {
    this.wakeUp?.();
  }

  /**
   * Links every pending source of one workspace in this process, batch by batch, through the same
   * claim and runner as the worker (relink, `ingest --wait` without a running service).
   */
  async drain(
    workspaceId: string,
    onBatch: (report: BatchReport) => void = () => undefined,
  ): Promise<void> {
    for (;;) {
      const batch = await this.queue.claimBatch(
        this.id,
        this.runner.leaseSeconds,
        this.config.linkBatchClaims,
        workspaceId,
      );
      if (batch.length === 0) return;
      onBatch(await this.runner.run(this.id, batch));
    }
  }

  private async work() {
    while (!this.stopping) {
      try {
        if (Date.now() - this.lastSweep > this.config.jobSuperviseSeconds * 1000) {
          this.lastSweep = Date.now();
          const abandoned = await this.queue.failAbandoned(MAX_ATTEMPTS);
          if (abandoned) logger.warn({ abandoned }, 'sources given up after repeated lost workers');
        }
        const batch = await this.queue.claimBatch(
          this.id,
          this.runner.leaseSeconds,
          this.config.linkBatchClaims,
        );
        if (batch.length > 0) {
          await this.runner.run(this.id, batch);
          continue;
        }
      } catch (error) {
        // The database restarting, typically: the pool reconnects; claimed work's leases lapse.
        logger.warn({ err: error }, 'linking worker could not reach the queue; retrying');
      }
      await this.idle();
    }
  }

  /** A connection of its own that LISTENs, re-opened after the database comes back. */
  private listen() {
    if (this.stopping) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    this.listener = client;
    const retry = () => {
      if (this.listener !== client || this.stopping) return;
      this.listener = null;
      client.end().catch(() => undefined);
      // Polling covers the gap.
      this.relisten = setTimeout(() => this.listen(), 2_000);
      this.relisten.unref();
    };
    client.on('notification', () => this.wake());
    client.on('error', retry);
    client.on('end', retry);
    client
      .connect()
      .then(() => client.query(`LISTEN ${LINKING_CHANNEL}`))
      .catch(retry);
  }

  private idle() {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}
