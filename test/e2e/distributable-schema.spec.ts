/**
 * The schema stays distributable by workspace (PostgreSQL with Citus, tables distributed by
 * `workspace_id`; see docs/scaling.md): every table carries `workspace_id` and every unique key
 * (primary keys included) contains it, so each row and each uniqueness check lives on one shard.
 * The parts that do not yet are listed here by name, each with what it needs; a new table or
 * key that breaks the rule fails this test, and fixing a listed one means removing it here.
 */
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

/**
 * Not distributed: small tables replicated to every node (Citus reference tables), and the
 * installation-wide cache of a plug-in relation model's verdicts with its usage counters (keyed
 * by the two texts' hashes, shared by every workspace so a relink never pays twice; a Citus
 * local table on the coordinator, written only by linking workers).
 */
const REFERENCE_TABLES = new Set([
  '_prisma_migrations',
  'app_user',
  'api_key',
  'relation_model_cache',
  'relation_model_usage',
]);

/**
 * Unique keys without workspace_id today. Each needs workspace_id added (and foreign keys that
 * point at it widened to (workspace_id, id)) before the table can be distributed.
 */
const KNOWN_GAPS = new Set([
  'workspace.workspace_pkey', // the distribution column itself is `id` here: distribute by id
  'source.source_pkey',
  'source.source_current_revision_id_key',
  'source_revision.source_revision_pkey',
  'source_revision.source_revision_source_id_number_key',
  'publisher.publisher_pkey',
  'claim.claim_pkey',
  'claim.claim_revision_id_sentence_index_key',
  'claim_link.claim_link_pkey',
  'claim_link.claim_link_a_id_b_id_key',
  'claim_review.claim_review_pkey',
  'claim_cluster.claim_cluster_pkey',
  'cluster_member.cluster_member_pkey',
  'audit_event.audit_event_pkey',
  'link_event.link_event_pkey',
  'source_fingerprint.source_fingerprint_pkey',
  'source_dependency.source_dependency_pkey',
]);

describe('the schema is distributable by workspace_id', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('every table carries workspace_id (or is a small reference table)', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_schema = 'public' AND c.table_name = t.table_name
                             AND c.column_name = 'workspace_id')`,
    );
    const missing = rows.map((r) => r.table_name).filter((n) => n !== 'workspace');
    expect(missing.filter((n) => !REFERENCE_TABLES.has(n))).toEqual([]);
  });

  it('every unique key of a distributed table contains workspace_id, but the listed gaps', async () => {
    const { rows } = await client.query<{ key: string; has: boolean }>(
      `SELECT c.relname || '.' || i.relname AS key,
              EXISTS (SELECT 1 FROM unnest(x.indkey) k JOIN pg_attribute a
                        ON a.attrelid = c.oid AND a.attnum = k WHERE a.attname = 'workspace_id') AS has
         FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique`,
    );
    const lacking = rows
      .filter((r) => !r.has && !REFERENCE_TABLES.has(r.key.split('.')[0]!))
      .map((r) => r.key)
      .sort();
    expect(lacking).toEqual([...KNOWN_GAPS].sort());
  });
});
