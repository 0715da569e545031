/**
 * Command-line tools run the same services as the API, in a Nest application context without
 * HTTP, against the same database resolution (DATABASE_URL or the embedded server).
 */
import '../config/node-version.js';
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/env.js';
import { prepareDatabase } from '../database/bootstrap.js';
import { handleShutdownSignals } from '../database/embedded-postgres.js';
import { EmbeddedDatabaseError } from '../database/shared-embedded.js';
import { describeError } from '../common/describe-error.js';
import { DomainError } from '../common/errors.js';
import type { Actor } from '../common/actor.js';

export interface CliContext {
  app: INestApplicationContext;
  config: AppConfig;
  actor: Actor;
}

export function cliActor(): Actor {
  const name = (() => {
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  })();
  return { id: `cli:${name}`, name };
}

/**
 * Runs `fn` with the services, then shuts everything down; errors become a message and exit code 1.
 * On the embedded default the command uses the server a running service (or another command)
 * already runs, and starts one only when none runs (see database/shared-embedded.ts).
 */
export async function runCli(fn: (ctx: CliContext) => Promise<void>): Promise<void> {
  let close: (() => Promise<void>) | null = null;
  // Ctrl-C leaves the shared embedded server in order (the last user out stops it) instead of
  // the embedded-postgres package's own handler, which would stop it under other users.
  handleShutdownSignals((signal) => {
    process.stderr.write(`interrupted (${signal})\n`);
    void (close?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    // The CLI enqueues linking jobs; the API process or `npm run worker` runs them.
    const config = { ...loadConfig(), runWorker: false };
    const db = await prepareDatabase(config, 'cli');
    close = () => db.close();
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot(config, db.url, { graphql: false }),
      {
        logger: ['error', 'warn'],
      },
    );
    close = async () => {
      await app.close();
      await db.close();
    };
    await fn({ app, config, actor: cliActor() });
    await close();
    process.exit(process.exitCode ?? 0);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DomainError ||
      error instanceof EmbeddedDatabaseError
    ) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`error: ${describeError(error, true)}\n`);
    }
    await close?.().catch(() => undefined);
    process.exit(1);
  }
}
