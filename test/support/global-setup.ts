/**
 * Jest global setup: find or start the PostgreSQL server the suite uses and build the migrated
 * template. With DATABASE_URL set (CI) the suite uses that server; without it, an embedded
 * server under .data/test-pg, so `npm test` needs no setup on a fresh machine.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { ADMIN_URL_VAR, ensureTemplate } from './test-db.js';

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: join(PROJECT_ROOT, '.data', 'test'),
      preferredPort: 54339,
      database: 'claimtrace_test_admin',
    });
    (globalThis as { __claimtraceTestPg?: { stop(): Promise<void> } }).__claimtraceTestPg = server;
    adminUrl = server.url;
  }
  process.env[ADMIN_URL_VAR] = adminUrl;
  await ensureTemplate(adminUrl);
}
