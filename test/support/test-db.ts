/**
 * Test databases. Each test file gets its own database, cloned from a migrated template
 * (CREATE DATABASE ... TEMPLATE is a file copy: ~100 ms instead of re-running migrations).
 * The server is the one in DATABASE_URL, or the embedded one the global setup started.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, migrate } from '../../src/database/migrator.js';

export const ADMIN_URL_VAR = 'CLAIMTRACE_TEST_ADMIN_URL';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The template's name changes whenever a migration changes, so stale templates are never used. */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    const file = join(MIGRATIONS_DIR, name, 'migration.sql');
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return `claimtrace_tmpl_${hash.digest('hex').slice(0, 12)}`;
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = templateName();
  const exists = await admin(adminUrl, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return r.rowCount === 1;
  });
  if (!exists) {
    const building = `${name}_build_${randomBytes(3).toString('hex')}`;
    await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${building}"`));
    await migrate(withDatabase(adminUrl, building));
    await admin(adminUrl, async (c) => {
      try {
        await c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      } catch {
        // Another run built it first; ours is surplus.
        await c.query(`DROP DATABASE IF EXISTS "${building}"`);
      }
    });
  }
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_VAR];
  if (!adminUrl)
    throw new Error(`${ADMIN_URL_VAR} is not set: run tests through jest (global setup)`);
  const template = await ensureTemplate(adminUrl);
  const name = `claimtrace_t_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      // Two files cloning the same template at the same instant: PostgreSQL refuses one; retry.
      if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () =>
      admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
