import type { ClaimFacets, ExtractedClaim, ExtractionContext } from './types.js';
import { segmentRaw } from './segment.js';
import { extractFacets } from './facets.js';
import { scoreCheckworthiness } from './checkworthiness.js';
import { CARE_SITE_HEAD, MONTHS } from './lexicon.js';
import { backCodePoints, codePointIndexer, forwardCodePoints } from '../../text/tokens.js';

export const EXTRACTOR_NAME = 'claimtrace-extract';
export const EXTRACTOR_VERSION = '1.24.0';

const SELECTOR_CONTEXT = 32;

/** A publisher that is a place of care: "Sallet District Hospital". */
const CARE_SITE = new RegExp(`\\b${CARE_SITE_HEAD.source}\\b`);

/** Facets and score for one statement, e.g. a sentence from a dataset. */
export function analyzeStatement(
  text: string,
  ctx: ExtractionContext = {},
): { facets: ClaimFacets; checkworthiness: number } {
  const facets = extractFacets(text, ctx);
  if (ctx.publishedAt) facets.written = ctx.publishedAt.toISOString().slice(0, 10);
  if (ctx.publisher && CARE_SITE.test(ctx.publisher)) facets.careSite = ctx.publisher;
  return { facets, checkworthiness: scoreCheckworthiness(text, facets) };
}

/**
 * Every sentence becomes a claim, low scorers included: filtering is the caller's choice and
 * keeping all sentences makes offsets and sentence indices stable across threshold changes.
 */
export function extractClaims(text: string, ctx: ExtractionContext = {}): ExtractedClaim[] {
  const spans = segmentRaw(text);
  const cp = codePointIndexer(text);
  const reference = ctx.publishedAt ?? inferReference(text);
  // "KARDEN, 10 June. ...": the dateline is the writer's own day, so "this evening" and
  // "yesterday" count from it exactly.
  const dateline = datelineDay(text, reference);
  const effective: ExtractionContext = { ...ctx, publishedAt: dateline ?? reference };
  const people = new PeopleInScope();
  return spans.map((span, sentenceIndex) => {
    const sentence = text.slice(span.start, span.end);
    const { facets, checkworthiness } = analyzeStatement(sentence, effective);
    if (dateline)
      for (const d of facets.dates) if (d.relative && !/\d/.test(d.text)) d.anchored = true;
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

/**
 * An agency's dateline at the opening: a place in capitals, perhaps its country, then a day
 * ("PELLIN, 14 November.", "BAKU, Azerbaijan, September 20.").
 */
const DATELINE =
  /^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?\p{Lu}[\p{Lu}'’ -]{2,}(?:,\s+\p{Lu}[\p{L}'’ -]+)?,\s+(?:(\d{1,2})\s+(\p{L}+)|(\p{L}+)\s+(\d{1,2}))\.\s/u;
/** How far a dateline's day may be from the reference and still be read in its year. */
const DATELINE_SLACK_DAYS = 3;

/** The dateline's day at noon UTC, in the year that puts it nearest the reference. */
export function datelineDay(text: string, reference: Date | null): Date | null {
  if (!reference) return null;
  const m = DATELINE.exec(text.slice(0, 200));
  if (!m) return null;
  const day = Number(m[1] ?? m[4]);
  const month = MONTHS.get((m[2] ?? m[3])!.toLowerCase());
  if (!month || day < 1 || day > 31) return null;
  const y = reference.getUTCFullYear();
  for (const year of [y, y - 1, y + 1]) {
    const d = new Date(Date.UTC(year, month - 1, day, 12));
    if (d.getUTCDate() !== day) continue;
    if (Math.abs(d.getTime() - reference.getTime()) <= DATELINE_SLACK_DAYS * 86_400_000) return d;
  }
  return null;
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
