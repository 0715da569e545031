/**
 * The workspace archive (pure): gzip'd JSON lines, one table row per line, so export and import
 * stream and any workspace size fits in memory.
 *
 *   line 1       {"format":"claimtrace-workspace","version":1, workspace, migrations, tables}
 *   lines 2..n   {"t":"<table>","r":{...the row as PostgreSQL's row_to_json gives it}}
 *   last line    {"end":true,"rows":{"<table>":count},"sha256":"<hex of every line before it>"}
 *
 * gzip's CRC catches a damaged file; the sha256 trailer catches truncation and edits that kept
 * the gzip valid. Neither proves who wrote the file: the audit log's hash chain, verified after
 * import, is what shows the history was not rewritten (compare its head hash with the one the
 * source installation reports).
 */
import { createHash, type Hash } from 'node:crypto';

export const ARCHIVE_FORMAT = 'claimtrace-workspace';
export const ARCHIVE_VERSION = 1;

export interface ArchiveTable {
  table: string;
  columns: string[];
}

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exportedAt: string;
  workspace: { id: string; name: string };
  /** Migrations applied where the archive was made: the importing database must have them all. */
  migrations: string[];
  /** In import order (parents before children). */
  tables: ArchiveTable[];
}

export interface ArchiveRow {
  t: string;
  r: Record<string, unknown>;
}

export interface ArchiveTrailer {
  end: true;
  rows: Record<string, number>;
  sha256: string;
}

export class ArchiveError extends Error {}

/** Running checksum over the archive's lines, exactly as written (UTF-8, each with its "\n"). */
export class LineDigest {
  private readonly hash: Hash = createHash('sha256');
  add(line: string) {
    this.hash.update(line, 'utf8');
    this.hash.update('\n');
  }
  hex() {
    return this.hash.digest('hex');
  }
}

export function parseHeader(line: string | undefined): ArchiveHeader {
  let header: Partial<ArchiveHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<ArchiveHeader>;
  } catch {
    throw new ArchiveError('this is not a claimtrace workspace archive (no header line)');
  }
  if (header.format !== ARCHIVE_FORMAT)
    throw new ArchiveError('this is not a claimtrace workspace archive (unknown format)');
  if (header.version !== ARCHIVE_VERSION)
    throw new ArchiveError(
      `archive format version ${String(header.version)} is not supported here (this claimtrace reads version ${ARCHIVE_VERSION}): use the claimtrace version that wrote it`,
    );
  if (!header.workspace?.id || !Array.isArray(header.tables) || !Array.isArray(header.migrations))
    throw new ArchiveError('the archive header is incomplete: the file is damaged');
  return header as ArchiveHeader;
}

/** Parses one body line: a row, or the trailer (which must be the last line). */
export function parseLine(line: string, lineNumber: number): ArchiveRow | ArchiveTrailer {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ArchiveError(
      `line ${lineNumber} of the archive is not valid JSON: the file is damaged`,
    );
  }
  const v = value as Partial<ArchiveRow & ArchiveTrailer>;
  if (v.end === true && typeof v.sha256 === 'string' && v.rows) return v as ArchiveTrailer;
  if (typeof v.t === 'string' && v.r && typeof v.r === 'object') return v as ArchiveRow;
  throw new ArchiveError(
    `line ${lineNumber} of the archive is not a table row: the file is damaged`,
  );
}
