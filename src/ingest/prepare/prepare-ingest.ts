/**
 * Validates one ingest input and does all the work that needs no database: HTML extraction,
 * hashing, language detection and claim extraction (pure). The transaction that follows only
 * writes, so it stays short.
 */
import { badInput } from '../../common/errors.js';
import type { PreparedSourceWrite } from '../../sources/source.repository.js';
import { sha256Hex } from '../../common/hash.js';
import {
  EXTRACTOR_NAME,
  EXTRACTOR_VERSION,
  extractClaims,
  type ExtractedClaim,
} from '../../claims/extraction/index.js';
import { htmlToArticle } from './html-to-article.js';
import { detectLanguage, isLanguageTag } from './language.js';
import { normalizePublisherName } from './publisher-name.js';

export interface IngestInputLike {
  workspaceId: string;
  text?: string | null;
  html?: string | null;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: Date | string | null;
  language?: string | null;
}

/** A source ready to write: what the source repository stores, plus its extracted claims. */
export interface PreparedIngest extends PreparedSourceWrite {
  claims: ExtractedClaim[];
  extractor: string;
}

export interface IngestLimits {
  maxSourceBytes: number;
}

const MAX_META_LENGTH = 1000;
const MAX_URL_LENGTH = 2048;

/** Characters PostgreSQL cannot store (NUL) or that have no place in text (other C0 controls). */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function checkText(field: string, value: string) {
  if (!value.isWellFormed()) {
    throw badInput(
      `${field} is not valid Unicode (it contains a lone surrogate); send UTF-8 text`,
      { field },
    );
  }
  const bad = FORBIDDEN_CONTROL.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).padStart(4, '0');
    throw badInput(
      `${field} contains the control character U+${code.toUpperCase()} at position ${bad.index}; remove it`,
      {
        field,
      },
    );
  }
}

function optionalMeta(
  field: string,
  value: string | null | undefined,
  max = MAX_META_LENGTH,
): string | null {
  if (value === null || value === undefined) return null;
  checkText(field, value);
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return trimmed || null;
}

function checkUrl(value: string | null | undefined): string | null {
  const url = optionalMeta('url', value, MAX_URL_LENGTH);
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput(`url "${url.slice(0, 100)}" is not a valid absolute URL`, { field: 'url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw badInput(`url must use http or https, got ${parsed.protocol}`, { field: 'url' });
  }
  // The fragment does not change the document; keep it out of the identity of the source.
  parsed.hash = '';
  return parsed.toString();
}

function checkDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1000 || year > 9999) {
    throw badInput(`publishedAt must be an ISO 8601 date-time between years 1000 and 9999`, {
      field: 'publishedAt',
    });
  }
  return date;
}

export function prepareIngest(input: IngestInputLike, limits: IngestLimits): PreparedIngest {
  const hasText = input.text !== null && input.text !== undefined;
  const hasHtml = input.html !== null && input.html !== undefined;
  if (hasText === hasHtml) {
    throw badInput('give exactly one of text or html', { field: hasText ? 'html' : 'text' });
  }
  const original = (hasText ? input.text : input.html)!;
  const field = hasText ? 'text' : 'html';
  const bytes = Buffer.byteLength(original, 'utf8');
  if (bytes > limits.maxSourceBytes) {
    throw badInput(
      `${field} is ${bytes} bytes; the limit is ${limits.maxSourceBytes} bytes (split the source)`,
      {
        field,
      },
    );
  }
  checkText(field, original);

  let text = original;
  let title = optionalMeta('title', input.title);
  let author = optionalMeta('author', input.author);
  let language = optionalMeta('language', input.language, 35);
  if (hasHtml) {
    const article = htmlToArticle(original);
    text = article.text;
    title ??= article.title?.slice(0, MAX_META_LENGTH) ?? null;
    author ??= article.byline?.slice(0, MAX_META_LENGTH) ?? null;
    if (!language && article.language && isLanguageTag(article.language))
      language = article.language;
  }
  if (!text.trim()) {
    throw badInput(hasHtml ? 'html contains no readable text' : 'text is empty', { field });
  }
  if (language !== null && !isLanguageTag(language)) {
    throw badInput(`language "${language}" is not a BCP 47 tag such as "en" or "pt-BR"`, {
      field: 'language',
    });
  }
  language ??= detectLanguage(text);

  const publisherName = optionalMeta('publisher', input.publisher, 300);
  const publisherKey = publisherName ? normalizePublisherName(publisherName) : '';
  const publishedAt = checkDate(input.publishedAt);
  const url = checkUrl(input.url);

  return {
    workspaceId: input.workspaceId,
    text,
    contentHash: sha256Hex(text),
    originalFormat: hasHtml ? 'HTML' : 'TEXT',
    originalHash: sha256Hex(original),
    title,
    url,
    publisher:
      publisherName && publisherKey ? { name: publisherName, normalized: publisherKey } : null,
    author,
    publishedAt,
    language,
    claims: extractClaims(text, { publishedAt, language, publisher: publisherName ?? null }),
    extractor: `${EXTRACTOR_NAME}@${EXTRACTOR_VERSION}`,
  };
}
