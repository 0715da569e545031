import type { ClaimFieldsFragment, CompareQuery, LinkFieldsFragment } from '../api/generated';

export type Claim = ClaimFieldsFragment;
export type Link = LinkFieldsFragment;
type CompareSource = CompareQuery['compareSources']['right'];

export interface SourceView {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  contentHash: string;
  publisher: { id: string; name: string } | null;
  claims: Claim[];
}

export interface Pair {
  left: Claim;
  right: Claim;
  link: Link;
}

export interface ComparisonView {
  workspaceId: string;
  stance: CompareQuery['compareSources']['stance'];
  /** How many stored links the stance was read from, listed or not (the service reads all). */
  stanceLinks: number;
  /** The confidence threshold the service applied (its default unless the page asked for one). */
  minConfidence: number;
  left: SourceView;
  right: SourceView;
  pairs: Pair[];
}

export function sourceView(s: CompareSource, claims: Claim[], pairClaims: Claim[]): SourceView {
  // Linked statements may score below the check-worthiness threshold that Source.claims uses;
  // they are added so that every link has both ends on the page.
  const byId = new Map<string, Claim>();
  for (const c of [...claims, ...pairClaims]) if (c.source.id === s.id) byId.set(c.id, c);
  return {
    id: s.id,
    title: s.title,
    url: s.url,
    publishedAt: s.publishedAt,
    text: s.text,
    contentHash: s.contentHash,
    publisher: s.publisher,
    claims: [...byId.values()].sort((a, b) => a.start - b.start),
  };
}

/** A sentence as the user names a source: title, else publisher, else a short id. */
export const sourceName = (s: {
  title: string | null;
  publisher?: { name: string } | null;
  id: string;
}) => s.title || s.publisher?.name || `Source ${s.id.slice(0, 8)}`;
