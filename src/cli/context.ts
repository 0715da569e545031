/**
 * Command-line tools run the same services as the API, in a Nest application context without
 * HTTP, against the same database resolution (DATABASE_URL or the embedded server).
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/env.js';
import { prepareDatabase } from '../database/bootstrap.js';
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

/** Runs `fn` with the services, then shuts everything down; errors become a message and exit code 1. */
export async function runCli(fn: (ctx: CliContext) => Promise<void>): Promise<void> {
  let close: (() => Promise<void>) | null = null;
  try {
    // The CLI enqueues linking jobs; the API process or `npm run worker` runs them.
    const config = { ...loadConfig(), runWorker: false };
    const db = await prepareDatabase(config);
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
    if (error instanceof ConfigError || error instanceof DomainError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    }
    await close?.().catch(() => undefined);
    process.exit(1);
  }
}
