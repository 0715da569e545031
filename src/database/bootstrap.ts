/**
 * One code path for every entry point (API, worker, CLI, benchmarks): resolve the database —
 * DATABASE_URL when set, otherwise the embedded server under .data/ — and bring its schema up
 * to date.
 */
import type { AppConfig } from '../config/env.js';
import { logger } from '../common/logger.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';
import { migrate } from './migrator.js';

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  /** Stops the embedded server, if we started one. */
  close(): Promise<void>;
}

export async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let embedded: EmbeddedServer | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      preferredPort: config.embeddedPgPort,
      database: 'claimtrace',
      log: (line) => logger.debug({ component: 'embedded-postgres' }, line),
    });
    url = embedded.url;
    logger.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  try {
    const result = await migrate(url);
    if (result.applied.length) logger.info({ applied: result.applied }, 'migrations applied');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    embedded,
    close: async () => {
      if (embedded) await embedded.stop();
    },
  };
}
