// Jest global setup: find or start the PostgreSQL server the suite uses and build the migrated
// template. With DATABASE_URL set (CI) the suite uses that server; without it, an embedded server
// under .data/test, so `npm test` needs no setup on a fresh machine. Jest loads this file outside
// its ESM transform, so it uses the compiled code in dist/ (`npm test` builds first).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  const { startEmbeddedPostgres } = await import(join(root, 'dist/database/embedded-postgres.js'));
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'test'),
      preferredPort: 54339,
      database: 'claimtrace_test_admin',
    });
    globalThis.__claimtraceTestPg = server;
    adminUrl = server.url;
  }
  process.env.CLAIMTRACE_TEST_ADMIN_URL = adminUrl;
}
