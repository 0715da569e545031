/** The facts about one claim that provenance views and exports are built from (pure data). */
import type { ClaimFacets } from '../claims/extraction/types.js';

export type ClaimKind = 'FACT' | 'FRAMING' | 'NOT_CHECKWORTHY';
export type ClaimVerdict =
  'TRUE' | 'MOSTLY_TRUE' | 'MIXED' | 'MOSTLY_FALSE' | 'FALSE' | 'UNVERIFIABLE';

export interface ClaimReviewRow {
  claimId: string;
  workspaceId: string;
  kind: ClaimKind;
  verdict: ClaimVerdict | null;
  note: string | null;
  reviewer: string;
  reviewedAt: Date;
}

export interface ClaimContext {
  claim: {
    id: string;
    workspaceId: string;
    text: string;
    start: number;
    end: number;
    prefix: string;
    suffix: string;
    sentenceIndex: number;
    checkworthiness: number;
    extractor: string;
    facets: ClaimFacets;
    createdAt: Date;
  };
  source: {
    id: string;
    url: string | null;
    title: string | null;
    author: string | null;
    publishedAt: Date | null;
  };
  publisher: { id: string; name: string } | null;
  revision: {
    id: string;
    number: number;
    contentHash: string;
    originalHash: string;
    originalFormat: 'TEXT' | 'HTML';
    retrievedAt: Date;
  };
  review: ClaimReviewRow | null;
}

/** A link of the claim, seen from the claim, with its review state. */
export interface ClaimLinkRecord {
  id: string;
  evidenceId: string;
  relation: 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES';
  confidence: number;
  method: string;
  origin: 'MACHINE' | 'HUMAN';
  status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED';
  createdAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

/** "name@version" -> parts; a value without "@" is all name. */
export function splitMethod(method: string): { name: string; version: string | null } {
  const at = method.lastIndexOf('@');
  return at > 0
    ? { name: method.slice(0, at), version: method.slice(at + 1) }
    : { name: method, version: null };
}
