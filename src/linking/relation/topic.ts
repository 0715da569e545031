/**
 * Topical alignment: whether two statements are about the same event or proposition, judged
 * on what they share *besides* the facets being compared. Two reports that only share a
 * date, a figure, the counted noun or the event verb ("On 3 May, 12 trucks crossed the
 * bridge at Tarsk" / "On 3 May, 40 people attended the festival in Varn") are not about the
 * same thing, so a mismatch between their facets is no contradiction and an agreement no
 * corroboration. A conflict or agreement rule applies only to topically aligned statements.
 *
 * Aligned: the statements do not name different places ("in Tarsk" / "in Varn", unless they
 * share much else), and either
 *  - the shared content words left after removing facet words (dates, figures, counted nouns,
 *    the counted event and its class), numbers and generic words weigh enough (IDF), or
 *  - they share a name (place, party), or
 *  - a figure on each side counts the same thing in the same event class ("two civilians
 *    were killed" / "four civilians died"), each side gives how long an event lasted, or
 *    each side dates the same shared predicate ("began on 18 September" / "began on 19 ...").
 * Symmetric; memoised per alignment.
 */
import type { ClaimFacets } from '../../claims/extraction/types.js';
import { tokenIndexAt, type Analysis } from './analyze.js';
import {
  comparableLengths,
  eventKey,
  incidentOfTheirClass,
  listedSum,
  sameEventCount,
  sameThing,
} from './events.js';
import { bareNegatedKind, negatedKindAnswered } from './kinds.js';
import type { Alignment, IdfTable } from './alignment.js';
import { ATTRIBUTION_SET } from '../../text/cues.js';
import { ORG_HEADS } from '../../claims/extraction/lexicon.js';
import { eventClasses } from '../../claims/extraction/frames.js';
import { wordKey } from '../../text/relation-words.js';
import { nameOrAdjective } from '../../text/demonyms.js';
import type { StatementView } from './types.js';

export interface Topical {
  /** Shared keys that carry the topic (no facet, number, date or generic words). */
  keys: string[];
  /** Sum of their capped IDF weights. */
  score: number;
  /** A name (place, party) both statements mention. */
  sharedName: boolean;
  /**
   * A figure or an event length on each side that measures the same kind of thing, or a
   * date next to the same shared predicate on each side.
   */
  facetAligned: boolean;
  /** Each statement names a place ("in Tarsk", "the Varn festival") and the places differ. */
  placeConflict: boolean;
  /** Same event or proposition: rules may compare the facets. */
  aligned: boolean;
}

/** IDF is capped so one unseen word (a typo, a rare name) cannot stand for a topic alone. */
const IDF_CAP = 8;
/** Weight of a shared word when no IDF table is given (about a mid-frequency noun). */
const DEFAULT_WEIGHT = 6;
/** Shared words rarer than this in training text are topical at all. */
const MIN_IDF = 3.5;
/** Minimum topical weight: one fairly specific word, or two ordinary ones. */
const ALIGN_SCORE = 6;
/** How far (in tokens) a date may sit from the predicate it dates (as in signals.ts). */
const DATE_WINDOW = 12;
/** With different places on each side, the shared content must be this strong (six rare words). */
const PLACE_CONFLICT_SCORE = 48;

/** Words that say nothing about which event is meant. */
const GENERIC = new Set(
  [
    'people',
    'person',
    'said',
    'say',
    'says',
    'told',
    'report',
    'reported',
    'according',
    'year',
    'years',
    'day',
    'days',
    'week',
    'weeks',
    'month',
    'months',
    'hour',
    'hours',
    'minute',
    'minutes',
    'time',
    'times',
    'today',
    'yesterday',
    'tomorrow',
    'morning',
    'afternoon',
    'evening',
    'night',
    'first',
    'last',
    'new',
    'also',
    'number',
    'total',
    'least',
    'more',
    'less',
    'some',
    'many',
    'several',
    'other',
    'near',
    'town',
    'city',
    'village',
    'area',
    'region',
    'local',
    'official',
    'officials',
    'since',
    'during',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
  ].map((w) => wordKey(w)),
);

const memo = new WeakMap<Alignment, Topical>();

/** What one statement brings to the comparison; computed once per statement. */
interface Profile {
  analysis: Analysis;
  /** Keys of words inside date, duration and figure spans, and counted nouns and events. */
  facetWords: Set<string>;
  /** Event class ("#0": killing, ...) of content words that have one. */
  classOf: Map<string, string>;
  /** Event classes of the statement's figures. */
  figureClasses: Set<string>;
  /** Words of the people, organisations and groups it names. */
  parties: Set<string>;
  /** One-word place candidates (see `placeCandidates`). */
  places: string[];
  /** Token positions of its dates. */
  datePositions: number[];
}

const profiles = new WeakMap<ClaimFacets, Profile>();

function spanStart(a: Analysis, text: string, at?: number): number {
  let s = at ?? -1;
  if (s < 0 || a.text.slice(s, s + text.length) !== text) s = a.text.indexOf(text);
  return s;
}

function profile(a: Analysis, f: ClaimFacets): Profile {
  const hit = profiles.get(f);
  if (hit && hit.analysis === a) return hit;
  const spans: [number, number][] = [];
  const facetWords = new Set<string>();
  const mark = (text: string, at?: number) => {
    const s = spanStart(a, text, at);
    if (s >= 0) spans.push([s, s + text.length]);
  };
  for (const d of f.dates) mark(d.text, d.at);
  for (const d of f.durations) mark(d.text, d.at);
  const figureClasses = new Set<string>();
  for (const q of f.quantities) {
    mark(q.text, q.at);
    if (q.counted) facetWords.add(wordKey(q.counted.toLowerCase()));
    if (q.event) facetWords.add(wordKey(q.event.toLowerCase()));
    const k = eventKey(q.event);
    if (k && k.startsWith('#')) figureClasses.add(k);
  }
  const classOf = new Map<string, string>();
  for (const t of a.tokens) {
    if (!t.content) continue;
    const ek = eventKey(t.lower);
    if (ek && ek.startsWith('#')) classOf.set(t.key, ek);
    for (const [s, e] of spans) {
      if (t.start >= s && t.end <= e) {
        facetWords.add(t.key);
        break;
      }
    }
  }
  const parties = new Set<string>();
  for (const act of f.actors) {
    if (act.kind === 'PLACE' || act.kind === 'OTHER') continue;
    // A one-word "person" that is no agent is as often a town the tagger did not know.
    if (act.role !== 'agent' && !/\s/.test(act.text)) continue;
    for (const w of act.text.split(/\s+/)) parties.add(wordKey(w.toLowerCase()));
  }
  const datePositions: number[] = [];
  for (const d of f.dates) {
    const s = spanStart(a, d.text, d.at);
    if (s >= 0) datePositions.push(tokenIndexAt(a.tokens, s));
  }
  const p: Profile = {
    analysis: a,
    facetWords,
    classOf,
    figureClasses,
    parties,
    places: placeCandidates(a, facetWords, parties),
    datePositions,
  };
  profiles.set(f, p);
  return p;
}

/**
 * One-word names (places, towns: "Tarsk", "the Varn festival") of a statement, leaving out
 * facet words, people, organisations and groups (another agent is an actor swap, not another
 * topic; "the Ministry of the Interior" is no place) and speakers ("as Tarsk claims": who
 * says it, not where it happened) and origins ("from Kessa"). Multi-word names ("Lower Veshnar", "Special Envoy") are
 * too often titles or regions to oppose.
 */
/** People named after where they come from rather than where the event took place. */
const ENVOY_NOUNS = new Set(
  (
    'diplomats diplomat envoy envoys mediators mediator negotiators negotiator officials ' +
    'official soldiers servicemen monitors observers inspectors investigators experts ' +
    'engineers peacekeepers delegation delegates officers leaders leader ministers minister ' +
    'president premier counterparts counterpart partners allies volunteers doctors medics'
  ).split(' '),
);

/** Land that belongs to a side: after a side's adjective it names that side of a border. */
const SIDE_LAND = /^(?:territory|territories|soil|side|land|airspace|waters)$/;
/** A part of a town ("the Zarech district"): inside the place the other side names. */
const TOWN_PART = /^(?:district|quarter|neighbourhood|neighborhood|suburb|zone|street|square)$/;

/** Whether a statement names place `key` as a part of a town ("the Zarech district"). */
function townPart(a: Analysis, key: string): boolean {
  const t = a.keyToken.get(key);
  return t !== undefined && TOWN_PART.test(a.tokens[t.i + 1]?.lower ?? '');
}

/** What a make names: "Volka cruise missiles", "a Kestrel-7 drone". */
const WEAPON_NOUN =
  /^(?:drones?|missiles?|rockets?|shells?|bombs?|launchers?|tanks?|helicopters?|jets?|aircraft|howitzers?|rifles?|uavs?)$/;
const COUNT_WORD =
  /^(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|several)$/;

/** A name between a count and a weapon ("four Volka cruise missiles"): a make, not a place. */
function makeOfWeapon(ts: Analysis['tokens'], i: number): boolean {
  if (!COUNT_WORD.test(ts[i - 1]?.lower ?? '')) return false;
  for (let j = i + 1; j <= i + 3 && j < ts.length; j++)
    if (WEAPON_NOUN.test(ts[j]!.lower)) return true;
  return false;
}

function placeCandidates(a: Analysis, facetWords: Set<string>, parties: Set<string>): string[] {
  const out: string[] = [];
  const ts = a.tokens;
  const cap = (j: number) =>
    j >= 0 && j < ts.length && ts[j].content && /^\p{Lu}/u.test(ts[j].surface);
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i];
    if (!t.content || !a.names.has(t.key) || cap(i - 1) || cap(i + 1)) continue;
    if (facetWords.has(t.key) || GENERIC.has(t.key) || parties.has(t.key)) continue;
    // "an Ombrian-brokered truce", "Russian-made shells": an adjective, not where it happened.
    if (/^\p{Lu}\p{L}*-\p{Ll}/u.test(t.surface)) continue;
    if (i + 1 < ts.length && ATTRIBUTION_SET.has(ts[i + 1].lower)) continue;
    // "the Orsan mission", "the Kelmar police": a body named after a place, not where it happened.
    if (i + 1 < ts.length && ORG_HEADS.has(ts[i + 1].lower)) continue;
    // "brokered by Venlan diplomats", "Corish engineers": where people come from, not where it
    // happened (residents and villagers of a place do live there, so they are left out).
    if (i + 1 < ts.length && ENVOY_NOUNS.has(ts[i + 1].lower)) continue;
    // "into Maltovian territory" / "on Arvenian soil": the sides of one border, which accounts
    // of one border incident dispute; and a compass letter of coordinates ("42.41 N").
    if (i + 1 < ts.length && SIDE_LAND.test(ts[i + 1].lower)) continue;
    if (t.surface.length < 2) continue;
    // "14 Kestrel-7 long-range attack drones", "four Volka cruise missiles": a make of weapon.
    if (makeOfWeapon(ts, i)) continue;
    // "launched from the Kessa region": where it came from, not where it happened; "mediated by
    // Rovenna": who did something, not where.
    if (
      /^(?:from|by)$/.test(ts[i - 1].lower) ||
      (ts[i - 2]?.lower === 'from' && !ts[i - 1].content)
    )
      continue;
    out.push(t.key);
  }
  return out;
}

/**
 * Whether a statement names a place, also by its adjective where no list knows the country:
 * "Rosta" in "Rostan authorities", "Kalva" in "Kalvan" (the adjective is the name and a
 * demonym ending).
 */
function mentions(a: Analysis, place: string): boolean {
  if (a.keys.has(place)) return true;
  // "the Ardenza-2 power plant" is in Ardenza: a numbered site names its place.
  const base = (k: string) => k.replace(/-\d+$/, '');
  for (const n of a.names) if (nameOrAdjective(n, place) || base(n) === base(place)) return true;
  return false;
}

/** Whether a key is a facet word on either side (or a word of a figure's event class). */
function isFacetWord(k: string, l: Profile, r: Profile): boolean {
  if (l.facetWords.has(k) || r.facetWords.has(k)) return true;
  const c = l.classOf.get(k) ?? r.classOf.get(k);
  return c !== undefined && (l.figureClasses.has(c) || r.figureClasses.has(c));
}

/** A shared predicate (not a name) with a date next to it on both sides: "began on 18 ...". */
function datedPredicate(la: Analysis, ra: Analysis, l: Profile, r: Profile, keys: string[]) {
  if (l.datePositions.length === 0 || r.datePositions.length === 0) return false;
  const near = (ps: number[], at: number) => ps.some((p) => Math.abs(p - at) <= DATE_WINDOW);
  for (const k of keys) {
    if (la.names.has(k) || ra.names.has(k)) continue;
    if (
      near(l.datePositions, la.keyToken.get(k)!.i) &&
      near(r.datePositions, ra.keyToken.get(k)!.i)
    )
      return true;
  }
  return false;
}

/**
 * Both statements give a clock time to an event of one class, with a word shared besides:
 * "At 20:15 ... police units began clearing the square" / "At about 19:40 ... riot police
 * charged the crowd". The times are the tie the figures are elsewhere (facetAlignment).
 */
function timedClass(la: Analysis, ra: Analysis): boolean {
  if (!CLOCK.test(la.text) || !CLOCK.test(ra.text)) return false;
  const classes = (a: Analysis) =>
    new Set(
      eventClasses(a.text)
        .map((e) => e.cls)
        .filter((c) => !BACKGROUND_CLASSES.has(c)),
    );
  const mine = classes(la);
  const theirs = classes(ra);
  const shareWord = () => [...la.keys].some((k) => ra.keys.has(k));
  // "The incident began at about 11:40 today" / "The shooting began at 09:15 yesterday".
  if (incidentOfTheirClass(la.text, mine, ra.text, theirs)) return shareWord();
  for (const c of theirs) if (mine.has(c)) return shareWord();
  return false;
}
const CLOCK = /\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b/;
/** Classes that name who acts ("units", "forces") or what befell people, not the event itself. */
const BACKGROUND_CLASSES = new Set(['deployment', 'killing', 'wounding']);

/** How many tokens after a denial cue its denied words may reach (signals.ts: DENIAL_WINDOW). */
const DENIED_REACH = 10;

/**
 * A denial whose denied words name two of the other side's words that are not names: "reports
 * that patients were killed are a fabrication" is about "twelve were killed, among them nine
 * patients", though the words it shares are the other side's figure's (left out above).
 */
export function deniedWords(d: Analysis, o: Analysis): boolean {
  if (!d.denial || d.denial.at < 0) return false;
  const keys = new Set<string>();
  for (const t of d.tokens.slice(d.denial.at + 1, d.denial.at + 1 + DENIED_REACH))
    if (t.content && o.keys.has(t.key) && !d.names.has(t.key) && !o.names.has(t.key))
      keys.add(t.key);
  return keys.size >= 2;
}

function facetAlignment(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
): boolean {
  for (const l of left.facets.quantities)
    for (const r of right.facets.quantities)
      if (sameThing(l, r, la.text, ra.text) || sameEventCount(l, r)) return true;
  // "Three soldiers and two civilians were killed" / "seven people were killed": a list of parts
  // counts the other's whole.
  if (
    listedSum(left.facets.quantities, la.text, right.facets.quantities) ||
    listedSum(right.facets.quantities, ra.text, left.facets.quantities)
  )
    return true;
  const ld = left.facets.durations;
  const rd = right.facets.durations;
  return ld.length === 1 && rd.length === 1 && comparableLengths(la, ld[0], ra, rd[0]);
}

export function topicalAlignment(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  al: Alignment,
  idf?: IdfTable,
): Topical {
  const hit = memo.get(al);
  if (hit) return hit;
  const lp = profile(la, left.facets);
  const rp = profile(ra, right.facets);
  const keys: string[] = [];
  let score = 0;
  let sharedName = false;
  for (const k of al.shared) {
    if (GENERIC.has(k) || /^\d/.test(k) || isFacetWord(k, lp, rp)) continue;
    const w = idf ? (idf.idf.get(k) ?? idf.unseen) : DEFAULT_WEIGHT;
    if (w < MIN_IDF) continue;
    keys.push(k);
    score += Math.min(w, IDF_CAP);
    if (la.names.has(k) || ra.names.has(k)) sharedName = true;
  }
  const lPlaces = lp.places.filter((k) => !rp.parties.has(k) && !isFacetWord(k, lp, rp));
  const rPlaces = rp.places.filter((k) => !lp.parties.has(k) && !isFacetWord(k, lp, rp));
  // "The Zarech district" may lie in the city the other side names ("Ardenza"); two districts
  // are two places.
  const onlyParts = (a: Analysis, ks: string[]) => ks.every((k) => townPart(a, k));
  // A place one side names that the other mentions anywhere (also sentence-initially) is shared.
  const placeConflict =
    lPlaces.length > 0 &&
    rPlaces.length > 0 &&
    onlyParts(la, lPlaces) === onlyParts(ra, rPlaces) &&
    !lPlaces.some((k) => mentions(ra, k)) &&
    !rPlaces.some((k) => mentions(la, k));
  const facetAligned =
    facetAlignment(left, right, la, ra) ||
    datedPredicate(la, ra, lp, rp, keys) ||
    deniedWords(la, ra) ||
    deniedWords(ra, la) ||
    timedClass(la, ra) ||
    // "The police used no special means" / "Police fired tear gas": one shared word (often the
    // actor, which the keys above leave out) and the kind that answers the negation; a bare
    // "No force was used" / "officers beat the men with batons" needs no shared word.
    (al.shared.length > 0 && (negatedKindAnswered(la, ra) || negatedKindAnswered(ra, la))) ||
    bareNegatedKind(la, ra) ||
    bareNegatedKind(ra, la);
  const aligned = placeConflict
    ? score >= PLACE_CONFLICT_SCORE
    : score >= ALIGN_SCORE || sharedName || facetAligned;
  const out: Topical = { keys, score, sharedName, facetAligned, placeConflict, aligned };
  memo.set(al, out);
  return out;
}
