/**
 * One code path for every entry point (API, worker, CLI, benchmarks): resolve the database —
 * DATABASE_URL when set, otherwise the embedded server under .data/ — and bring its schema up
 * to date.
 */
import type { AppConfig } from '../config/env.js';
import { logger } from '../common/logger.js';
import type { EmbeddedServer } from './embedded-postgres.js';
import { openSharedEmbedded, type EmbeddedRole } from './shared-embedded.js';
import { migrate } from './migrator.js';

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  /**
   * Leaves the embedded server: the last process using it stops it (see shared-embedded.ts), so a
   * CLI never stops the server under a running service.
   */
  close(): Promise<void>;
}

/**
 * `role` only labels this process in the embedded server's records (`.data/`); every role shares
 * one server per data folder.
 */
export async function prepareDatabase(
  config: AppConfig,
  role: EmbeddedRole = 'service',
): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let embedded: EmbeddedServer | null = null;
  if (!url) {
    const shared = await openSharedEmbedded({
      dataDir: config.dataDir,
      preferredPort: config.embeddedPgPort,
      database: 'claimtrace',
      role,
      log: (line) => logger.debug({ component: 'embedded-postgres' }, line),
    });
    embedded = shared;
    url = shared.url;
    logger.info(
      { port: shared.port, dataDir: config.dataDir },
      shared.started ? 'embedded PostgreSQL started' : 'using the running embedded PostgreSQL',
    );
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
