import type { ClaimFacets, ExtractedClaim, ExtractionContext } from './types.js';
import { segmentRaw } from './segment.js';
import { extractFacets } from './facets.js';
import { scoreCheckworthiness } from './checkworthiness.js';
import { backCodePoints, codePointIndexer, forwardCodePoints } from '../../text/tokens.js';

export const EXTRACTOR_NAME = 'claimtrace-extract';
export const EXTRACTOR_VERSION = '1.15.0';

const SELECTOR_CONTEXT = 32;

/** Facets and score for one statement, e.g. a sentence from a dataset. */
export function analyzeStatement(
  text: string,
  ctx: ExtractionContext = {},
): { facets: ClaimFacets; checkworthiness: number } {
  const facets = extractFacets(text, ctx);
  if (ctx.publishedAt) facets.written = ctx.publishedAt.toISOString().slice(0, 10);
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
  const people = new PeopleInScope();
  return spans.map((span, sentenceIndex) => {
    const sentence = text.slice(span.start, span.end);
    const { facets, checkworthiness } = analyzeStatement(sentence, effective);
    const antecedent = people.read(sentenceIndex, sentence, facets);
    if (antecedent) facets.antecedent = antecedent;
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

/** A sentence that opens with a personal pronoun for one person. */
const PRONOUN_OPENING = /^\s*["“]?(?:He|She|His|Her)\b/;
/** How many sentences back a pronoun may reach for its person. */
const PRONOUN_REACH = 2;
/** Words that make an actor a group or an office, not a person: "Detainee M", "Civic Front". */
const NOT_A_PERSON =
  /\b(?:detainee|ministry|office|service|front|party|council|agency|forces|army|police|court|union|group|committee|government|news|wire|herald|today)\b/i;

/**
 * Who the people named so far in a document are, for pronouns. Deliberately narrow: only a
 * sentence that opens with "He", "She", "His" or "Her" gets an antecedent, and only a name of
 * capitalised words read as a person-like actor (or a sentence-opening surname of one) counts.
 */
class PeopleInScope {
  private last: { name: string; at: number } | null = null;
  private readonly known: string[] = [];

  read(index: number, sentence: string, facets: ClaimFacets): string | undefined {
    const antecedent =
      PRONOUN_OPENING.test(sentence) && this.last && index - this.last.at <= PRONOUN_REACH
        ? this.last.name
        : undefined;
    // A person, or a name of two capitalised words someone acted on or who acted ("Mira Tal");
    // a bare mention of an unknown name is as often a place ("in Dorvik").
    const named = facets.actors.filter(
      (a) =>
        (a.kind === 'PERSON' ||
          (a.kind === 'OTHER' && a.role !== 'mention' && /\s/.test(a.text))) &&
        /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*$/u.test(a.text) &&
        !NOT_A_PERSON.test(a.text),
    );
    for (const a of named) if (!this.known.includes(a.text)) this.known.push(a.text);
    // "Tal has been on hunger strike": a surname at the opening names a known person.
    const opening = /^\s*(\p{Lu}[\p{L}'’-]+)\b/u.exec(sentence)?.[1];
    const bySurname = opening
      ? this.known.find((k) => k !== opening && k.endsWith(` ${opening}`))
      : undefined;
    const person = named.at(-1)?.text ?? bySurname;
    if (person) this.last = { name: person, at: index };
    else if (antecedent) this.last = { name: antecedent, at: index };
    return antecedent;
  }
}
