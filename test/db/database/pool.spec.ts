/**
 * The application's connection pool. JIT compilation is off on its connections: PostgreSQL
 * estimated the candidate query's LATERAL joins at millions of rows and JIT-compiled it on every
 * call (514 ms of a 968 ms query); this pins the setting so it cannot silently come back.
 */
import { createPool } from '../../../src/database/prisma.service.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('connection pool', () => {
  it('turns JIT off on every connection it opens', async () => {
    const pool = createPool(db.url, 2);
    try {
      const clients = await Promise.all([pool.connect(), pool.connect()]);
      for (const c of clients) {
        const { rows } = await c.query<{ jit: string }>('SHOW jit');
        expect(rows[0]!.jit).toBe('off');
        c.release();
      }
    } finally {
      await pool.end();
    }
  });
});
