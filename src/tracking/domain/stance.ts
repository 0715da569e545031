/**
 * Whose voice a member statement speaks in. Pure.
 *
 * A statement that attributes, hedges or asks ("X said", "reportedly", "could not verify")
 * reports the proposition; otherwise the outlet asserts it. An attributed statement that the
 * linker found to CORROBORATE another member is taken as endorsed (a state outlet quoting its own
 * ministry), which is how the linker itself reads a sentence's own voice.
 */
import type { ClaimFacets } from '../../claims/extraction/types.js';

export type MemberStance = 'ASSERTS' | 'REPORTS';

export function isReporting(facets: ClaimFacets): boolean {
  return (
    Boolean(facets.attribution) || (facets.hedges ?? []).length > 0 || Boolean(facets.question)
  );
}

export function memberStance(facets: ClaimFacets, corroboratedInCluster: boolean): MemberStance {
  if (!isReporting(facets)) return 'ASSERTS';
  return corroboratedInCluster && (facets.hedges ?? []).length === 0 && !facets.question
    ? 'ASSERTS'
    : 'REPORTS';
}

/**
 * A reported speaker as a comparison key: "the Defence Ministry" and "Defence Ministry" are one
 * speaker; a named spokesperson of a ministry ("ministry spokesperson Irena Valk") keeps the
 * name, because the words alone cannot tell which ministry.
 */
export function speakerKey(speaker: string | null | undefined): string | null {
  if (!speaker) return null;
  const key = speaker
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\b(the|a|an|its|their|his|her)\b/g, ' ')
    .replace(/\bdefense\b/g, 'defence')
    .replace(/\s+/g, ' ')
    .trim();
  // Pronouns, generic nouns and long clauses (extraction misreading a sentence as a speaker)
  // name nobody in particular.
  if (
    !key ||
    key.split(' ').length > 6 ||
    /^(he|she|they|it|we|i|you|neither|both|either|none|officials?|sources?|witnesses|residents|people)$/.test(
      key,
    ) ||
    /\d|\b(killed|died|said|was|were)\b/.test(key)
  )
    return null;
  return key;
}
