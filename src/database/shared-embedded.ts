/**
 * One embedded PostgreSQL per data folder, shared by every process that needs it: `npm start`,
 * the worker and each command-line tool. Two `postgres` processes cannot run on one data folder,
 * so a process first looks for a running server and attaches to it; it starts one only when none
 * runs. The last process out stops the server, so a CLI never stops the server under a running
 * service, and a server a CLI started does not outlive its last user.
 *
 * Records under the data folder (`.data/` by default):
 * - `pg/postmaster.pid`: written by PostgreSQL itself; its pid and port say which server runs.
 * - `embedded-postgres.json`: port, postmaster pid and who started it (for people and tools).
 * - `embedded-postgres.users/<pid>`: one file per process using the server. A file whose process
 *   is gone (a crash, kill -9) is stale and ignored, so a crashed user never pins the server.
 * - `embedded-postgres.lock`: held while a process starts, attaches to or stops the server, so two
 *   commands started together do not both start one: the second waits, then attaches.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import pg from 'pg';
import {
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from './embedded-postgres.js';

export type EmbeddedRole = 'service' | 'worker' | 'cli';

export class EmbeddedDatabaseError extends Error {}

export interface SharedEmbeddedOptions {
  dataDir: string;
  preferredPort: number;
  database: string;
  role: EmbeddedRole;
  log?: (line: string) => void;
}

export interface SharedEmbedded extends EmbeddedServer {
  /** True when this process started the server, false when it attached to a running one. */
  started: boolean;
}

interface RunningServer {
  pid: number;
  port: number;
}

const usersDir = (dataDir: string) => join(dataDir, 'embedded-postgres.users');
const recordFile = (dataDir: string) => join(dataDir, 'embedded-postgres.json');
const lockTarget = (dataDir: string) => join(dataDir, 'embedded-postgres.lock');

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (PostgreSQL runs as "postgres").
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server PostgreSQL itself says is running on this data folder (postmaster.pid), if any. */
export function readPostmaster(dataDir: string): RunningServer | null {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!alive(pid) || !Number.isInteger(port)) return null;
  return { pid, port };
}

function urlFor(port: number, database: string) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function answers(port: number, database: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: urlFor(port, database),
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Processes other than this one that still use the server; stale records are removed. */
function otherUsers(dataDir: string): number[] {
  const dir = usersDir(dataDir);
  if (!existsSync(dir)) return [];
  const users: number[] = [];
  for (const name of readdirSync(dir)) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (alive(pid)) users.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return users;
}

async function withLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockTarget(dataDir),
      // A first start runs initdb (a few seconds on a busy 2-core machine): wait up to a minute.
      retries: { retries: 120, factor: 1, minTimeout: 500, maxTimeout: 500 },
      stale: 20_000,
    });
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `another claimtrace process has held ${lockTarget(dataDir)} for over a minute ` +
        `(${(error as Error)?.message ?? 'no detail'}). If no claimtrace process is running, ` +
        'delete that folder and try again.',
    );
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Stops a server this process did not start: SIGINT is PostgreSQL's "fast" shutdown. */
async function stopByPid(server: RunningServer, dataDir: string): Promise<void> {
  try {
    process.kill(server.pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 300 && readPostmaster(dataDir); i++) await sleep(100);
}

export async function openSharedEmbedded(options: SharedEmbeddedOptions): Promise<SharedEmbedded> {
  const { dataDir, database } = options;
  return withLock(dataDir, async () => {
    let own: EmbeddedServer | null = null;
    let port: number;
    const running = readPostmaster(dataDir);
    if (running) {
      // Running but not answering: it is still starting or stopping (someone else's pg_ctl).
      let ready = false;
      for (let i = 0; i < 60 && !ready; i++) {
        ready = await answers(running.port, 'postgres');
        if (!ready) await sleep(500);
      }
      if (!ready)
        throw new EmbeddedDatabaseError(
          `an embedded PostgreSQL (pid ${running.pid}, port ${running.port}) runs on ` +
            `${join(dataDir, 'pg')} but does not answer. Stop it (kill -INT ${running.pid}) and try again.`,
        );
      port = running.port;
      await ensureDatabase(port, database);
      options.log?.(`attached to the embedded PostgreSQL on port ${port} (pid ${running.pid})`);
    } else {
      try {
        own = await startEmbeddedPostgres(options);
      } catch (error) {
        throw new EmbeddedDatabaseError(
          `could not start the embedded PostgreSQL in ${join(dataDir, 'pg')}: ` +
            `${(error as Error)?.message ?? String(error)}. ` +
            'Set DATABASE_URL to use your own PostgreSQL, or run with LOG_LEVEL=debug to see its log.',
        );
      }
      port = own.port;
      writeFileSync(
        recordFile(dataDir),
        JSON.stringify(
          {
            port,
            postmasterPid: readPostmaster(dataDir)?.pid ?? null,
            startedBy: { pid: process.pid, role: options.role, at: new Date().toISOString() },
          },
          null,
          2,
        ) + '\n',
      );
    }
    mkdirSync(usersDir(dataDir), { recursive: true });
    const myRecord = join(usersDir(dataDir), String(process.pid));
    writeFileSync(myRecord, `${options.role}\n`);
    let released = false;
    const started = own !== null;
    return {
      url: urlFor(port, database),
      port,
      started,
      // Leave: the last user out stops the server, whoever started it.
      stop: async () => {
        if (released) return;
        released = true;
        await withLock(dataDir, async () => {
          rmSync(myRecord, { force: true });
          if (otherUsers(dataDir).length) {
            own?.detach();
            return;
          }
          if (own) await own.stop();
          else {
            const server = readPostmaster(dataDir);
            if (server) await stopByPid(server, dataDir);
          }
          rmSync(recordFile(dataDir), { force: true });
        });
      },
      start: async () => {
        if (!own)
          throw new EmbeddedDatabaseError('only the process that started it can restart it');
        await own.start();
      },
      detach: () => own?.detach(),
    };
  });
}

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!found.rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
