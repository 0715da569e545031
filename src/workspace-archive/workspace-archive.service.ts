/**
 * Back up, restore and hand over a whole workspace: sources with every revision, claims, links
 * with their history, reviews, members, the audit chain and the derived tracking tables, as one
 * portable archive (format in archive-format.ts). The embedded PostgreSQL ships no pg_dump, so
 * this is the backup path of the default setup; it works the same against DATABASE_URL.
 *
 * Ids are kept, never re-keyed: the audit chain's hashes commit to the workspace id and to each
 * subject's id, so an import under new ids could only re-hash the chain, and the restored history
 * would no longer match the head hash the original installation published. An import into an
 * installation that already holds the workspace is therefore refused, with what to do instead.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import type { PrismaService } from '../database/prisma.service.js';
import { ChainVerifier } from '../provenance/audit/audit-verify.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  LineDigest,
  parseHeader,
  parseLine,
  type ArchiveHeader,
  type ArchiveTrailer,
} from './archive-format.js';
import { WORKSPACE_TABLES, WorkspaceArchiveRepository } from './workspace-archive.repository.js';

export interface ArchiveSummary {
  workspace: { id: string; name: string };
  rows: Record<string, number>;
  /** Head hash of the audit chain (verified on import). */
  auditHeadHash?: string;
  /** Tables with workspace rows that this version does not archive. */
  skippedTables?: string[];
}

const BATCH = 500;

export class WorkspaceArchiveService {
  private readonly repo: WorkspaceArchiveRepository;

  constructor(prisma: PrismaService) {
    this.repo = new WorkspaceArchiveRepository(prisma);
  }

  async exportToFile(idOrName: string, file: string): Promise<ArchiveSummary> {
    const gzip = createGzip();
    const done = pipeline(gzip, createWriteStream(file));
    try {
      const summary = await this.export(idOrName, gzip);
      gzip.end();
      await done;
      return summary;
    } catch (error) {
      gzip.destroy();
      await done.catch(() => undefined);
      throw error;
    }
  }

  /** Writes the archive's lines (uncompressed) to `out`, reading the workspace in one snapshot. */
  async export(idOrName: string, out: Writable): Promise<ArchiveSummary> {
    const client = await this.repo.connect();
    try {
      // One REPEATABLE READ snapshot: rows ingested during the export are all in or all out.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const found = await this.repo.findWorkspace(client, idOrName);
      if (found.length !== 1)
        throw new ArchiveError(
          found.length
            ? `several workspaces are named "${idOrName}": give the workspace id instead`
            : `no workspace "${idOrName}" here: give a workspace id or name (see the workspaces query)`,
        );
      const workspace = found[0]!;
      const columns = await this.repo.columns(
        client,
        WORKSPACE_TABLES.map((t) => t.table),
      );
      const header: ArchiveHeader = {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        exportedAt: new Date().toISOString(),
        workspace,
        migrations: await this.repo.appliedMigrations(client),
        tables: WORKSPACE_TABLES.map((t) => ({
          table: t.table,
          columns: columns.get(t.table) ?? [],
        })),
      };
      const digest = new LineDigest();
      const write = async (line: string) => {
        digest.add(line);
        if (!out.write(line + '\n')) await once(out, 'drain');
      };
      await write(JSON.stringify(header));
      const rows: Record<string, number> = {};
      for (const spec of WORKSPACE_TABLES) {
        rows[spec.table] = 0;
        for await (const batch of this.repo.readRows(
          client,
          spec,
          workspace.id,
          columns.get(spec.table) ?? [],
        )) {
          for (const json of batch) await write(`{"t":${JSON.stringify(spec.table)},"r":${json}}`);
          rows[spec.table] += batch.length;
        }
      }
      const trailer: ArchiveTrailer = { end: true, rows, sha256: digest.hex() };
      out.write(JSON.stringify(trailer) + '\n');
      const skippedTables = await this.repo.unknownWorkspaceTables(client);
      await client.query('COMMIT');
      return { workspace, rows, skippedTables };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async importFromFile(file: string): Promise<ArchiveSummary> {
    const input = createReadStream(file);
    const gunzip = createGunzip();
    const text = new PassThrough();
    // A damaged gzip stream fails the import (its CRC), with the reason the user can act on.
    const piping = pipeline(input, gunzip, text).catch((error: unknown) => {
      text.destroy(
        new ArchiveError(
          `cannot read ${file} as a gzip'd workspace archive (${(error as Error)?.message ?? 'unknown error'}): the file is damaged or not an archive`,
        ),
      );
    });
    try {
      return await this.import(text);
    } catch (error) {
      // zlib's own errors (Z_BUF_ERROR "unexpected end of file", Z_DATA_ERROR) reach the reader
      // first; say what they mean for the user.
      const code = (error as NodeJS.ErrnoException)?.code;
      if (typeof code === 'string' && code.startsWith('Z_'))
        throw new ArchiveError(
          `cannot read ${file} as a gzip'd workspace archive (${(error as Error).message}): the file is damaged, truncated or not an archive; nothing was imported`,
        );
      throw error;
    } finally {
      // Stop reading on a refusal too: an unread stream would hold the pipeline open forever.
      for (const s of [text, gunzip, input]) s.destroy();
      await piping;
    }
  }

  /** Restores an archive from its lines, in one transaction: all of it, or nothing. */
  async import(lines: NodeJS.ReadableStream): Promise<ArchiveSummary> {
    const reader = createInterface({ input: lines, crlfDelay: Infinity })[Symbol.asyncIterator]();
    const first = await reader.next();
    const header = parseHeader(first.done ? undefined : first.value);
    const client = await this.repo.connect();
    try {
      await client.query('BEGIN');
      await this.checkTarget(client, header);
      const target = await this.repo.columns(
        client,
        header.tables.map((t) => t.table),
      );
      const insertColumns = new Map<string, string[]>();
      for (const t of header.tables) {
        const spec = WORKSPACE_TABLES.find((s) => s.table === t.table);
        if (!spec)
          throw new ArchiveError(
            `the archive holds table "${t.table}", unknown here: upgrade claimtrace here first`,
          );
        const have = new Set(target.get(t.table) ?? []);
        const missing = t.columns.filter((c) => !have.has(c));
        if (missing.length)
          throw new ArchiveError(
            `the archive has columns ${t.table}.${missing.join(', ')} that this database lacks: upgrade claimtrace here first`,
          );
        insertColumns.set(
          t.table,
          t.columns.filter((c) => !(spec.generated ?? []).includes(c)),
        );
      }

      const digest = new LineDigest();
      digest.add(first.value as string);
      const counts: Record<string, number> = {};
      const currentRevisions: { id: string; current_revision_id: string }[] = [];
      let pending: { table: string; rows: Record<string, unknown>[] } | null = null;
      let linksDone = false;
      /** Archived user id -> this installation's user of that name (names are unique here). */
      const users = new Map<string, string>();
      const flush = async () => {
        if (!pending?.rows.length) return;
        if (pending.table === 'app_user') {
          for (const [from, to] of await this.repo.matchUsers(client, pending.rows))
            users.set(from, to);
          pending.rows = [];
          return;
        }
        if (pending.table === 'membership')
          pending.rows = pending.rows.map((r) => ({
            ...r,
            user_id: users.get(r.user_id as string) ?? r.user_id,
          }));
        await this.repo.insertRows(
          client,
          pending.table,
          insertColumns.get(pending.table)!,
          pending.rows,
        );
        pending.rows = [];
      };
      let trailer: ArchiveTrailer | null = null;
      let lineNumber = 1;
      for (let next = await reader.next(); !next.done; next = await reader.next()) {
        lineNumber++;
        if (trailer)
          throw new ArchiveError(
            `line ${lineNumber}: data after the end of the archive: the file was edited`,
          );
        const item = parseLine(next.value, lineNumber);
        if ('end' in item) {
          trailer = item;
          continue;
        }
        digest.add(next.value);
        if (!insertColumns.has(item.t))
          throw new ArchiveError(
            `line ${lineNumber}: table "${item.t}" is not in the archive header: the file was edited`,
          );
        if (item.r.workspace_id !== undefined && item.r.workspace_id !== header.workspace.id)
          throw new ArchiveError(
            `line ${lineNumber}: a row of another workspace: the file was edited`,
          );
        const previous: string | null = pending ? pending.table : null;
        if (previous !== item.t) {
          await flush();
          // Links are in: drop what their triggers wrote before the archive's own history lands.
          if (!linksDone && previous === 'claim_link') {
            await this.repo.dropTriggerOutput(client, header.workspace.id);
            linksDone = true;
          }
          pending = { table: item.t, rows: [] };
        }
        if (item.t === 'source' && item.r.current_revision_id) {
          currentRevisions.push({
            id: item.r.id as string,
            current_revision_id: item.r.current_revision_id as string,
          });
          item.r = { ...item.r, current_revision_id: null };
        }
        pending!.rows.push(item.r);
        counts[item.t] = (counts[item.t] ?? 0) + 1;
        if (pending!.rows.length >= BATCH) await flush();
      }
      await flush();
      if (!linksDone) await this.repo.dropTriggerOutput(client, header.workspace.id);
      if (!trailer)
        throw new ArchiveError('the archive ends early (no end line): the file is truncated');
      if (digest.hex() !== trailer.sha256)
        throw new ArchiveError(
          'the archive checksum does not match its contents: the file was damaged or edited',
        );
      for (const [table, n] of Object.entries(trailer.rows)) {
        if ((counts[table] ?? 0) !== n)
          throw new ArchiveError(
            `the archive says ${n} ${table} rows but holds ${counts[table] ?? 0}: the file was edited`,
          );
      }
      await this.repo.setCurrentRevisions(client, currentRevisions);

      const chain = new ChainVerifier();
      for await (const batch of this.repo.auditEvents(client, header.workspace.id)) {
        for (const e of batch) chain.push({ ...e, createdAt: new Date(e.createdAt) });
      }
      const verified = chain.result();
      if (!verified.valid)
        throw new ArchiveError(
          `the archive's audit log does not verify (${verified.firstBreak?.reason} at event ${verified.checked}): its history was edited; nothing was imported`,
        );
      const rows = await this.repo.countRows(client, header.workspace.id);
      await client.query('COMMIT');
      return { workspace: header.workspace, rows, auditHeadHash: verified.headHash };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async checkTarget(client: pg.PoolClient, header: ArchiveHeader) {
    const existing = await this.repo.workspaceExists(client, header.workspace.id);
    if (existing)
      throw new ArchiveError(
        `workspace "${existing.name}" (${header.workspace.id}) already exists in this installation. ` +
          'An archive restores a workspace with its own ids (its audit chain is bound to them), so it ' +
          'cannot be merged into a copy of itself: import it into another installation (another ' +
          'DATABASE_URL or CLAIMTRACE_DATA_DIR), or delete the workspace here first.',
      );
    const applied = new Set(await this.repo.appliedMigrations(client));
    const missing = header.migrations.filter((m) => !applied.has(m));
    if (missing.length)
      throw new ArchiveError(
        `the archive was made by a newer claimtrace (migrations ${missing.join(', ')} are not applied here): upgrade claimtrace here first`,
      );
  }
}
