/**
 * One CSV record per exported row (pure). Every cell is a string here, so the file does not
 * depend on a CSV library's defaults: nulls are empty, booleans true/false, times ISO 8601 UTC.
 */
import type { ClaimExportRow, LinkExportRow } from './export.repository.js';

const cell = (v: string | number | boolean | Date | null | undefined): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
};

export function claimCsvRecord(r: ClaimExportRow): Record<string, string> {
  const relayed = r.speaker !== null || r.cue !== null;
  return {
    claim_id: r.claim_id,
    source_id: r.source_id,
    source_url: cell(r.source_url),
    source_title: cell(r.source_title),
    publisher: cell(r.publisher),
    published_at: cell(r.published_at),
    revision_id: r.revision_id,
    revision_number: cell(r.revision_number),
    is_current: cell(r.is_current),
    content_hash: r.content_hash,
    sentence_index: cell(r.sentence_index),
    start: cell(r.start),
    end: cell(r.end),
    text: r.text,
    checkworthiness: cell(Number(r.checkworthiness)),
    extractor: r.extractor,
    voice: relayed ? 'RELAYED' : 'ASSERTED',
    speaker: cell(r.speaker),
    cue: cell(r.cue),
    review_kind: cell(r.review_kind),
    verdict: cell(r.verdict),
    reviewer: cell(r.reviewer),
    reviewed_at: cell(r.reviewed_at),
  };
}

export function linkCsvRecord(r: LinkExportRow): Record<string, string> {
  return {
    link_id: r.link_id,
    claim_id: r.claim_id,
    evidence_id: r.evidence_id,
    claim_source_id: r.claim_source_id,
    evidence_source_id: r.evidence_source_id,
    relation: r.relation,
    confidence: cell(Number(r.confidence)),
    status: r.status,
    origin: r.origin,
    method: r.method,
    signals: r.signals,
    needs_review: cell(r.needs_review),
    review_reason: cell(r.review_reason),
    reviewed_by: cell(r.reviewed_by),
    reviewed_at: cell(r.reviewed_at),
    review_note: cell(r.review_note),
    created_at: cell(r.created_at),
    updated_at: cell(r.updated_at),
  };
}
