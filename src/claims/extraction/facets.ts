/**
 * Structured facets of one sentence. Order matters: dates claim their spans first, then
 * durations, then quantities, so "September 19–20, 2023" never yields the counts 19, 20, 2023
 * and "23 hours" is never a count of hours.
 */
import type { AttributionFacet, ClaimFacets, ExtractionContext } from './types.js';
import { tokenize } from '../../text/tokens.js';
import { findDates } from './dates.js';
import { findDurations } from './numbers.js';
import { findNamedDeaths, findQuantities } from './quantities.js';
import { findActors, publisherParty } from './actors.js';
import { findAttribution, findHedges, findNegations } from './cues.js';
import { buildFrame } from './frames.js';

/** Words that make a publisher a news outlet rather than a body that makes news. */
const NEWS_OUTLET =
  /\b(?:Press|News|Wire|Gazette|Herald|Times|Post|Media|Television|TV|Radio|Daily|Today|Tribune|Journal|Chronicle|Courier|Dispatch)\b/;

/** Words a publisher's short name for itself may leave out of its full name. */
const NAME_FILLER = new Set(['the', 'of', 'for', 'and', 'our', 'its']);

/**
 * Marks an attribution whose speaker is the publisher itself under a definite short name:
 * "The mission confirmed ..." in the Joint Monitoring Mission's report, "the ministry said" in
 * the Defence Ministry's statement. Every word of the speaker must be in the publisher's name,
 * and it must be a description ("the mission"), not a name: "Kestria said" in Kestria Today is
 * the state, not the outlet.
 */
function selfAware(
  attribution: AttributionFacet | null,
  publisher: string | null | undefined,
): AttributionFacet | null {
  const speaker = attribution?.speaker;
  // "We have confirmed ...", "according to our tracking", "I must report": the writer's own
  // voice.
  if (attribution && speaker && /^(?:we|i|our\s+\S.*)$/i.test(speaker.trim()))
    return { ...attribution, self: true };
  if (attribution && speaker && ownEvidence(speaker)) return { ...attribution, self: true };
  if (!attribution || !speaker || !publisher) return attribution;
  if (ownSideOfficial(speaker, publisher)) return { ...attribution, self: true };
  const words = (t: string) => t.toLowerCase().match(/\p{L}+/gu) ?? [];
  const own = words(speaker);
  const name = new Set(words(publisher));
  const content = own.filter((w) => !NAME_FILLER.has(w));
  // "Brannock Line confirms that its vessel ..." in Brannock Line's own statement: the
  // publisher's whole name is the publisher.
  const full = [...name].filter((w) => !NAME_FILLER.has(w));
  if (content.length === full.length && full.every((w) => content.includes(w)))
    return { ...attribution, self: true };
  // "the mission", "The mission", "the Defence Ministry": a description. A news outlet
  // ("Eastgate Press Service") does not describe itself so: its "the service said" is a
  // service it reports on.
  if (own[0] !== 'the' || NEWS_OUTLET.test(publisher)) return attribution;
  if (content.length === 0 || !content.every((w) => name.has(w))) return attribution;
  return { ...attribution, self: true };
}

/** Kinds of record a writer cites as its own evidence: "Crater analysis indicates". */
const EVIDENCE_HEADS = new Set(
  (
    'analysis analyses footage record records data imagery images photographs photos video ' +
    'videos samples tests measurements readings findings results logs scans recordings'
  ).split(' '),
);
const OWNER_BREAK = new Set(['from', 'of', 'in', 'at', 'on', 'by', 'for', 'with']);

/**
 * "Crater analysis indicates that ...", "Admission records show", "Footage from two security
 * cameras in the market shows": records the writer cites, not a speaker it quotes. A named
 * owner ("Ministry data show", "the agency's records") still makes them someone else's.
 */
function ownEvidence(speaker: string): boolean {
  const ws = speaker.match(/[\p{L}'’-]+/gu) ?? [];
  if (ws.length === 0 || ws.slice(1).some((w) => /^\p{Lu}/u.test(w) || /['’]s$/.test(w)))
    return false;
  const cut = ws.findIndex((w, i) => i > 0 && OWNER_BREAK.has(w.toLowerCase()));
  const head = ws[(cut < 0 ? ws.length : cut) - 1]!.toLowerCase();
  return EVIDENCE_HEADS.has(head);
}

/**
 * A state outlet that names its side by its first word: "Brannic State Information Agency"
 * (the side "brannic"). A wire ("Northline Press Agency") says no "State".
 */
function stateOutletSide(publisher: string): string | null {
  const m = /^(\p{Lu}[\p{L}'’-]+)\s+State\b/u.exec(publisher.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** How many letters two words share from the start ("brannia" / "brannic": 6). */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Heads of a state body that speaks for its side: "the Joint Operations Headquarters". */
const OFFICIAL_HEADS = new Set(
  (
    'ministry headquarters staff command government office spokesman spokeswoman spokesperson ' +
    'army forces service commander officials authorities administration presidency president ' +
    'minister cabinet directorate department committee'
  ).split(' '),
);
/** Words a state body's name may hold besides its head and its side's name. */
const OFFICIAL_WORDS = new Set(
  (
    'the of for and joint operations operational general defence defense interior foreign ' +
    'affairs press main central national state armed security emergency emergencies situations ' +
    'border guard information chief supreme high military prime'
  ).split(' '),
);

/**
 * In a side's own outlet (a publisher whose name gives its side: "Malvorian Telegraph
 * Agency"), that side's state body speaks for it: "the Joint Operations Headquarters
 * announced", "Malvoria's Defence Ministry said". Its claims are the outlet's own stance
 * (examples/README.md: a party's denial carried by its own state outlet contradicts). A body
 * named with any other word ("Ardeny's government said") stays a speaker quoted.
 */
function ownSideOfficial(speaker: string, publisher: string): boolean {
  const party = publisherParty(publisher) ?? stateOutletSide(publisher);
  if (!party) return false;
  const ws = (speaker.match(/[\p{L}'’-]+/gu) ?? []).map((w) =>
    w.toLowerCase().replace(/['’]s$/u, ''),
  );
  if (ws.length === 0 || ws.length > 6 || !ws.some((w) => OFFICIAL_HEADS.has(w))) return false;
  const ownName = (w: string) => w.length >= 4 && commonPrefix(w, party) >= 5;
  // Bare "officials" could be anyone's: it needs its side's name.
  if (ws.every((w) => w === 'officials' || w === 'the') && !ws.some(ownName)) return false;
  return ws.every((w) => OFFICIAL_HEADS.has(w) || OFFICIAL_WORDS.has(w) || ownName(w));
}

export function extractFacets(sentence: string, ctx: ExtractionContext = {}): ClaimFacets {
  const ref = ctx.publishedAt && !Number.isNaN(ctx.publishedAt.getTime()) ? ctx.publishedAt : null;
  const tokens = tokenize(sentence);
  const taken: Array<[number, number]> = [];
  const dates = findDates(sentence, ref, taken);
  const durations = findDurations(sentence, taken);
  const quantities = findQuantities(sentence, tokens, taken);
  const actors = findActors(sentence, tokens, taken, ctx.publisher);
  const facets: ClaimFacets = {
    dates,
    durations,
    quantities,
    actors,
    negations: findNegations(sentence),
    attribution: selfAware(findAttribution(sentence, tokens), ctx.publisher),
    hedges: findHedges(sentence),
    question: /\?["'”’)\]]*\s*$/.test(sentence),
  };
  facets.frame = buildFrame(sentence, facets);
  const namedDeaths = findNamedDeaths(sentence);
  if (namedDeaths.length > 0) facets.namedDeaths = namedDeaths;
  return facets;
}
