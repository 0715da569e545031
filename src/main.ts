/**
 * `npm start`: the GraphQL API on http://localhost:$PORT/graphql, against DATABASE_URL or, when
 * unset, an embedded PostgreSQL under .data/ that this process starts and stops.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/env.js';
import { prepareDatabase } from './database/bootstrap.js';
import { createApp } from './app.factory.js';
import { logger } from './common/logger.js';

async function main() {
  const config = loadConfig();
  const db = await prepareDatabase(config);
  const app = await createApp(config, db.url);
  await app.listen(config.port, config.host);
  const shown =
    config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`claimtrace GraphQL API: http://${shown}:${config.port}/graphql\n`);
  if (config.introspection)
    process.stdout.write(`API explorer:           http://${shown}:${config.port}/explorer\n`);
  if (db.embedded)
    process.stdout.write(
      `embedded PostgreSQL:    ${config.dataDir}/pg (port ${db.embedded.port})\n`,
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Finish in-flight requests, close the pool, then stop PostgreSQL cleanly (no corrupted data dir).
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing the app'));
    await db
      .close()
      .catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`claimtrace: configuration error: ${error.message}\n`);
  } else {
    logger.error({ err: error }, 'failed to start');
    process.stderr.write(`claimtrace: failed to start: ${(error as Error).message}\n`);
  }
  process.exit(1);
});
