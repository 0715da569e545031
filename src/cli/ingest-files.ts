/**
 * Reads ingest inputs from files (pure apart from reading): .txt and .html are one source each;
 * .jsonl holds one IngestSourceInput per line (workspaceId is taken from the command line).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { BulkItem } from '../ingest/bulk-ingest.js';
import type { IngestInputLike } from '../ingest/prepare/prepare-ingest.js';

export type FileInput = BulkItem;

const INPUT_FIELDS = [
  'text',
  'html',
  'title',
  'url',
  'publisher',
  'author',
  'publishedAt',
  'language',
] as const;

export function readInputs(file: string): FileInput[] {
  const ext = extname(file).toLowerCase();
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    return [{ ok: false, origin: file, reason: `cannot read: ${(error as Error).message}` }];
  }
  if (ext === '.txt' || ext === '.text' || ext === '.md') {
    return [{ ok: true, origin: file, input: { text: content, title: basename(file, ext) } }];
  }
  if (ext === '.html' || ext === '.htm') {
    return [{ ok: true, origin: file, input: { html: content } }];
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    return content.split('\n').flatMap((line, i): FileInput[] => {
      if (!line.trim()) return [];
      const origin = `${file}:${i + 1}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        return [{ ok: false, origin, reason: `not JSON: ${(error as Error).message}` }];
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return [{ ok: false, origin, reason: 'each line must be a JSON object' }];
      }
      const record = parsed as Record<string, unknown>;
      const unknownKeys = Object.keys(record).filter(
        (k) => k !== 'workspaceId' && !(INPUT_FIELDS as readonly string[]).includes(k),
      );
      if (unknownKeys.length)
        return [{ ok: false, origin, reason: `unknown fields: ${unknownKeys.join(', ')}` }];
      for (const k of INPUT_FIELDS) {
        if (record[k] !== undefined && record[k] !== null && typeof record[k] !== 'string') {
          return [{ ok: false, origin, reason: `${k} must be a string` }];
        }
      }
      const input: Omit<IngestInputLike, 'workspaceId'> = {};
      for (const k of INPUT_FIELDS)
        if (typeof record[k] === 'string') input[k] = record[k] as string;
      return [{ ok: true, origin, input }];
    });
  }
  return [
    {
      ok: false,
      origin: file,
      reason: `unsupported file type "${ext}" (use .txt, .html or .jsonl)`,
    },
  ];
}
