/**
 * The CSV exports' columns, documented once: the header row, docs/provenance.md and the GraphQL
 * `workspaceExport` field all read this list. Offsets are Unicode code points (Python slicing;
 * in R use substring() on the UTF-8 text). Empty cells are nulls; booleans are true/false;
 * times are ISO 8601 UTC.
 */
export interface CsvColumn {
  name: string;
  description: string;
}

export const CLAIM_COLUMNS: CsvColumn[] = [
  { name: 'claim_id', description: 'Claim id (UUID); links.csv refers to it.' },
  { name: 'source_id', description: 'Source id (UUID).' },
  { name: 'source_url', description: 'URL of the source, when known.' },
  { name: 'source_title', description: 'Title of the source.' },
  { name: 'publisher', description: 'Name of the outlet.' },
  { name: 'published_at', description: 'Publication time of the source.' },
  { name: 'revision_id', description: 'The source revision the claim was extracted from.' },
  { name: 'revision_number', description: '1 for the first text of the source, +1 per change.' },
  { name: 'is_current', description: 'true when the revision is the current text of its source.' },
  { name: 'content_hash', description: 'sha256 hex of the revision text (UTF-8).' },
  { name: 'sentence_index', description: '0-based position of the sentence in the revision.' },
  { name: 'start', description: 'Start offset in code points into the revision text.' },
  { name: 'end', description: 'End offset (exclusive) in code points.' },
  { name: 'text', description: 'The claim: exactly the revision text from start to end.' },
  { name: 'checkworthiness', description: '0..1: how check-worthy the statement is.' },
  { name: 'extractor', description: 'name@version of the extractor.' },
  {
    name: 'voice',
    description: 'ASSERTED (the outlet says it) or RELAYED (attributed to someone).',
  },
  { name: 'speaker', description: 'Who the claim is attributed to, for relayed claims.' },
  { name: 'cue', description: 'The reporting words ("said", "according to").' },
  { name: 'review_kind', description: "A reviewer's mark: FACT, FRAMING or NOT_CHECKWORTHY." },
  {
    name: 'verdict',
    description: "The reviewer's rating of a FACT claim (TRUE ... FALSE, UNVERIFIABLE).",
  },
  { name: 'reviewer', description: 'Who marked the claim.' },
  { name: 'reviewed_at', description: 'When the claim was marked.' },
];

export const LINK_COLUMNS: CsvColumn[] = [
  { name: 'link_id', description: 'Link id (UUID).' },
  { name: 'claim_id', description: 'One statement (the smaller id of the pair).' },
  { name: 'evidence_id', description: 'The other statement, always of another source.' },
  { name: 'claim_source_id', description: 'Source of claim_id.' },
  { name: 'evidence_source_id', description: 'Source of evidence_id.' },
  { name: 'relation', description: 'CORROBORATES, CONTRADICTS or DISCUSSES (symmetric).' },
  { name: 'confidence', description: '0..1.' },
  { name: 'status', description: 'SUGGESTED, CONFIRMED or REJECTED.' },
  { name: 'origin', description: 'MACHINE or HUMAN.' },
  { name: 'method', description: 'name@version of the linker, or the person for human links.' },
  { name: 'signals', description: 'Signal kinds, separated by ";" (from claim_id\'s side).' },
  {
    name: 'needs_review',
    description: 'true when a source edit changed or removed a statement of the link.',
  },
  { name: 'review_reason', description: 'Why the link needs review.' },
  { name: 'reviewed_by', description: 'Who last reviewed the link.' },
  { name: 'reviewed_at', description: 'When.' },
  { name: 'review_note', description: "The reviewer's note." },
  { name: 'created_at', description: 'When the link was made.' },
  { name: 'updated_at', description: 'Last change.' },
];
