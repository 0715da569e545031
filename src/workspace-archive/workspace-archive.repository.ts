/**
 * All SQL of workspace export and import. Rows travel as PostgreSQL's own JSON (row_to_json out,
 * json_populate_recordset in), so every column type (enums, jsonb, arrays, bigints, timestamps
 * with their precision) round-trips without a per-table mapping.
 */
import type pg from 'pg';
import type { PrismaService } from '../database/prisma.service.js';

export interface TableSpec {
  table: string;
  /** Rows of the workspace ($1). */
  where: string;
  /** Export order; the audit log and link history must keep theirs. */
  orderBy: string;
  /**
   * Columns the importing database assigns itself: `seq` is global to the installation (another
   * workspace may hold the same numbers); rows are inserted in seq order, so order is kept.
   */
  generated?: string[];
}

/** Parents before children, so foreign keys hold as rows arrive. */
export const WORKSPACE_TABLES: TableSpec[] = [
  { table: 'workspace', where: 'id = $1', orderBy: 'id' },
  {
    table: 'app_user',
    where: 'id IN (SELECT user_id FROM membership WHERE workspace_id = $1)',
    orderBy: 'id',
  },
  { table: 'membership', where: 'workspace_id = $1', orderBy: 'user_id' },
  { table: 'publisher', where: 'workspace_id = $1', orderBy: 'id' },
  { table: 'source', where: 'workspace_id = $1', orderBy: 'created_at, id' },
  { table: 'source_revision', where: 'workspace_id = $1', orderBy: 'source_id, number' },
  { table: 'claim', where: 'workspace_id = $1', orderBy: 'revision_id, id' },
  { table: 'claim_link', where: 'workspace_id = $1', orderBy: 'created_at, id' },
  { table: 'claim_review', where: 'workspace_id = $1', orderBy: 'claim_id' },
  { table: 'link_event', where: 'workspace_id = $1', orderBy: 'seq', generated: ['seq'] },
  { table: 'audit_event', where: 'workspace_id = $1', orderBy: 'seq', generated: ['seq'] },
  { table: 'claim_cluster', where: 'workspace_id = $1', orderBy: 'id' },
  { table: 'cluster_member', where: 'workspace_id = $1', orderBy: 'claim_id' },
  { table: 'source_fingerprint', where: 'workspace_id = $1', orderBy: 'source_id' },
  { table: 'source_fingerprint_band', where: 'workspace_id = $1', orderBy: 'source_id, band' },
  { table: 'source_dependency', where: 'workspace_id = $1', orderBy: 'a_source_id, b_source_id' },
  {
    table: 'tracking_dirty_claim',
    where: 'workspace_id = $1',
    orderBy: 'claim_id',
    // Drawn from one installation-wide sequence, like the event seqs.
    generated: ['seq'],
  },
  { table: 'tracking_state', where: 'workspace_id = $1', orderBy: 'workspace_id' },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class WorkspaceArchiveRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A dedicated connection: export reads through a cursor, import runs in one transaction. */
  connect(): Promise<pg.PoolClient> {
    return this.prisma.pool.connect();
  }

  async findWorkspace(client: pg.PoolClient, idOrName: string) {
    const rows = await client.query<{ id: string; name: string }>(
      `SELECT id::text, name FROM workspace
        WHERE id::text = $1 OR name = $1 ORDER BY (id::text = $1) DESC, created_at LIMIT 2`,
      [idOrName],
    );
    return rows.rows;
  }

  async appliedMigrations(client: pg.PoolClient): Promise<string[]> {
    const rows = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return rows.rows.map((r) => r.migration_name);
  }

  /**
   * Column names of the tables as this database has them, without generated columns (the
   * full-text `tsv`): PostgreSQL computes those again on insert.
   */
  async columns(client: pg.PoolClient, tables: string[]): Promise<Map<string, string[]>> {
    const rows = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ANY($1::text[])
          AND is_generated = 'NEVER'
        ORDER BY table_name, ordinal_position`,
      [tables],
    );
    const out = new Map<string, string[]>();
    for (const r of rows.rows)
      out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
    return out;
  }

  /** Tables with a workspace_id that the archive does not know (added by a later feature). */
  async unknownWorkspaceTables(client: pg.PoolClient): Promise<string[]> {
    const rows = await client.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'workspace_id'
          AND NOT (table_name = ANY($1::text[])) ORDER BY 1`,
      [WORKSPACE_TABLES.map((t) => t.table)],
    );
    return rows.rows.map((r) => r.table_name);
  }

  /**
   * Streams a table's rows of the workspace through a server-side cursor, `batch` at a time, as
   * JSON text. Call inside a transaction (cursors live in one).
   */
  async *readRows(
    client: pg.PoolClient,
    spec: TableSpec,
    workspaceId: string,
    columns: string[],
    batch = 1000,
  ): AsyncGenerator<string[]> {
    await client.query(
      `DECLARE archive_cursor NO SCROLL CURSOR FOR
         SELECT (SELECT row_to_json(c) FROM (SELECT ${columns.map((col) => `t.${quote(col)}`).join(', ')}) c)::text AS j
           FROM ${quote(spec.table)} t
          WHERE ${spec.where} ORDER BY ${spec.orderBy}`,
      [workspaceId],
    );
    try {
      for (;;) {
        const rows = await client.query<{ j: string }>(`FETCH ${batch} FROM archive_cursor`);
        if (!rows.rowCount) break;
        yield rows.rows.map((r) => r.j);
      }
    } finally {
      await client.query('CLOSE archive_cursor');
    }
  }

  async workspaceExists(client: pg.PoolClient, id: string): Promise<{ name: string } | null> {
    const rows = await client.query<{ name: string }>(
      'SELECT name FROM workspace WHERE id::text = $1',
      [id],
    );
    return rows.rows[0] ?? null;
  }

  /**
   * Inserts rows given as JSON objects into `table`, only the named columns (the others take
   * their defaults).
   */
  async insertRows(
    client: pg.PoolClient,
    table: string,
    columns: string[],
    rows: Record<string, unknown>[],
  ): Promise<void> {
    if (!rows.length) return;
    const cols = columns.map(quote).join(', ');
    await client.query(
      `INSERT INTO ${quote(table)} (${cols})
       SELECT ${cols} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Users belong to the installation, not the workspace: an archived member is this
   * installation's user of the same name when there is one (names are unique), else a new user
   * with the archived id. Returns archived id -> local id. Admin rights never travel.
   */
  async matchUsers(
    client: pg.PoolClient,
    rows: Record<string, unknown>[],
  ): Promise<Map<string, string>> {
    await client.query(
      `INSERT INTO app_user (id, name, created_at)
       SELECT id, name, created_at FROM json_populate_recordset(NULL::app_user, $1::json)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
    const local = await client.query<{ id: string; name: string }>(
      'SELECT id::text, name FROM app_user WHERE name = ANY($1::text[])',
      [rows.map((r) => r.name as string)],
    );
    const byName = new Map(local.rows.map((r) => [r.name, r.id]));
    return new Map(rows.map((r) => [r.id as string, byName.get(r.name as string)!]));
  }

  /**
   * Inserting links fires the history and tracking triggers, which record the import itself as
   * new events; the archive carries the real ones, so those are dropped before they are loaded.
   */
  async dropTriggerOutput(client: pg.PoolClient, workspaceId: string): Promise<void> {
    await client.query('DELETE FROM link_event WHERE workspace_id = $1::uuid', [workspaceId]);
    await client.query('DELETE FROM tracking_dirty_claim WHERE workspace_id = $1::uuid', [
      workspaceId,
    ]);
  }

  /** Sources are inserted before their revisions (a cycle): their current revision comes after. */
  async setCurrentRevisions(
    client: pg.PoolClient,
    pairs: { id: string; current_revision_id: string }[],
  ): Promise<void> {
    if (!pairs.length) return;
    await client.query(
      `UPDATE source s SET current_revision_id = x.current_revision_id
         FROM json_populate_recordset(NULL::source, $1::json) x WHERE s.id = x.id`,
      [JSON.stringify(pairs)],
    );
  }

  async countRows(client: pg.PoolClient, workspaceId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const spec of WORKSPACE_TABLES) {
      const rows = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${quote(spec.table)} t WHERE ${spec.where}`,
        [workspaceId],
      );
      out[spec.table] = Number(rows.rows[0]!.n);
    }
    return out;
  }

  /** The workspace's audit events in seq order, for the chain check after an import. */
  async *auditEvents(client: pg.PoolClient, workspaceId: string): AsyncGenerator<AuditRowJson[]> {
    let after = '0';
    for (;;) {
      const rows = await client.query<AuditRowJson>(
        // Ordered by the bigint column, not the text alias: "10" sorts before "2" as text.
        `SELECT seq::text, workspace_id::text AS "workspaceId", actor, action,
                subject_type AS "subjectType", subject_id AS "subjectId", input_hash AS "inputHash",
                method, details, created_at AS "createdAt", prev_hash AS "prevHash", hash
           FROM audit_event a WHERE workspace_id = $1::uuid AND a.seq > $2::bigint
          ORDER BY a.seq LIMIT 1000`,
        [workspaceId, after],
      );
      if (!rows.rowCount) return;
      yield rows.rows;
      after = rows.rows[rows.rows.length - 1]!.seq;
    }
  }
}

export interface AuditRowJson {
  seq: string;
  workspaceId: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  inputHash: string | null;
  method: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  prevHash: string;
  hash: string;
}
