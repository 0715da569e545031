/**
 * `npm start`: the GraphQL API on http://localhost:$PORT/graphql, against DATABASE_URL or, when
 * unset, an embedded PostgreSQL under .data/ that this process starts and stops.
 */
import './config/node-version.js';
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/env.js';
import { prepareDatabase } from './database/bootstrap.js';
import { handleShutdownSignals } from './database/embedded-postgres.js';
import { createApp } from './app.factory.js';
import { logger } from './common/logger.js';
import { describeError } from './common/describe-error.js';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { AuthService } from './auth/auth.service.js';

async function main() {
  const config = loadConfig();
  const db = await prepareDatabase(config);
  const app = await createApp(config, db.url);
  // On the embedded default, make a local admin key so scripts and the README just work.
  const adminKey =
    config.auth && db.embedded
      ? await app.get(AuthService).ensureLocalAdminKey(join(config.dataDir, 'admin.key'))
      : null;
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
  if (adminKey) {
    process.stdout.write(
      `admin API key:          ${adminKey.file}${adminKey.created ? ' (created now)' : ''}\n`,
    );
  } else if (!config.auth) {
    process.stdout.write(
      'access control is OFF (AUTH=false): every request acts as a local administrator\n',
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Finish in-flight requests first: Nest's close() runs the destroy hooks (database pool, job
    // queue) before it closes the HTTP server, so a request still running would lose its database
    // half-way and its client would see the connection drop.
    await drainHttp(app.getHttpServer() as Server, config.shutdownGraceSeconds * 1000);
    // Then close the pool and the queue, then stop PostgreSQL cleanly (no corrupted data dir).
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing the app'));
    await db
      .close()
      .catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  handleShutdownSignals((signal) => void stop(signal));
}

/**
 * Stops accepting connections and resolves once every in-flight request has been answered (or
 * the grace period is over, when the remaining connections are cut).
 */
function drainHttp(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    // A keep-alive connection goes idle once its request is answered; closing idle ones as they
    // appear lets close() complete instead of waiting for the clients' keep-alive timeouts.
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      logger.warn({ graceMs }, 'requests still running after the grace period; closing them');
      server.closeAllConnections();
    }, graceMs);
    const done = () => {
      clearInterval(reaper);
      clearTimeout(deadline);
      resolve();
    };
    if (!server.listening) return done();
    server.close(() => done());
    server.closeIdleConnections();
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`claimtrace: configuration error: ${error.message}\n`);
  } else {
    logger.error({ err: error }, 'failed to start');
    process.stderr.write(`claimtrace: failed to start: ${describeError(error)}\n`);
  }
  process.exit(1);
});
