import type { ClaimFacets, ExtractedClaim, ExtractionContext } from './types.js';
import { segmentRaw } from './segment.js';
import { extractFacets } from './facets.js';
import { scoreCheckworthiness } from './checkworthiness.js';
import { backCodePoints, codePointIndexer, forwardCodePoints } from '../../text/tokens.js';

export const EXTRACTOR_NAME = 'claimtrace-extract';
export const EXTRACTOR_VERSION = '1.10.0';

const SELECTOR_CONTEXT = 32;

/** Facets and score for one statement, e.g. a sentence from a dataset. */
export function analyzeStatement(
  text: string,
  ctx: ExtractionContext = {},
): { facets: ClaimFacets; checkworthiness: number } {
  const facets = extractFacets(text, ctx);
  return { facets, checkworthiness: scoreCheckworthiness(text, facets) };
}

/**
 * Every sentence becomes a claim, low scorers included: filtering is the caller's choice and
 * keeping all sentences makes offsets and sentence indices stable across threshold changes.
 */
export function extractClaims(text: string, ctx: ExtractionContext = {}): ExtractedClaim[] {
  const spans = segmentRaw(text);
  const cp = codePointIndexer(text);
  const effective: ExtractionContext = {
    ...ctx,
    publishedAt: ctx.publishedAt ?? inferReference(text),
  };
  return spans.map((span, sentenceIndex) => {
    const sentence = text.slice(span.start, span.end);
    const { facets, checkworthiness } = analyzeStatement(sentence, effective);
    return {
      sentenceIndex,
      start: cp(span.start),
      end: cp(span.end),
      text: sentence,
      checkworthiness,
      facets,
      selector: {
        exact: sentence,
        prefix: text.slice(backCodePoints(text, span.start, SELECTOR_CONTEXT), span.start),
        suffix: text.slice(span.end, forwardCodePoints(text, span.end, SELECTOR_CONTEXT)),
      },
    };
  });
}

/**
 * Without a publication date, an ISO date in the document's opening (a "date 2025-09-20"
 * header or a dateline) is the best reference for year-less and relative dates.
 */
function inferReference(text: string): Date | null {
  const m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text.slice(0, 300));
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
  return Number.isNaN(d.getTime()) ? null : d;
}
