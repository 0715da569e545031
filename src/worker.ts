/**
 * `npm run worker`: a linking worker without the HTTP API. Run as many as you like, on this
 * machine or others, against the same DATABASE_URL; they share the job queue.
 */
import './config/node-version.js';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './config/env.js';
import { prepareDatabase } from './database/bootstrap.js';
import { handleShutdownSignals } from './database/embedded-postgres.js';
import { logger } from './common/logger.js';
import { describeError } from './common/describe-error.js';

async function main() {
  const config = { ...loadConfig(), runWorker: true, linking: true };
  const db = await prepareDatabase(config, 'worker');
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, db.url, { graphql: false }),
    {
      logger: ['error', 'warn'],
    },
  );
  process.stdout.write(`claimtrace linking worker running (pid ${process.pid})\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing'));
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  handleShutdownSignals((signal) => void stop(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `claimtrace worker: ${error instanceof ConfigError ? 'configuration error: ' : ''}${describeError(error)}\n`,
  );
  process.exit(1);
});
