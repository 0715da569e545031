/**
 * Typed, explainable evidence about how two statements relate. Pure: text and facets in,
 * signals out. Each signal names the words on both sides so a researcher can check it.
 */
import type {
  ActorFacet,
  DateFacet,
  DurationFacet,
  QuantityFacet,
} from '../../claims/extraction/types.js';
import { analyze, tokenIndexAt, type Analysis } from './analyze.js';
import { align, type Alignment, type IdfTable } from './alignment.js';
import {
  CARE_SITE_HEAD,
  GROUP_NOUNS,
  PLACE_NOUNS,
  isCalendarWord,
} from '../../claims/extraction/lexicon.js';
import { ORDINAL_VALUE } from '../../claims/extraction/numbers.js';
import { isMonthMay } from '../../claims/extraction/cues.js';
import {
  eventClasses,
  isSpeechDate,
  loadedTerms,
  partyKey,
  wordClass,
} from '../../claims/extraction/frames.js';
import {
  isClockTime,
  timesMeet,
  timesOfDay as readTimesOfDay,
  type TimeOfDay,
} from '../../claims/extraction/times.js';
import {
  areAntonyms,
  hasAntonym,
  otherSense,
  tokenize,
  wordKey,
  type Token,
} from '../../text/relation-words.js';
import {
  ACTOR_NOUN,
  DISTANCE_UNITS,
  civilianHarmCount,
  comparableLengths,
  eventKey,
  listedSum,
  eventLength,
  facetAt,
  percentReading,
  sameEventCount,
  sameThing,
  definiteDeed,
  incidentOfTheirClass,
} from './events.js';
import { deniedWords, topicalAlignment } from './topic.js';
import { KINDS } from '../../text/general-kinds.js';
import { bareNegatedKind } from './kinds.js';
import { wordNet } from './wordnet.js';
import { ATTRIBUTION_SET } from '../../text/cues.js';
import { nameOrAdjective, partyWord } from '../../text/demonyms.js';
import type { LinkSignal, StatementView } from './types.js';

// Re-exported so existing importers of signals.js keep working; new code imports alignment.js.
export { align, type Alignment } from './alignment.js';

export const SIGNAL_KINDS = [
  'QUANTITY_MISMATCH',
  'QUANTITY_AGREEMENT',
  'DATE_MISMATCH',
  'DATE_AGREEMENT',
  'DURATION_MISMATCH',
  'DURATION_AGREEMENT',
  'ACTOR_SWAP',
  'NEGATION',
  'ANTONYM',
  'REFUTATION_CUE',
  'ATTRIBUTION',
  'HEDGING',
  'PARAPHRASE',
  'FACT_AGREEMENT',
] as const;
/**
 * Scope, voice and frame signals (issue 13). Kept apart from SIGNAL_KINDS because the
 * committed model's features are one per SIGNAL_KINDS entry: a model trained with these as
 * features reads ALL_SIGNAL_KINDS instead. The decision rules use them either way.
 */
export const FRAME_SIGNAL_KINDS = [
  'DENIAL',
  'CORRECTION',
  'CORRECTION_CONSISTENT',
  'FRAMING',
  'DIFFERENT_EVENT',
  'EVENT_AGREEMENT',
] as const;
export const ALL_SIGNAL_KINDS = [...SIGNAL_KINDS, ...FRAME_SIGNAL_KINDS] as const;
export type SignalKind = (typeof ALL_SIGNAL_KINDS)[number];

/** Share of content words that must align before dates or actors are taken as "same event". */
const SAME_EVENT_COVERAGE = 0.25;
/** Relative tolerance under which two durations are the same ("one-day" vs "24 hours"). */
const DURATION_TOLERANCE = 0.1;
/** Spread given to "about N" when comparing counts. */
const APPROX_SPREAD = 0.15;
/** How far (in tokens) a date may sit from the predicate it dates. */
const DATE_ANCHOR_WINDOW = 12;
/** How far (in tokens) an agent may sit from its predicate for an actor swap. */
const ACTOR_WINDOW = 5;
/** How far (in tokens) an antonym may sit from an aligned word to be about the same thing. */
const ANTONYM_WINDOW = 8;
/**
 * Dates of one kind of event further apart than this are two events ("the 2020 statement" /
 * "the 2023 ceasefire"), not a conflict: reports of one event disagree by a day or two.
 */
const DIFFERENT_EVENT_DAYS = 30;
/** How far (in tokens) a denial may sit from the words it denies. */
const DENIAL_WINDOW = 10;

/**
 * The first shared word a rebuttal at `at` rebuts (null: none), among the tokens after it up
 * to `reach`. What it rebuts is more than a subject or a bare verb: a clause ("denied that
 * police used live rounds") needs two shared words, since its subject alone says nothing of
 * "police detained 112 people"; otherwise one shared word will do unless it only opens the
 * rebutted words ("denied striking civilian targets" says nothing of "struck a depot"), while
 * "no evidence of a military depot" rebuts the depot.
 */
export function rebutted(
  a: Analysis,
  at: number,
  reach: number,
  shared: (t: Token) => boolean,
  other: Analysis,
): Token | null {
  const clause = a.tokens[at + 1]?.lower === 'that' || a.tokens[at + 2]?.lower === 'that';
  const content = a.tokens.slice(at + 1, reach + 1).filter((t) => t.content);
  const hits = content.filter(shared);
  const keys = new Set(hits.map((t) => t.key));
  if (keys.size === 0) return null;
  if (keys.size >= 2) return hits[0]!;
  // "The claim that Hirvet was shelled from Hask is a fabrication" / "terrorists in Hask
  // shelled Hirvet": one deed shared, and two names that say whose and where.
  const names = new Set(
    content.filter((t) => a.names.has(t.key) && other.keys.has(t.key)).map((t) => t.key),
  );
  if (clause && names.size >= 2) return hits[0]!;
  if (clause) return null;
  // One shared word must be in the rebutted phrase itself, not in a modifier after it ("no
  // evidence of a military depot near the market" says nothing of an explosion at the market),
  // except after a word that names a tie ("denied any role in the blast").
  const first = content[0]!;
  const relational = RELATIONAL.test(first.lower);
  // "Kestria denied any role in the blast" denies Kestria's part, not the blast: only a
  // statement that names the denier is rebutted.
  if (relational && !a.tokens.slice(0, at).some((t) => t.content && other.keys.has(t.key)))
    return null;
  const end = relational
    ? reach
    : (a.tokens.slice(first.i + 1, reach + 1).find((t) => PREPOSITION.has(t.lower))?.i ??
        reach + 1) - 1;
  const hit = hits[0]!;
  if (hit.i > end) return null;
  return hit === first && content.filter((t) => t.i <= end).length > 1 ? null : hit;
}

const classMemo = new Map<string, Set<string>>();
/** Event classes a statement names, soldiers and units aside; memoised by text. */
function classesOf(a: Analysis): Set<string> {
  let hit = classMemo.get(a.text);
  if (!hit) {
    if (classMemo.size > 20_000) classMemo.clear();
    hit = new Set(
      eventsOf(a)
        .filter((e) => !ACTOR_NOUN.test(e.trigger))
        .map((e) => e.cls),
    );
    classMemo.set(a.text, hit);
  }
  return hit;
}

/** A key whose first word is in lower case: no name, also not one that opens the sentence. */
export function plainKey(a: Analysis, k: string): boolean {
  const w = a.keyToken.get(k)?.surface ?? '';
  return w !== '' && w === w.toLowerCase();
}

/** Classes that each name an attack: one incident told as a bombing by one side, a mine by the other. */
const ATTACK_CLASSES = new Set(['military_action', 'shooting', 'explosion']);

/** Whether each statement is chiefly about an attack (its first event class is one). */
export function bothAttacks(a: Analysis, b: Analysis): boolean {
  const first = (xs: Set<string>) => xs.values().next().value;
  const l = first(classesOf(a));
  const r = first(classesOf(b));
  return l !== undefined && r !== undefined && ATTACK_CLASSES.has(l) && ATTACK_CLASSES.has(r);
}

/** An attack word and the preposition that names what it hit: "a strike on a weapons depot". */
const TARGET_AFTER_NOUN =
  /\b(?:(?:strikes?|airstrikes?|air\s+strikes?|attacks?|assaults?|offensive|shelling|raids?|bombing|bombardment)\s+(?:on|against|at)|(?:shelling|bombing|bombardment|destruction)\s+of)\s+((?:[\p{L}’'-]+\s*){1,8})/iu;
/**
 * An attack verb and its object: "shelled Kelmar", "bombed an aid convoy", "have been shelling
 * Marn", "struck the surgical block of Sennet Central Hospital" (eight words at most).
 */
const TARGET_AFTER_VERB =
  /\b(?:shelled|bombed|struck|hit|attacked|targeted|raided|destroyed|damaged|(?:been|are|is|were|was)\s+(?:shelling|bombing|striking|attacking|targeting))\s+((?:[\p{L}’'-]+\s*){1,8})/iu;
/** What was hit, said first: "the Kelmar clinic was hit", "a convoy of 12 trucks was struck". */
const TARGET_PASSIVE =
  /^(?:.*\bthat\s+)?((?:[\p{L}\p{N}’'-]+\s+){1,12}?)(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:hit|struck|shelled|bombed|attacked|targeted|raided|destroyed|damaged)\b/iu;
/** Words that end a target phrase: a place, a time or a clause after it. */
const TARGET_END =
  /^(?:in|near|on|at|by|from|with|of|for|to|until|over|into|during|after|before|since|late|early|shortly|overnight|killing|wounding|injuring|and|but|which|that|who|the|a|an|its|their|struck|hit|shelled|bombed|killed|destroyed|damaged|landed|exploded)$/i;
const NOT_TARGET =
  /^(?:morning|afternoon|evening|night|dawn|day|days|week|weekend|mines?|landmines?|ieds?|explosives?|devices?|bombs?|shells?|rockets?|missiles?)$/;
const TARGET_SKIP = /^(?:the|a|an|its|their|his|her|our|clearly|marked|so-called)$/i;

/** Where fire came from: "militants fired from the grounds of the clinic". */
const ORIGIN_RE =
  /\b(?:fir(?:ed|ing)|shot|shooting|launched|shelled)\s+(?:[\p{L}’'-]+\s+){0,2}?from\s+((?:[\p{L}’'-]+\s*){1,8})/iu;

/**
 * A reading of a statement, memoised by its text: one statement meets hundreds of candidates.
 * Bounded like the analysis cache, cleared whole when full.
 */
function textMemo<T>(read: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (memo.has(text)) return memo.get(text)!;
    if (memo.size > 20_000) memo.clear();
    const hit = read(text);
    memo.set(text, hit);
    return hit;
  };
}

/**
 * The times of day a text names, read once per text: a statement meets hundreds of candidates,
 * and several rules ask for its times. Callers only read the list.
 */
const timesOfDay: (text: string) => readonly TimeOfDay[] = textMemo(readTimesOfDay);

/** Heads of a phrase and of its "of" phrase ("the grounds of the Kelmar clinic": grounds, clinic). */
function heads(phrase: string): Set<string> {
  const out = new Set<string>();
  const raw = phrase.split(/\s+/).filter(Boolean);
  const words = raw.map((w) => w.toLowerCase().replace(/[’']s$/, ''));
  const [head, end] = phraseHead(words, 0);
  const named = head !== null && !NOT_TARGET.test(head) && !isCalendarWord(head);
  if (named) out.add(wordKey(head));
  // "the breakaway Tarn region" is Tarn as much as "Tarn" is: the name before an area noun.
  const before = raw[end - 2];
  if (named && AREA_NOUN.test(head) && before && /^\p{Lu}/u.test(before))
    out.add(wordKey(words[end - 2]!));
  if (named && words[end] === 'of') {
    const [inner] = phraseHead(words, end + 1);
    if (inner) out.add(wordKey(inner));
  }
  return out;
}

/** Where an attack came from, as heads; empty when the sentence does not say. */
const originOf = textMemo((text) => {
  const m = ORIGIN_RE.exec(text);
  return m ? heads(m[1]!) : new Set<string>();
});

function attackOrigin(a: Analysis): Set<string> {
  return originOf(a.text);
}

/** Nouns for an area that a name before them identifies: "the Tarn region", "Avel district". */
const AREA_NOUN =
  /^(?:region|city|town|village|district|area|province|territory|enclave|zone|oblast|county|municipality|valley)$/;

/** The last word of the noun phrase that opens `words` (its head), and where the phrase ends. */
function phraseHead(words: string[], from: number): [string | null, number] {
  let head: string | null = null;
  let i = from;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (TARGET_SKIP.test(w) || /^\d/.test(w)) continue;
    if (TARGET_END.test(w)) break;
    head = w;
  }
  return [head, i];
}

/**
 * What an attack hit, as the head of its noun phrase and of an "of" phrase after it ("the
 * district of Kelmar": district, Kelmar; "a convoy of 12 trucks": convoy, trucks). Empty when
 * the sentence names no target.
 */
const targetOf = textMemo((text) => {
  const m =
    TARGET_PASSIVE.exec(text) ?? TARGET_AFTER_NOUN.exec(text) ?? TARGET_AFTER_VERB.exec(text);
  // "An attack on the evening of 18 September" names a time and "the convoy struck a mine"
  // what did the hitting (NOT_TARGET): no target.
  return m ? heads(m[1]!) : new Set<string>();
});

function attackTarget(a: Analysis): Set<string> {
  return targetOf(a.text);
}

/** A way along which a target moves: a strike "on the road" is where the convoy on it was hit. */
const ROUTE_WORD = /^(?:road|roads|highway|route|motorway|street|bridge)$/;

/**
 * Two attacks said to hit different things: "a precision strike on a weapons depot" / "an
 * airstrike on the Cedar wedding hall", "artillery shelled Kelmar" / "the Kelmar clinic was
 * hit". Neither corroborates the other, whatever else they share.
 */
export function attackTargetsDiffer(
  a: Analysis,
  b: Analysis,
): { left: string; right: string; detail: string } | null {
  if (!bothAttacks(a, b)) return null;
  const l = attackTarget(a);
  const r = attackTarget(b);
  // Where one side's fire came from is what the other says was hit: "militants fired from the
  // grounds of the clinic" / "the clinic was hit by artillery fire".
  const lFrom = attackOrigin(a);
  const rFrom = attackOrigin(b);
  const words = (an: Analysis, ks: Set<string>) =>
    [...ks].map((k) => an.keyToken.get(k)?.surface ?? k).join(' ');
  const fromHit = (from: string, hit: string) =>
    `Where one side says the fire came from ("${from}") is what the other says was hit ("${hit}").`;
  for (const k of lFrom)
    if (r.has(k)) {
      const [x, y] = [words(a, lFrom), words(b, r)];
      return { left: x, right: y, detail: fromHit(x, y) };
    }
  for (const k of rFrom)
    if (l.has(k)) {
      const [x, y] = [words(a, l), words(b, rFrom)];
      return { left: x, right: y, detail: fromHit(y, x) };
    }
  // "Local anti-terrorist measures in the Dalen district" / "artillery has hit the Dalen
  // market": one side tells the attack with a civilian target of its own, which the other's
  // account of the operation neither names nor confirms.
  if ((l.size === 0) !== (r.size === 0)) {
    const [an, ks, side] = l.size > 0 ? [a, l, 'left'] : [b, r, 'right'];
    const named = words(an, ks);
    if (!FACILITY_TARGET.test(named) || MILITARY_TARGET.test(named)) return null;
    // Only against an account of the whole operation ("measures", "the offensive"), not
    // another account of the strike itself ("explosions near the turbine hall").
    const whole = eventsOf(an === a ? b : a).some((e) => OPERATION_WORD.test(e.trigger));
    if (!whole) return null;
    return {
      left: side === 'left' ? named : '',
      right: side === 'right' ? named : '',
      detail: `Only one side names what the attack hit ("${named}").`,
    };
  }
  if (l.size === 0 || r.size === 0) return null;
  // "the Kellin-2 power plant" / "the main power station of Kellin": a numbered site is named
  // after its place.
  const site = (k: string) => k.replace(/-\d*$/, '');
  for (const k of l) if (r.has(k) || [...r].some((y) => site(y) === site(k))) return null;
  // "a precision strike on the Sarrow-Keld road" / "the convoy was struck ... on the Sarrow-Keld
  // road": what one side says was hit, the other names as where its target was hit.
  const onRoute = (ks: Set<string>, an: Analysis, other: Analysis) =>
    [...ks].some((k) => ROUTE_WORD.test(an.keyToken.get(k)?.lower ?? '')) &&
    [...ks].every((k) => other.keys.has(k));
  if (onRoute(l, a, b) || onRoute(r, b, a)) return null;
  const wn = wordNet();
  for (const x of l)
    for (const y of r) {
      const rel = wn.relation(a.keyToken.get(x)?.lower ?? x, b.keyToken.get(y)?.lower ?? y);
      if (rel === 'same' || rel === 'narrower' || rel === 'broader') return null;
    }
  const [x, y] = [words(a, l), words(b, r)];
  return {
    left: x,
    right: y,
    detail: `The attacks are said to hit different things: "${x}" vs "${y}".`,
  };
}

/** Whether two statements name an event of one class (soldiers and units aside). */
export function sharesEventClass(a: Analysis, b: Analysis, leading = false): boolean {
  const mine = classesOf(a);
  const theirs = classesOf(b);
  // `leading`: the shared class is what one side is chiefly about (its first), not only a
  // background both mention ("abducted 11 residents during the assault" / "four civilians
  // died in the shelling" share the war, not a proposition).
  const first = (xs: Set<string>) => xs.values().next().value;
  if (incidentOfTheirClass(a.text, mine, b.text, theirs)) return true;
  for (const c of theirs)
    if (mine.has(c) && (!leading || c === first(mine) || c === first(theirs))) return true;
  return false;
}

/** A statement that says who or what caused an event: "carried out by", "caused by", "blamed". */
const CAUSE_TOLD =
  /\b(?:carried\s+out\s+by|caused\s+by|(?:was|were)\s+(?:behind|responsible)|blamed?|blames|attack(?:ed|s)?|cyberattack|sabotage[sd]?|planted|launched|fired|staged|because\s+of|due\s+to)\b/i;

/** Prepositions that open a modifier of the rebutted phrase. */
const PREPOSITION = new Set([
  'near',
  'in',
  'at',
  'on',
  'from',
  'by',
  'with',
  'after',
  'before',
  'during',
  'outside',
  'inside',
  'around',
  'across',
  'along',
  'behind',
  'since',
]);
/** Nouns that name a tie to what follows them: the rebuttal reaches past their preposition. */
const RELATIONAL =
  /^(?:role|roles|involvement|responsibility|part|participation|link|links|knowledge|connection|hand)$/;

/**
 * The last token a rebuttal at `at` can reach, at most `window` tokens on: its clause ends at
 * "but", "while" or "whereas", or at "and" before a reporting verb ("denied striking civilian
 * targets and said its forces had hit a depot": the depot is not denied).
 */
const DENIER_GOES_ON = /^(?:saying|adding|insisting|arguing|blaming|explaining|pointing)$/;

export function rebuttalReach(a: Analysis, at: number, window: number): number {
  const last = Math.min(a.tokens.length - 1, at + window);
  for (let i = at + 1; i <= last; i++) {
    const w = a.tokens[i].lower;
    if (w === 'but' || w === 'while' || w === 'whereas') return i - 1;
    if (w === 'and' && ATTRIBUTION_SET.has(a.tokens[i + 1]?.lower ?? '')) return i - 1;
    // "denied that its food was to blame, saying the symptoms were typical of a virus": what
    // the denier says instead is its own account, not what it denies.
    if (
      DENIER_GOES_ON.test(w) &&
      a.text.slice(a.tokens[i - 1].end, a.tokens[i].start).includes(',')
    )
      return i - 1;
  }
  return last;
}

/**
 * A side's counts, with one death for each person it names as dead when the other side counts
 * none ("Edda Vorn, who was 81, drowned" / "No one was hurt in the villages"): a named death
 * is one of a toll, so it meets nothing but a count of none.
 */
function withNamedDeaths(
  mine: QuantityFacet[],
  view: StatementView,
  theirs: QuantityFacet[],
): QuantityFacet[] {
  const named = view.facets.namedDeaths ?? [];
  if (named.length === 0 || !theirs.some((q) => q.value === 0)) return mine;
  return [
    ...mine,
    ...named.map((n): QuantityFacet => ({
      text: `the death of ${n.name}`,
      value: 1,
      approx: 'exact',
      unit: null,
      counted: 'person',
      event: 'die',
      at: n.at,
      partOfEarlier: true,
      named: true,
    })),
  ];
}

/** Computes signals between two statements; `left` is the claim side. */
export function computeSignals(left: StatementView, right: StatementView): LinkSignal[] {
  const la = analyze(left.text, left.facets.antecedent);
  const ra = analyze(right.text, right.facets.antecedent);
  return computeSignalsWith(left, right, la, ra, align(la, ra));
}

export function computeSignalsWith(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  al: Alignment,
  idf?: IdfTable,
): LinkSignal[] {
  const out: LinkSignal[] = [];
  // A named death counts as one against a count of none on the other side (withNamedDeaths).
  const lNamed = withNamedDeaths(left.facets.quantities, left, right.facets.quantities);
  const rNamed = withNamedDeaths(right.facets.quantities, right, left.facets.quantities);
  if (lNamed !== left.facets.quantities)
    left = { ...left, facets: { ...left.facets, quantities: lNamed } };
  if (rNamed !== right.facets.quantities)
    right = { ...right, facets: { ...right.facets, quantities: rNamed } };
  // Conflicts are only looked for between statements about the same event: a different
  // figure or day in an unrelated report is no contradiction (see topic.ts).
  const topic = topicalAlignment(left, right, la, ra, al, idf);
  const aligned = topic.aligned;
  const sameEvent = aligned && topic.keys.length >= 2 && al.coverageMax >= SAME_EVENT_COVERAGE;
  // A correction's facets are what it rejects: compared on their own (correctionSignals).
  // An increment ("another 61 were wounded") is no count to set against another, but it is
  // still some against none.
  const leftNone = left.facets.quantities.some((q) => q.value === 0);
  const rightNone = right.facets.quantities.some((q) => q.value === 0);
  const lq = left.facets.quantities.filter(
    (q) =>
      !corrected(la, q) &&
      !inEarlierEvent(left.text, q, right.text) &&
      !(increment(left.text, q) && !rightNone) &&
      !inNamed(la, q),
  );
  const rq = right.facets.quantities.filter(
    (q) =>
      !corrected(ra, q) &&
      !inEarlierEvent(right.text, q, left.text) &&
      !(increment(right.text, q) && !leftNone) &&
      !inNamed(ra, q),
  );
  const [ld, rd] = documentYearsApart(
    left.text,
    eventDates(left, la),
    right.text,
    eventDates(right, ra),
  );
  if (aligned || rejectsTheirMinute(left, la, right) || rejectsTheirMinute(right, ra, left))
    correctionSignals(left, right, la, ra, out);
  quantitySignals(lq, rq, la, ra, aligned, out, [left.facets.careSite, right.facets.careSite]);
  // The same count of the same thing identifies one event, and so does an event a thing has
  // only once (its birth, its premiere): then a far date is a conflict.
  // (A vague agreement, "tens of thousands" / "about 30,000", identifies nothing, and nor does
  // a bound: "312 detained" in 2094 fits "at least 190 were detained" today.)
  const counted = out.some(
    (x) =>
      x.kind === 'QUANTITY_AGREEMENT' &&
      [...lq, ...rq].some(
        (q) => (q.text === x.left || q.text === x.right) && q.approx !== 'approximate',
      ) &&
      [x.left, x.right].every(
        (t) =>
          ![...lq, ...rq].some(
            (q) =>
              q.text === t && (q.valueMax || q.approx === 'at_least' || q.approx === 'at_most'),
          ),
      ),
  );
  const before = out.length;
  // One thing attacked, each side with one date for it ("the convoy was destroyed by a mine on
  // the evening of 4 March" / "a convoy ... was struck from the air at about 02:15 on 5 March"):
  // the dates are the incident's, however far from the shared word.
  const incident =
    aligned &&
    !sameEvent &&
    ld.length === 1 &&
    rd.length === 1 &&
    topic.keys.some((k) => plainKey(la, k) && plainKey(ra, k)) &&
    bothAttacks(la, ra);
  // "began late on Monday" / "died down only on Wednesday evening": the start and the end of
  // one event have two days, and neither dates the other.
  const lPhase = left.facets.frame?.phase;
  const rPhase = right.facets.frame?.phase;
  const phasesDiffer = !!lPhase && !!rPhase && lPhase !== rPhase;
  if (!phasesDiffer && (sameEvent || incident)) {
    dateSignals(ld, rd, out);
    // With several dates on a side, dateSignals cannot tell which one is the shared event's;
    // the date nearest a shared predicate can: "A ceasefire agreed late on Wednesday ... took
    // effect at 06:00 on Thursday" dates the agreement on Wednesday, against "a ceasefire was
    // agreed this evening" (10 June).
    if (out.length === before && (ld.length > 1 || rd.length > 1))
      anchoredDateSignals(ld, rd, la, ra, topic.keys, aligned, out, true);
  } else if (!phasesDiffer) anchoredDateSignals(ld, rd, la, ra, topic.keys, aligned, out);
  // Asked only of pairs with two far dates, not of every candidate pair.
  const far = out.findIndex((x, i) => i >= before && x.kind === 'DIFFERENT_EVENT');
  if (far >= 0 && (counted || onceOnlyEvent(la, ra, al)))
    for (let i = far; i < out.length; i++)
      if (out[i].kind === 'DIFFERENT_EVENT')
        out[i] = {
          ...out[i],
          kind: 'DATE_MISMATCH',
          detail: `Different dates for the same event: ${out[i].left} vs ${out[i].right}.`,
          weight: 0.8,
        };
  // "The strike on the covered market in Varnholt came at 10:40" / "recorded the explosions in
  // Varnholt at 09:12": one attack on one named place, told by each side in its own word.
  const leadingClass =
    aligned && (sharesEventClass(la, ra, true) || (topic.sharedName && bothAttacks(la, ra)));
  if (aligned && (sameEvent || leadingClass))
    timeOfDaySignals(left.text, right.text, ld, rd, sameEvent, out, leadingClass);
  if (aligned && !out.some(isClockMismatch)) alarmTimeSignals(left.text, right.text, out);
  if (aligned && !out.some((x) => x.kind === 'DATE_MISMATCH' || x.kind === 'DATE_AGREEMENT'))
    clockAgreementSignals(left.text, right.text, ld, rd, out);
  if (aligned && sharesEventClass(la, ra)) {
    elapsedSignals(left, ld, right, rd, false, out);
    elapsedSignals(right, rd, left, ld, true, out);
  }
  if (aligned) actorSignals(doers(left), doers(right), la, ra, al, out);
  if (aligned && !out.some((x) => x.kind === 'ACTOR_SWAP'))
    cleftDoerSignals(left.text, right.text, out);
  // A period against a length may share no word at all: "the measures were completed ... 19
  // hours and 40 minutes after they started" / "between 04:58 on 13 October and 14:07 on 15
  // October, monitors recorded 1,860 impacts". One class of event is enough.
  if ((aligned || al.shared.length === 0) && sharesEventClass(la, ra)) {
    spanLengthSignals(left, la, ld, right, ra, false, out);
    spanLengthSignals(right, ra, rd, left, la, true, out);
  }
  if (aligned && sharesEventClass(la, ra)) {
    spanStartSignals(left, ld, right, rd, false, out);
    spanStartSignals(right, rd, left, ld, true, out);
  }
  // "since a Meskovian operation in May 2095 that lasted four days": the earlier event's length.
  durationSignals(ownLengths(left, la), ownLengths(right, ra), la, ra, aligned, out);
  // ("No force was used" / "officers beat the men with batons" share no word: the kind is it.)
  const kindAnswer = bareNegatedKind(la, ra) || bareNegatedKind(ra, la);
  if (aligned && (al.shared.length > 0 || kindAnswer)) {
    if (!deedsOnOtherDays(ld, rd)) {
      negationSignals(la, ra, false, out);
      negationSignals(ra, la, true, out);
    }
    antonymSignals(la, ra, al, out);
    // "Forces closed the checkpoint on 12 December 2094" / "opened the road on Saturday": a
    // state that changed between two dates, not two accounts of one moment.
    if (statesAtTwoTimes(ld, rd))
      for (let i = out.length - 1; i >= 0; i--) if (out[i].kind === 'ANTONYM') out.splice(i, 1);
    exclusionSignals(la, ra, al, out);
  }
  if (!out.some((x) => x.kind === 'EXCLUSION')) targetExclusion(la, ra, out);
  if (!out.some((x) => x.kind === 'EXCLUSION')) civilianToll(left, right, la, ra, out);
  if (aligned) {
    denialSignals(left, right, la, ra, topic.keys, out);
    const apart = differentDoers(left, right, la, ra);
    if (!apart) framingSignals(la, ra, out);
    if (!apart) eventAgreementSignals(left, right, la, ra, out);
    // Two attacks on different targets on two days are two attacks: "the shelling of the
    // village of Elt on 6 June" / "artillery has shelled Zarov city since 7 June".
    if (out.some((x) => x.kind === 'DATE_MISMATCH') && attackTargetsDiffer(la, ra))
      asDifferentEvents(out, 'Two attacks on different targets, each with its own date');
    // Each side's own doer and its own date: two events ("a drone attack by Bresk militants on
    // 11 April" / "Tarvia's army began an assault on Saturday"), unless the two dispute who did
    // one event (an actor swap).
    if (apart && eventDoersApart(la, ra) && !out.some((x) => x.kind === 'ACTOR_SWAP'))
      asDifferentEvents(out, 'Two events, each with its own doer and date');
  }
  // "Cendria began this aggression at 04:10 on Tuesday" / "artillery struck the hospital on
  // 15 September": a moment after the start of what began is in it, no other date for it.
  if (
    insidePhase(left, ld, right, rd) ||
    insidePhase(right, rd, left, ld) ||
    insideSpan(ld, right, rd) ||
    insideSpan(rd, left, ld)
  )
    for (let i = out.length - 1; i >= 0; i--) if (out[i].kind === 'DATE_MISMATCH') out.splice(i, 1);
  // Every date of one far from every date of the other ("killed 23 miners in 2081" / "the
  // bodies of two miners were recovered this afternoon"): their figures count two events, and
  // a vague agreement ("about 30,000" / "tens of thousands") says no more than a conflict.
  if (
    !counted &&
    (datesFarApart(ld, rd) ||
      (longBeforeWriting(ld, rd, right) && !REACHES_NOW.test(right.text)) ||
      (longBeforeWriting(rd, ld, left) && !REACHES_NOW.test(left.text)))
  ) {
    const before = out.length;
    for (let i = out.length - 1; i >= 0; i--) if (FIGURE_SIGNALS.has(out[i].kind)) out.splice(i, 1);
    if (out.length < before && !out.some((x) => x.kind === 'DIFFERENT_EVENT'))
      out.push(
        ld.length > 0 && rd.length > 0
          ? differentEvent(ld[0]!, rd[0]!)
          : {
              kind: 'DIFFERENT_EVENT',
              detail: `An event of ${(ld[0] ?? rd[0])!.text}, long before the other statement was written.`,
              left: ld[0]?.text ?? null,
              right: rd[0]?.text ?? null,
              weight: 0.6,
            },
      );
  }
  // "In June, forces detained another tanker on suspicion of fuel smuggling" / "the accusation
  // of fuel smuggling is baseless": one side tells of another instance, so what it says is
  // not what the other side rebuts, negates or counts.
  if (ANOTHER_ONE.test(la.text) !== ANOTHER_ONE.test(ra.text))
    for (let i = out.length - 1; i >= 0; i--)
      if (OTHER_INSTANCE_DROPS.has(out[i]!.kind)) out.splice(i, 1);
  cueSignals(left, right, la, ra, out);
  agreementSignals(la, ra, al, out);
  // "A lawful response to the shelling of Elt on 6 June, which killed three civilians": the
  // date and the toll after "response to" are the earlier event's. They still agree with
  // another report of that event, but a mismatch may be with the later one: no conflict.
  return out.filter(
    (x) =>
      !MISMATCHES.has(x.kind) ||
      !(priorEventOnly(la, x.left, ra, left) || priorEventOnly(ra, x.right, la, right)),
  );
}

const MISMATCHES = new Set(['DATE_MISMATCH', 'QUANTITY_MISMATCH']);
/**
 * A period that runs to the time of writing: "have never fulfilled their obligation", "for five
 * years": an old date on the other side ("handed over its guns in 2100") falls inside it.
 */
const REACHES_NOW = /\bnever\b|\bever\s+since\b|\bfor\s+(?:[\p{L}-]+\s+){0,2}years\b/iu;
/** Another instance of a kind of thing or event: "another Halvene-flagged tanker". */
const ANOTHER_ONE =
  /\b(?:another|an\s+earlier|a\s+previous)\s+(?!\d)(?:[\p{L}-]+\s+){0,2}?(?:tankers?|ships?|vessels?|boats?|ferry|aircraft|plane|train|attack|strike|raid|seizure|incident|convoy|fire|explosion|blast|outbreak|earthquake|quake|crash|collapse|spill|protest|riot)\b/iu;
const OTHER_INSTANCE_DROPS = new Set(['DENIAL', 'NEGATION', 'DATE_MISMATCH', 'QUANTITY_MISMATCH']);
const RESPONSE_RE =
  /\b(?:(?:in\s+)?(?:response|reply|retaliation|answer)\s+(?:to|for)|retaliat\w*\s+(?:for|against)|respond(?:ed|ing)\s+to|provoked\s+by|(?:launched|began|begun|started|became\s+(?:necessary|unavoidable|inevitable)|(?:was|were)\s+(?:necessary|unavoidable|inevitable))\s+after|answered\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}(?:attack|strike|shelling|raid|provocation|assault)|(?:operation|offensive|assault|attack|strike|measures|raid)s?\s+followed|(?:was|were)\s+forced\s+on\s+[\p{L}'’-]+\s+by)\b/iu;

/** Content words before a response cue for a statement to be about the cause alone. */
const CAUSE_HEAD_WORDS = 4;

/**
 * "The operation became unavoidable after Gorsk gunmen fired rockets at Amsel on 6 May" names
 * the operation only to give its cause: against a statement about the operation itself
 * ("Veldoria sent troops into Gorsk on Thursday") that says nothing of the cause, there is
 * no proposition to compare. The other statement must give no cause of its own and share
 * fewer than two plain words with the cause clause.
 */
export function explainsOnly(a: Analysis, other: Analysis): boolean {
  const cue = RESPONSE_RE.exec(a.text);
  if (!cue || RESPONSE_RE.test(other.text)) return false;
  const head = a.tokens.filter((t) => t.end <= cue.index && t.content);
  if (head.length > CAUSE_HEAD_WORDS) return false;
  return plainWordsAfter(a, cue, other, new Set()) < 2;
}

/**
 * How many plain words (no names, figures or calendar words, none of `own`) the clause after a
 * response cue shares with the other statement: what says whether it speaks of that cause.
 */
function plainWordsAfter(
  a: Analysis,
  cue: RegExpExecArray,
  other: Analysis,
  own: Set<string>,
): number {
  const from = tokenIndexAt(a.tokens, cue.index + cue[0].length);
  const shared = new Set<string>();
  for (const t of a.tokens.slice(from))
    if (
      t.content &&
      other.keys.has(t.key) &&
      !a.names.has(t.key) &&
      !other.names.has(t.key) &&
      !/^\d/.test(t.key) &&
      !isCalendarWord(t.lower) &&
      !own.has(t.key)
    )
      shared.add(t.key);
  return shared.size;
}

/**
 * Whether the facet words `text` stand after a "response to" or "launched after" (the earlier
 * event's) and the other
 * statement is not about that earlier event: it shares fewer than two plain words with the
 * clause, the figure's own words aside. "The convoy hit the mine on the evening of 17
 * September" is about the attack "on the evening of September 18, when a convoy struck an
 * anti-tank mine" (convoy, mine); "63 of our people have been killed, 19 of them civilians" is
 * not about the shelling "which killed three civilians" (killed and civilians are the figure's).
 */
function priorEventOnly(
  a: Analysis,
  text: string | null,
  other: Analysis,
  view: StatementView,
): boolean {
  if (!text) return false;
  const cue = RESPONSE_RE.exec(a.text);
  if (!cue || a.text.indexOf(text) <= cue.index) return false;
  const own = new Set<string>();
  for (const q of view.facets.quantities)
    if (q.text === text) {
      if (q.counted) own.add(wordKey(q.counted));
      if (q.event) own.add(wordKey(q.event));
    }
  return plainWordsAfter(a, cue, other, own) < 2;
}

// ---------------------------------------------------------------- scope and voice

/** Whether a facet sits inside a correction's rejected proposition ("incorrectly said ... 17 September"). */
function corrected(a: Analysis, f: { text: string; at?: number }): boolean {
  if (!a.correction) return false;
  const i = facetToken(a, f);
  if (i <= a.correction.at) return false;
  // "... incorrectly said that 16 miners were trapped; 14 were": after the clause break the
  // writer gives the right value in its own voice.
  const from = a.tokens[a.correction.at]?.start ?? 0;
  const to = a.tokens[i]?.start ?? a.text.length;
  return !CLAUSE_BREAK.test(a.text.slice(from, to));
}
const CLAUSE_BREAK = /;|\s[\u2013\u2014]\s|\u2014/;

/**
 * The lengths a statement gives of its own event: not a length it corrects, names in another's
 * words, tells of an earlier event or of a person ("who has kept a stall for 22 years").
 */
function ownLengths(view: StatementView, a: Analysis): DurationFacet[] {
  return view.facets.durations.filter(
    (d) =>
      !corrected(a, d) &&
      !inNamed(a, d) &&
      !inEarlierEvent(view.text, d) &&
      !personsSpan(view.text, d),
  );
}

/** The year in a document's name: "the Dunmore Agreement of 2113", "the Halsey Accord of 2099". */
const DOCUMENT_OF =
  /\b(?:accord|agreement|treaty|statement|declaration|protocol|memorandum|convention|deal|ceasefire|truce|armistice)\s+of\s+$/i;

function documentYear(text: string, d: DateFacet): boolean {
  const at = facetAt(text, d);
  return (
    at >= 0 && d.precision === 'year' && DOCUMENT_OF.test(text.slice(Math.max(0, at - 30), at))
  );
}

/**
 * A document's year dates when it was signed, not what either side says was done under it:
 * "the Dunmore Agreement of 2113 ... was never honoured" / "completed the pull-back in March
 * 2114". It is compared only with another document's year ("the trilateral statement of 2020"
 * / "the ceasefire of 2023": two documents).
 */
function documentYearsApart(
  lText: string,
  ld: DateFacet[],
  rText: string,
  rd: DateFacet[],
): [DateFacet[], DateFacet[]] {
  const lDoc = ld.filter((d) => documentYear(lText, d));
  const rDoc = rd.filter((d) => documentYear(rText, d));
  if (lDoc.length > 0 === rDoc.length > 0) return [ld, rd];
  return [ld.filter((d) => !lDoc.includes(d)), rd.filter((d) => !rDoc.includes(d))];
}

const eventDateMemo = new WeakMap<object, DateFacet[]>();
/** Dates of the event: not those of the speech act ("said on Saturday"), nor corrected ones. */
function eventDates(view: StatementView, a: Analysis): DateFacet[] {
  const hit = eventDateMemo.get(view.facets.dates);
  if (hit) return hit;
  const out = view.facets.dates
    .filter(
      (d) =>
        !isSpeechDate(view.text, d) &&
        !corrected(a, d) &&
        !previousTime(view.text, d) &&
        !inEarlierEvent(view.text, d) &&
        !deniedDay(view.text, d) &&
        !rejectedDay(view.text, d) &&
        !plannedDay(view.text, d),
    )
    .map((d) =>
      openFrom(view.text, d)
        ? { ...d, end: OPEN_END }
        : nightOf(view.text, d)
          ? { ...d, end: shiftDay(d.end, 1) }
          : d,
    );
  const spanned = joinSpans(view.text, out);
  eventDateMemo.set(view.facets.dates, spanned);
  return spanned;
}

/** Words between the two ends of a span: "... until Thursday", "... and 15:30 on 11 June". */
const SPAN_JOIN = /^[^.;]{0,20}?\b(?:until|till|to|through|and)\s+(?:[\p{L}\d:]+\s+){0,6}$/iu;
/** Before the first end of a span: "from dawn on", "between 04:10 on". */
const SPAN_OPEN = /\b(?:from|between)\s+(?:[\p{L}\d:,]+\s+){0,4}$/iu;

/**
 * "From before dawn on Tuesday until Thursday afternoon", "between 04:10 on 9 June and 15:30
 * on 11 June": two dates that bound one period, read as that period, so a day inside it (the
 * Tuesday an offensive began, the Thursday the shelling stopped) agrees with it.
 */
function joinSpans(text: string, dates: DateFacet[]): DateFacet[] {
  if (dates.length < 2) return dates;
  const out: DateFacet[] = [];
  for (let i = 0; i < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1];
    if (b && a.end !== OPEN_END && b.end !== OPEN_END && a.start <= b.start) {
      const aAt = facetAt(text, a);
      const bAt = facetAt(text, b);
      if (aAt >= 0 && bAt > aAt + a.text.length) {
        const between = text.slice(aAt + a.text.length, bAt);
        const before = text.slice(Math.max(0, aAt - 30), aAt);
        if (
          SPAN_JOIN.test(between) &&
          (SPAN_OPEN.test(before) || /^\s*(?:until|till)\b/.test(between))
        ) {
          out.push({ ...a, text: text.slice(aAt, bAt + b.text.length), end: b.end });
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "The first exchange since March", "for the first time since 2020": the date is when it
 * last happened, not when this event did.
 */
function previousTime(sentence: string, d: DateFacet): boolean {
  const at = facetAt(sentence, d);
  return at >= 0 && FIRST_SINCE_BEFORE.test(sentence.slice(Math.max(0, at - 60), at));
}
/**
 * "Did not fire on the border post on 20 April": the day of a deed the clause denies dates
 * nothing that happened, so it is no other date for an event told elsewhere.
 */
function deniedDay(sentence: string, d: DateFacet): boolean {
  const clause = clauseBefore(sentence, d);
  return clause !== null && /\bon\s+$/i.test(clause) && DENIED_DEED.test(clause);
}
/**
 * "Caved in late on Monday night, not on Tuesday morning as the company claims": the day after
 * "not" is the one the writer rejects, no date of the event.
 */
function rejectedDay(sentence: string, d: DateFacet): boolean {
  const at = facetAt(sentence, d);
  return at > 0 && REJECTED_DAY.test(sentence.slice(Math.max(0, at - 40), at));
}
const REJECTED_DAY =
  /\bnot\s+(?:on\s+|in\s+|at\s+|during\s+)?(?:the\s+)?(?:(?:dawn|dusk|daybreak|first\s+light|noon|midday|midnight|night|morning|evening|afternoon)\s+(?:(?:on|of)\s+(?:the\s+)?)?)?$/i;

/**
 * "Observers will begin monitoring the line on 28 April": the day of a plan, which no report of
 * what happened contradicts.
 */
function plannedDay(sentence: string, d: DateFacet): boolean {
  const clause = clauseBefore(sentence, d);
  if (clause === null) return false;
  const plan = PLANNED.exec(clause);
  if (!plan) return false;
  // "will observe the ceasefire agreed in Ildra shortly before midnight on 11 June": a thing
  // the plan names, with the day it was done, dates what happened, not the plan.
  return !DONE_BEFORE.test(clause.slice(plan.index + plan[0].length));
}
/** The words of a facet's clause before it (from the last comma or semicolon), or null. */
function clauseBefore(sentence: string, d: DateFacet): string | null {
  const at = facetAt(sentence, d);
  if (at < 0) return null;
  const before = sentence.slice(0, at);
  return before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
}
const PLANNED =
  /\b(?:will|shall|(?:is|are)\s+(?:due|scheduled|set|expected|planned|to\s+be))\b|['\u2019]ll\b/i;

/**
 * A noun's past participle after a plan: "the ceasefire agreed", "the accord signed"; not
 * "will be deployed" or "will remain closed", which are the plan itself.
 */
const DONE_BEFORE =
  /\b(?!(?:be|been|being|have|has|had|to|not|remain|remains|stay|stays|get|gets|become|becomes|is|are|was|were)\b)[a-z]+\s+(?:[a-z]{2,}[^\We]ed|reached|made|held|struck|signed|brokered|agreed|set|drawn|won)\b/i;

const DENIED_DEED = /\b(?:(?:did|does|do|had|has|have|was|were)\s*(?:not|n['\u2019]t)|never)\b/i;

/**
 * A figure or date told of the last event that matched this one: "the deadliest accident since
 * a Tamsa 620 crashed at Trelmont in 2081, killing 31 people" counts and dates the 2081 crash.
 */
export function inEarlierEvent(
  sentence: string,
  f: { text: string; at?: number },
  other?: string,
): boolean {
  const at = facetAt(sentence, f);
  if (at < 0) return false;
  const before = sentence.slice(0, at);
  // "has not seen fighting this heavy since September 2116, when a Brannic offensive went on
  // for four days": what follows "since <a time>, when" is told of that earlier time.
  const when = SINCE_WHEN.exec(before);
  if (when && !/[.;:]/.test(before.slice(when.index + when[0].length))) return true;
  // "The market had been hit once before, on 9 November 2123, when two shells struck it",
  // "This is not the first crime ...: on 9 November last year their shells killed two": an
  // earlier occasion, named as such.
  // (Unless the other statement tells of that occasion too: it names its year, or an earlier
  // occasion of its own.)
  const earlier = EARLIER_OCCASION.exec(before);
  const years = sentence.match(/\b\d{4}\b/g) ?? [];
  const sameOccasion =
    other !== undefined && (EARLIER_OCCASION.test(other) || years.some((y) => other.includes(y)));
  // Asked of figures only (dates of an earlier occasion are compared as dates).
  if (earlier && other !== undefined && !sameOccasion && !/[.;]/.test(before.slice(earlier.index)))
    return true;
  const m = SUPERLATIVE_SINCE.exec(before);
  return m !== null && !/[.;:]/.test(sentence.slice(m.index + m[0].length, at));
}
const SINCE_WHEN = /\bsince\s+[^,;.]{1,40},\s+when\b/i;
// "The last time Dravenian troops entered the region was in April 2129, when an assault ...
// killed some 40 people", "troops last entered the region in April 2129, in a three-day assault".
const EARLIER_OCCASION =
  /\b(?:once\s+before|twice\s+before|(?:is|was)\s+not\s+the\s+first|last\s+year|the\s+year\s+before|a\s+year\s+(?:ago|earlier)|the\s+previous\s+(?:year|month|week)|the\s+last\s+time|last\s+(?:entered|struck|hit|attacked|crossed|invaded))\b/i;
/**
 * "The search for two more continues", "three more bodies were found": a number added to a
 * count told elsewhere, not a count of its own.
 */
function increment(sentence: string, q: QuantityFacet): boolean {
  const at = facetAt(sentence, q);
  // "12 more", "37 further flights", "a further 37", "another 37": added to an earlier count.
  return (
    at >= 0 &&
    (/^\s+(?:more|further|additional|extra)\b(?!\s+than)/i.test(
      sentence.slice(at + q.text.length),
    ) ||
      /\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+$/i.test(sentence.slice(0, at)))
  );
}

const SUPERLATIVE_SINCE =
  /\b(?:\p{L}+iest|worst|first|largest|biggest|heaviest|highest|lowest|strongest|fiercest|longest|greatest|sharpest|steepest|fastest|smallest|hottest|coldest|widest|most|least)\b[^.;:]*?\bsince\b/iu;

const FIRST_SINCE_BEFORE = /\bfirst\b[^,.;:]*\bsince\s+(?:early\s+|late\s+|mid-?)?$/i;

/** The end of a period that runs on to the time of writing. */
const OPEN_END = '9999-12-31';
const SINCE_BEFORE =
  /\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?|the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?$/i;

/**
 * "has had no troops there since 2021": the date opens a period that runs on to the time of
 * writing, so a statement about 2023 falls inside it rather than being another event.
 */
function openFrom(sentence: string, d: DateFacet): boolean {
  const at = facetAt(sentence, d);
  return at >= 0 && SINCE_BEFORE.test(sentence.slice(Math.max(0, at - 40), at));
}

const LOWER_BOUND = /\b(?:(?:more|longer)\s+than|over|at\s+least|into\s+(?:a|its|the))\s+$/i;
const UPPER_BOUND = /\b(?:(?:less|fewer|shorter)\s+than|under|up\s+to|at\s+most|within)\s+$/i;
const APPROX = /\b(?:about|around|nearly|some|approximately|almost|roughly)\s+$/i;

/** The seconds a written length allows: a bound, an approximate figure (a quarter either way) or an exact one. */
/** Just before a clock time: the event ended then ("brought under control at 08:30"). */
const ENDED_BEFORE =
  /\b(?:brought\s+(?:it\s+)?under\s+control|put(?:ting)?\s+(?:it\s+)?out|extinguished|ended|stopped|ceased|restored|lifted|contained|was\s+(?:finally\s+)?(?:over|out)|finished|completed|fell\s+silent|went\s+quiet)\s+(?:at|by|around|about|shortly\s+(?:after|before))?\s*$/i;
/** Before a clock time: the event began then ("a fire broke out at the plant at about 22:00"). */
const BEGAN_BEFORE =
  /\b(?:broke\s+out|began|begun|started|erupted|exploded|opened\s+fire)\b[^.;]{0,60}?\b(?:at|around|about)\s*$/i;

/** A moment of one day: a clock time (not a part of the day) with the one day it is on. */
function moment(
  text: string,
  dates: DateFacet[],
  cue: RegExp,
): { minute: number; text: string } | null {
  const clocks = timesOfDay(text).filter((t) => t.to - t.from <= 120);
  if (clocks.length !== 1) return null;
  const c = clocks[0]!;
  if (!cue.test(text.slice(Math.max(0, c.at - 90), c.at))) return null;
  const days = dates.filter((d) => d.precision === 'day' && d.start === d.end);
  if (days.length !== 1) return null;
  return {
    minute: dayMs(days[0]!.start) / 60000 + (c.from + c.to) / 2,
    text: `${c.text} on ${days[0]!.text.replace(/^on\s+/i, '')}`,
  };
}

const hoursAndMinutes = (m: number) =>
  `${Math.floor(m / 60)} h${m % 60 ? ` ${Math.round(m % 60)} min` : ''}`;

/**
 * One side gives when an event began and how long it took ("broke out at about 22:00 on 2 March
 * and was put out within three hours"), the other when it ended ("brought under control at
 * 08:30 on 3 March"): the time between is the length, and outside the first side's bound it is
 * a conflict of time (an hour's slack for "about").
 */
function elapsedSignals(
  started: StatementView,
  sd: DateFacet[],
  ended: StatementView,
  ed: DateFacet[],
  flip: boolean,
  out: LinkSignal[],
): void {
  if (started.facets.durations.length !== 1) return;
  const from = moment(started.text, sd, BEGAN_BEFORE);
  const to = from ? moment(ended.text, ed, ENDED_BEFORE) : null;
  if (!from || !to || to.minute <= from.minute) return;
  const d = started.facets.durations[0]!;
  const range = lengthRange(started.text, d);
  const elapsed = to.minute - from.minute;
  const slack = 60;
  if (elapsed * 60 <= range.hi + slack * 60 && elapsed * 60 >= range.lo - slack * 60) return;
  // The bound's words with the length: "within three hours".
  const at = facetAt(started.text, d);
  const lead =
    /\b((?:(?:more|less|fewer|longer|shorter)\s+than|within|under|over|up\s+to|at\s+(?:least|most)|about|around|nearly|almost)\s+)$/i.exec(
      started.text.slice(Math.max(0, at - 24), Math.max(0, at)),
    )?.[1] ?? '';
  const length = `${lead}${d.text}`;
  const mine = `${length} from ${from.text}`;
  const theirs = `ended at ${to.text} (${hoursAndMinutes(elapsed)} later)`;
  out.push({
    kind: 'DATE_MISMATCH',
    detail: `One side: it began at ${from.text} and lasted ${length}; the other: it ended at ${to.text}, ${hoursAndMinutes(elapsed)} after it began.`,
    left: flip ? theirs : mine,
    right: flip ? mine : theirs,
    weight: 0.8,
  });
}

const INTO_BEFORE = /\binto\s+(?:a|its|the)\s+$/i;
const ORDINAL_DAY = /^(second|third|fourth|fifth|sixth|seventh)\b/i;

/**
 * A length said of a person in a relative clause ("Jana Morrow, who has kept a stall in the
 * hall for 22 years"; "the doctors, who have worked through two nights"): not the event's.
 */
export function personsSpan(sentence: string, f: { text: string; at?: number }): boolean {
  const at = facetAt(sentence, f);
  return (
    at >= 0 &&
    /\bwho\s+(?:has|have|had|was|were|is|are)\b[^,;.]*$/i.test(
      sentence.slice(Math.max(0, at - 60), at),
    )
  );
}

export function lengthRange(
  text: string,
  d: { text: string; seconds: number; at?: number },
): { lo: number; hi: number; bound: boolean } {
  const at = facetAt(text, d);
  const before = at < 0 ? '' : text.slice(Math.max(0, at - 24), at);
  const v = d.seconds;
  // "into a third day": past two days, not yet three.
  const nth = INTO_BEFORE.test(before) ? ORDINAL_DAY.exec(d.text) : null;
  if (nth)
    return {
      lo: v,
      hi: (v * ORDINAL_VALUE[nth[1]!.toLowerCase()]!) / (ORDINAL_VALUE[nth[1]!.toLowerCase()]! - 1),
      bound: true,
    };
  if (LOWER_BOUND.test(before)) return { lo: v, hi: Infinity, bound: true };
  if (UPPER_BOUND.test(before)) return { lo: 0, hi: v, bound: true };
  const slack = APPROX.test(before) ? 1.25 : 1.05;
  return { lo: v / slack, hi: v * slack, bound: false };
}

const NIGHT_BEFORE = /\bnight\s+of\s+(?:the\s+)?$/i;

/**
 * "on the night of June 3", "on Monday night" and "last night" run into the small hours of the
 * next day: a storm "on Monday night" and an outage "on Tuesday" at 03:10 are one night.
 */
function nightOf(sentence: string, d: DateFacet): boolean {
  const at = facetAt(sentence, d);
  return (
    at >= 0 &&
    d.precision === 'day' &&
    (NIGHT_BEFORE.test(sentence.slice(Math.max(0, at - 16), at)) || /\bnight$/i.test(d.text))
  );
}

function overlaps(l: DateFacet, r: DateFacet): boolean {
  // "On Saturday" and "Sunday" name two days whatever the time zone (dateRange).
  const [l0, l1] = dateRange(l);
  const [r0, r1] = dateRange(r);
  return l0 <= r1 && r0 <= l1;
}

const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

/**
 * "Quendara launched an assault before dawn on Wednesday ... before a truce came into force on
 * Friday evening" / "shells struck the bus station on 12 March": a statement that dates its
 * event's two ends holds every day between them. The other side's one day is inside it, not
 * another date for it, unless that side dates a start or an end of its own.
 */
function insideSpan(sd: DateFacet[], other: StatementView, od: DateFacet[]): boolean {
  // One day on the other side: two are a span of its own, to compare end by end.
  if (sd.length < 2 || od.length !== 1 || other.facets.frame?.phase) return false;
  if (sd.some((d) => d.precision !== 'day' || d.end === OPEN_END)) return false;
  const lo = Math.min(...sd.map((d) => dayMs(d.start)));
  const hi = Math.max(...sd.map((d) => dayMs(d.end)));
  return od.every((d) => d.end !== OPEN_END && dayMs(d.start) >= lo && dayMs(d.end) <= hi);
}

/**
 * Whether `bound` dates only one end of its event and every date of `other`, which does not
 * tell that same end, lies inside it: after a start ("Cendria began this aggression on
 * Tuesday" / "artillery struck the hospital on 15 September"), before an end ("fighting ended
 * on Thursday" / "crossed the border on Tuesday").
 */
const BROKE_OUT = /\b(?:broke\s+out|erupted)\b/i;

function insidePhase(
  bound: StatementView,
  bd: DateFacet[],
  other: StatementView,
  od: DateFacet[],
): boolean {
  const phase = bound.facets.frame?.phase;
  if (!phase || other.facets.frame?.phase === phase) return false;
  if (bd.length === 0 || od.length === 0) return false;
  if (phase === 'start') {
    // "A fire broke out at about 01:30 this morning" tells the start too: its day is the
    // start's, not a moment inside what began.
    if (BROKE_OUT.test(other.text)) return false;
    const begun = Math.max(...bd.map((d) => dayMs(d.end)));
    return od.every((d) => dayMs(d.start) > begun);
  }
  const ended = Math.min(...bd.map((d) => dayMs(d.start)));
  return od.every((d) => d.end !== OPEN_END && dayMs(d.end) < ended);
}

/**
 * Both sides dated, on days that do not meet, reading "since 12 December" as that day (when
 * the state began), not as the open period after it.
 */
function statesAtTwoTimes(ld: DateFacet[], rd: DateFacet[]): boolean {
  if (ld.length === 0 || rd.length === 0) return false;
  const own = (d: DateFacet): DateFacet => (d.end === OPEN_END ? { ...d, end: d.start } : d);
  return ld.every((l) => rd.every((r) => !overlaps(own(l), own(r))));
}

/** What figures and lengths say, which two events' figures cannot. */
const FIGURE_SIGNALS = new Set<string>([
  'QUANTITY_MISMATCH',
  'DURATION_MISMATCH',
  'QUANTITY_AGREEMENT',
  'DURATION_AGREEMENT',
]);

/** How long before an undated statement was written a dated event must lie to be another. */
const LONG_BEFORE_DAYS = 365;

/**
 * "A methane explosion at Pell-2 killed 23 miners in 2081" against the undated "none of the
 * miners has died", written in 2093: an undated statement tells of the time it was written,
 * so an event dated years before it is another.
 */
function longBeforeWriting(dated: DateFacet[], undated: DateFacet[], view: StatementView): boolean {
  const written = view.facets.written;
  if (dated.length === 0 || undated.length > 0 || !written) return false;
  const at = dayMs(written);
  return dated.every(
    (d) => d.end !== OPEN_END && (at - dayMs(d.end)) / 86_400_000 > LONG_BEFORE_DAYS,
  );
}

/** Both sides dated, and no date of one within DIFFERENT_EVENT_DAYS of a date of the other. */
function datesFarApart(ld: DateFacet[], rd: DateFacet[]): boolean {
  return (
    ld.length > 0 &&
    rd.length > 0 &&
    ld.every((l) => rd.every((r) => daysApart(l, r) > DIFFERENT_EVENT_DAYS))
  );
}

/** Midnight UTC of an ISO day, in milliseconds. */
function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** Days between two date ranges (0 when they overlap). */
/**
 * Days within which a period open from its start ("since January", "closed since 9 October")
 * and another date must begin for their overlap to name one time. "The fourth attack since
 * January" and "a strike at 03:05 this morning" overlap, but a period of months holds the day
 * without dating it: no agreement, and no conflict either.
 */
const OPEN_PERIOD_START_DAYS = 7;

/**
 * Whether two overlapping dates name one time, not a day inside a long open period. Two open
 * periods both run to the time of writing and meet there ("troops since 2028" / "no troops
 * since 2029").
 */
function identifies(l: DateFacet, r: DateFacet): boolean {
  if ((l.end === OPEN_END) === (r.end === OPEN_END)) return true;
  return Math.abs(dayMs(l.start) - dayMs(r.start)) / 86_400_000 <= OPEN_PERIOD_START_DAYS;
}

/** Whether a figure lies in a named phrase in another's words (`Analysis.named`): theirs. */
export function inNamed(a: Analysis, f: { at?: number }): boolean {
  // Facets stored before offsets were kept have none: compared as before.
  return a.named !== null && f.at !== undefined && f.at >= a.named[0] && f.at < a.named[1];
}

function daysApart(l: DateFacet, r: DateFacet): number {
  const gap = Math.max(dayMs(l.start) - dayMs(r.end), dayMs(r.start) - dayMs(l.end), 0);
  return gap / 86_400_000;
}

/**
 * A correction that rejects, to the minute, the time the other statement gives its event ("wrongly
 * gave the time of the first collapse as 14:52" / "The crush happened at 14:52"): the time
 * alone ties the two, though they share no other word.
 */
function rejectsTheirMinute(cv: StatementView, ca: Analysis, ov: StatementView): boolean {
  if (!ca.correction) return false;
  const theirs = eventTime(ov.text);
  if (!theirs || theirs.to - theirs.from > 2) return false;
  return timesOfDay(cv.text).some(
    (t) => corrected(ca, t) && t.to - t.from <= 2 && timesMeet(t, theirs),
  );
}

/**
 * A correction rejects its embedded proposition: the same value on the other side is
 * contradicted (CORRECTION), another value of the same thing is what the correction implies
 * (CORRECTION_CONSISTENT). "The story incorrectly said that the convoy struck a mine on 17
 * September" contradicts "... on 17 September" and agrees with "... on 18 September".
 */
function correctionSignals(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  out: LinkSignal[],
): void {
  const sides: [StatementView, Analysis, StatementView, Analysis, boolean][] = [
    [left, la, right, ra, false],
    [right, ra, left, la, true],
  ];
  for (const [cv, ca, ov, oa, flip] of sides) {
    if (!ca.correction || oa.correction) continue;
    const who = flip ? 'The evidence' : 'The claim';
    // Rejected and stated values equal: the correction contradicts the other side; different:
    // the other side gives what the correction implies.
    const judge = (mine: string, theirs: string, equal: boolean) =>
      out.push({
        kind: equal ? 'CORRECTION' : 'CORRECTION_CONSISTENT',
        detail: equal
          ? `${who} corrects "${mine}" as wrong; the other side states "${theirs}".`
          : `${who} rejects "${mine}"; the other side gives "${theirs}", as the correction implies.`,
        left: flip ? theirs : mine,
        right: flip ? mine : theirs,
        weight: equal ? 0.9 : 0.6,
      });
    // "incorrectly said that the patrol came under fire at 07:05 on Monday; the shooting began
    // shortly after 04:15": the time is what is rejected, not the day. The other side's time
    // meets the rejected one (a contradiction) or the right one (agreement); a side that gives
    // only the day is contradicted by nothing.
    const times = timesOfDay(cv.text);
    const wrong = times.filter((t) => corrected(ca, t));
    if (wrong.length > 0) {
      const right = times.filter((t) => !corrected(ca, t) && t.at > wrong[0]!.at);
      const theirs = eventTime(ov.text);
      const meetsWrong = !!theirs && wrong.some((t) => timesMeet(t, theirs));
      const meetsRight = !!theirs && right.some((t) => timesMeet(t, theirs));
      // A time that meets both ("before dawn" holds 07:05 and 04:15) judges neither.
      if (meetsWrong !== meetsRight) {
        judge(wrong[0]!.text, theirs!.text, meetsWrong);
        return;
      }
      // Unless the right value names another day ("said the fire broke out on Saturday
      // evening; it broke out at about 21:45 on Sunday"), the day was not what was wrong.
      const wrongDays = cv.facets.dates.filter((x) => corrected(ca, x));
      const rightDays = cv.facets.dates.filter(
        (x) => !corrected(ca, x) && (x.at ?? -1) > wrong[0]!.at,
      );
      if (rightDays.length === 0 || rightDays.some((r) => wrongDays.some((w) => overlaps(w, r))))
        return;
    }
    const otherDates = eventDates(ov, oa).filter((d) => d.precision === 'day');
    for (const d of cv.facets.dates.filter((x) => corrected(ca, x))) {
      // The other side's day meets the right one the correction gives ("; ... places the fall
      // at 23:41 on Monday" / "late on Monday night"): it says what the correction says.
      const right = cv.facets.dates.find(
        (x) => !corrected(ca, x) && (x.at ?? -1) > (d.at ?? 0) && !overlaps(x, d),
      );
      const agreeing = right ? otherDates.find((o) => overlaps(right, o)) : undefined;
      if (agreeing) {
        judge(d.text, agreeing.text, false);
        return;
      }
      const same = otherDates.find((o) => overlaps(d, o));
      if (same) {
        judge(d.text, same.text, true);
        return;
      }
      const other = otherDates.find((o) => daysApart(d, o) <= DIFFERENT_EVENT_DAYS);
      if (other && d.precision === 'day') {
        judge(d.text, other.text, false);
        return;
      }
    }
    // "The earlier version incorrectly said the fighting lasted three days" rejects that
    // length: the same length on the other side is contradicted, another one is what the
    // correction implies. Only lengths of an event on both sides are compared.
    const otherLengths = ov.facets.durations.filter((o) => !corrected(oa, o) && eventLength(oa, o));
    for (const d of cv.facets.durations.filter((x) => corrected(ca, x) && eventLength(ca, x))) {
      const o = otherLengths[0];
      if (!o || otherLengths.length > 1 || !comparableLengths(ca, d, oa, o)) break;
      const gap = Math.abs(d.seconds - o.seconds) / Math.max(d.seconds, o.seconds, 1);
      judge(d.text, o.text, gap <= DURATION_TOLERANCE);
      return;
    }
    const otherQ = ov.facets.quantities.filter((q) => !corrected(oa, q));
    for (const q of cv.facets.quantities.filter((x) => corrected(ca, x))) {
      const o = otherQ.find((x) => sameThing(q, x, ca.text, oa.text));
      // With the right value given ("; 14 were"), only the rejected value is contradicted and
      // only the right one agrees; any other is a plain mismatch with the right value.
      const right = cv.facets.quantities.find(
        (x) => !corrected(ca, x) && x.at !== undefined && q.at !== undefined && x.at > q.at,
      );
      if (o && right && o.value !== q.value && o.value !== right.value) return;
      // "incorrectly said that 11 civilians had been killed in Pryle" says nothing of a toll
      // "across the region" or "in all": another count, of a whole.
      if (o && WHOLE_AREA.test(oa.text) !== WHOLE_AREA.test(ca.text)) return;
      if (o) {
        judge(q.text, o.text, q.value === o.value);
        return;
      }
    }
  }
}

/** Words of a statement from `from` to `to` (token indices, inclusive), verbatim. */
function span(a: Analysis, from: number, to: number): string {
  const lo = Math.max(0, from);
  const hi = Math.min(a.tokens.length - 1, to);
  return lo > hi ? '' : a.text.slice(a.tokens[lo].start, a.tokens[hi].end);
}

/**
 * A party denies what the other side asserts: "Kestria denied any role in the blast" against
 * "a mine planted by Kestrian units". The denial is aimed when it names a shared word near the
 * cue, or when the denier (an actor before the cue) is the doer on the other side. A denial
 * balanced against the charge in one sentence ("a charge the ministry rejected") reports both
 * and is left to the attribution rules.
 */
function denialSignals(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  topicKeys: string[],
  out: LinkSignal[],
): void {
  const topical = new Set(topicKeys);
  const sides: [Analysis, StatementView, Analysis, boolean, StatementView][] = [
    [la, right, ra, false, left],
    [ra, left, la, true, right],
  ];
  for (const [da, ov, oa, flip, dv] of sides) {
    const cue = da.denial;
    if (!cue || da.balancedReport || da.correction || oa.denial) continue;
    if (negatesDenied(da, oa)) continue;
    // A staged event, or reports called false, of another day than the other side's event:
    // "the so-called drone attack of 11 April was staged" says nothing of an assault on the 12th.
    const dd = dv.facets.dates;
    const od = ov.facets.dates;
    if (
      cue.ofReports &&
      dd.length > 0 &&
      od.length > 0 &&
      !dd.some((d) => od.some((o) => overlaps(d, o)))
    )
      continue;
    let theirs: string | null = null;
    // The denier: the names before the cue ("Kestria", "the Kestrian Defence Ministry").
    // "Aldorian claims that ... are fabricated": the names before the reports are whose
    // claims are denied, not who denies them.
    const deniers: Token[] = cue.ofReports
      ? []
      : da.tokens.filter((t) => t.i < cue.at && t.content && /^\p{Lu}/u.test(t.surface));
    const denierParties = new Set(deniers.map((t) => partyWord(t.lower)));
    // The denier is the doer on the other side, and the denial is about what it did there:
    // a shared word in the denied words ("denied that any of its units were in the area" /
    // "planted by Kestrian units"), or a denied part in an event of the same class ("denied any
    // role in the blast" / "a mine planted by Kestrian units"). Armenia's officials denying
    // that its forces were present says nothing of a treaty Armenia signed.
    const reach = rebuttalReach(da, cue.at, DENIAL_WINDOW);
    const about =
      da.tokens
        .slice(cue.at + 1, reach + 1)
        .some((t) => t.content && oa.keys.has(t.key) && !da.names.has(t.key)) ||
      (da.tokens.slice(cue.at + 1, reach + 1).some((t) => RELATIONAL.test(t.lower)) &&
        sharesEventClass(da, oa));
    // The doer of the other side's event, not any agent in it ("a district controlled by
    // Bresk" does not make Bresk the doer of an assault on it).
    const doers = about ? doersOf(ov, oa) : new Set<string>();
    const doer = (k: string) => [...doers].some((d) => nameOrAdjective(d, k));
    for (const a of about ? ov.facets.actors : []) {
      if (a.role === 'agent' && denierParties.has(partyKey(a)) && doer(partyKey(a))) {
        theirs = a.text;
        break;
      }
    }
    if (!theirs && about)
      theirs =
        oa.tokens.find(
          (t) =>
            capital(t) &&
            doer(partyWord(nameKey(t))) &&
            [...denierParties].some((p) => nameOrAdjective(p, partyWord(nameKey(t)))),
        )?.surface ?? null;
    // The other side says someone else did it: the denier's denial of its own role does not
    // answer it ("Bresk denied any role in the drone attack" / "Tarvia's army began an assault").
    const otherDoers = new Set([...doersOf(ov, oa)].filter((d) => !d.startsWith('?')));
    const ownRole = da.tokens.slice(cue.at + 1, cue.at + 4).some((t) => RELATIONAL.test(t.lower));
    if (
      !theirs &&
      ownRole &&
      denierParties.size > 0 &&
      otherDoers.size > 0 &&
      ![...otherDoers].some((d) => [...denierParties].some((p) => nameOrAdjective(d, p)))
    )
      continue;
    // "visited the school and found no weapons or fighters there" / "the building had been used
    // to store weapons": what was not found is the word right after the cue.
    const foundNone = /^(?:found\s+no|(?:not|n't)\s+find\s+any)\b/i.test(cue.text);
    if (!theirs && foundNone) {
      const object = da.tokens
        .slice(cue.at + 1, cue.at + 5)
        .find((t) => t.content && !/^(?:no|any)$/.test(t.lower));
      const said = object ? oa.keyToken.get(object.key) : undefined;
      if (said && !negatedNear(oa, said.i) && !oa.names.has(said.key)) theirs = said.surface;
    }
    // "The attack was staged by Marosian units stationed at the plant" / "Doria shelled the
    // plant": the staged event is the other side's event (one class), about one thing (a shared
    // word that is no name).
    if (!theirs && cue.staged) {
      const event = da.tokens[cue.at + 1];
      const cls = event ? wordClass(event.lower) : null;
      // The other side's own event, not one it dates something by ("rose after the attack").
      const background = (t: Token) =>
        oa.tokens
          .slice(Math.max(0, t.i - 3), t.i)
          .some((b) => /^(?:after|before|since|following|during|amid)$/.test(b.lower));
      const hit = cls
        ? oa.tokens.find((t) => t.content && wordClass(t.lower) === cls && !background(t))
        : undefined;
      if (hit && topicKeys.some((k) => !da.names.has(k) && !oa.names.has(k))) theirs = hit.surface;
    }
    // "Essary had nothing to do with the failure" / "yesterday's failure of the national
    // air-traffic system": a denied tie to an event answers only a statement that names who or
    // what was behind it, not one that only mentions the event.
    const tie = ownRole || /\bnothing\s+to\s+do\s+with\b/i.test(cue.text);
    if (!theirs && tie && otherDoers.size === 0 && !CAUSE_TOLD.test(ov.text)) continue;
    if (!theirs) {
      // A shared place or party name alone is not what is denied ("no evidence that the
      // school in Dorvik was used as a depot" says nothing of a convoy bound for Dorvik).
      // Who was counted and what happened to them are denied words too, though topic.ts
      // leaves them to the figures ("reports that patients were killed are a fabrication" /
      // "twelve were killed, among them nine patients").
      // Only when the denial names two of the other side's words: "could find no trace of the
      // other two people" is not about "14 wounded people".
      const counted = new Set(
        deniedWords(da, oa)
          ? ov.facets.quantities.flatMap((q) => (q.counted ? [wordKey(q.counted)] : []))
          : [],
      );
      const hit = rebutted(
        da,
        cue.at,
        rebuttalReach(da, cue.at, DENIAL_WINDOW),
        (t) =>
          (topical.has(t.key) ||
            counted.has(t.key) ||
            (counted.size > 0 && !!eventKey(t.lower)?.startsWith('#'))) &&
          !da.names.has(t.key) &&
          !oa.names.has(t.key) &&
          oa.keyToken.has(t.key),
        oa,
      );
      theirs = hit ? (oa.keyToken.get(hit.key)?.surface ?? null) : null;
    }
    if (!theirs) continue;
    // What was found wanting is said from the finding on, not from a name before it.
    const from = deniers.length > 0 && !foundNone ? deniers[0].i : cue.at;
    const mine = span(da, from, cue.at + 5);
    out.push({
      kind: 'DENIAL',
      detail: flip
        ? `The evidence denies what the claim asserts: "${theirs}" vs "${mine}".`
        : `The claim denies what the evidence asserts: "${mine}" vs "${theirs}".`,
      left: flip ? theirs : mine,
      right: flip ? mine : theirs,
      weight: 0.9,
    });
    return;
  }
}

/** Event classes of a statement (one statement meets hundreds of candidates). */
const eventsOfText = textMemo(eventClasses);

export function eventsOf(a: Analysis): { cls: string; trigger: string }[] {
  return eventsOfText(a.text);
}

/** Event classes whose mention in the writer's voice says the event took place. */
const OCCURRED = new Set(['ceasefire', 'explosion', 'military_action', 'sinking']);
const VOICED =
  /\b(?:said|says|told|stated|announced|claimed|claims|alleged|according|reportedly|allegedly|may|might|could|if|whether|denied|denies|rejected|incorrectly|wrongly)\b/gi;

/** A reporting, modal or denying word, the month May aside ("on May 14" hedges nothing). */
function voicedText(a: Analysis): boolean {
  if (a.inquiry) return true;
  for (const m of a.text.matchAll(VOICED)) if (!isMonthMay(a.text, m.index, m[0])) return true;
  return false;
}

/**
 * Both writers state, in their own voice, that one event took place: "Lower Veshnar accepted a
 * ceasefire brokered by Aldoria" / "since the ceasefire of 20 September, the front line in
 * Lower Veshnar has been quiet". Needs the same event class named by both, a name both mention,
 * and neither side negating the event or putting it in another's voice.
 */
/**
 * Each side names who did its event and no doer is on both: "the terrorist attack carried out by
 * Armenian units" and "Azerbaijan began an offensive" are two events of one class, not one
 * event framed two ways.
 */
function differentDoers(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
): boolean {
  const l = doersOf(left, la);
  const r = doersOf(right, ra);
  return l.size > 0 && r.size > 0 && ![...l].some((k) => [...r].some((m) => nameOrAdjective(k, m)));
}

const LAUNCH =
  /^(?:began|begun|launched|started|carried|conducted|mounted|staged|unleashed|opened)$/;
const UNNAMED_DOER =
  /^(?:militants|fighters|rebels|gunmen|terrorists|separatists|insurgents|saboteurs|attackers|assailants)$/;
const FORCE =
  /^(?:army|armies|forces|troops|units|soldiers|military|artillery|militants|fighters)$/;
const nameKey = (t: Token) => wordKey(t.lower.replace(/['’]s$/, ''));
const capital = (t: Token | undefined) => !!t && t.content && /^\p{Lu}/u.test(t.surface);

const doerMemo = new Map<string, Set<string>>();

/**
 * Who did a statement's event, as party keys: its agents, and the name before a launch verb
 * that opens the sentence ("Azerbaijan began an offensive"), a possessive before the event
 * word ("Azerbaijan's aggression") or the name after "by" just after it ("the attack carried
 * out by Armenian armed units").
 */
function doersOf(v: StatementView, a: Analysis): Set<string> {
  // One statement meets hundreds of candidates; its doers depend on its text alone.
  let hit = doerMemo.get(a.text);
  if (!hit) {
    if (doerMemo.size > 20_000) doerMemo.clear();
    hit = findDoers(v, a);
    doerMemo.set(a.text, hit);
  }
  return hit;
}

/** Who did the statement's event; with no view (`bound`), only doers tied to an event word. */
function findDoers(v: StatementView | null, a: Analysis): Set<string> {
  const bound = v === null;
  const out = new Set<string>();
  const events = a.tokens.filter(
    (t) => t.content && !ACTOR_NOUN.test(t.lower) && wordClass(t.lower) !== null,
  );
  for (const e of events) {
    for (let i = Math.max(0, e.i - 3); i < e.i; i++)
      if (capital(a.tokens[i]) && /['’]s$/.test(a.tokens[i]!.surface))
        out.add(nameKey(a.tokens[i]!));
    // "Tarvia's army began an assault", "Tarvian forces launched an offensive": the force's owner.
    for (let i = Math.max(0, e.i - 6); i < e.i - 1; i++)
      if (capital(a.tokens[i]) && FORCE.test(a.tokens[i + 1]!.lower))
        out.add(partyWord(nameKey(a.tokens[i]!)));
    for (let i = e.i + 1; i <= Math.min(a.tokens.length - 2, e.i + 4); i++)
      if (a.tokens[i]!.lower === 'by' && capital(a.tokens[i + 1]))
        out.add(nameKey(a.tokens[i + 1]!));
  }
  if (capital(a.tokens[0]) && a.tokens.slice(1, 4).some((t) => LAUNCH.test(t.lower)))
    out.add(nameKey(a.tokens[0]!));
  // "militants fired from the clinic": a doer no name ties to a side, which is not the named
  // side of another report ("Tarvian artillery shelled Kelmar").
  if (out.size === 0)
    for (const t of a.tokens) {
      const verb = a.tokens[t.i + 1]?.lower ?? '';
      if (UNNAMED_DOER.test(t.lower) && !capital(a.tokens[t.i - 1]) && /ed$/.test(verb))
        out.add(`?${t.key}`);
    }
  // Who is tied to the event word says more than any agent of the sentence ("a district
  // controlled by Bresk" does not make Bresk the doer of "Tarvia's army began an assault").
  if (out.size > 0 || bound) return out;
  return new Set(
    v!.facets.actors.filter((x) => x.role === 'agent').map((x) => wordKey(partyKey(x))),
  );
}

/**
 * Both sides tie a doer to their event word and the doers differ. A speaker ("FCW established
 * that the shelling began ...") is no doer of the event.
 */
function eventDoersApart(la: Analysis, ra: Analysis): boolean {
  const l = findDoers(null, la);
  const r = findDoers(null, ra);
  return l.size > 0 && r.size > 0 && ![...l].some((k) => [...r].some((m) => nameOrAdjective(k, m)));
}

function eventAgreementSignals(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  out: LinkSignal[],
): void {
  const named =
    [...la.names].some((k) => ra.keys.has(k)) || [...ra.names].some((k) => la.keys.has(k));
  if (!named || voicedText(la) || voicedText(ra)) return;
  if (la.negations.length > 0 || ra.negations.length > 0) return;
  const le = eventsOf(la);
  const re = eventsOf(ra);
  if (le.length === 0 || re.length === 0 || le[0].cls !== re[0].cls || !OCCURRED.has(le[0].cls))
    return;
  // "agreed to a ceasefire on 20 September" / "the statement of 10 November 2020 halting
  // hostilities": one class, dated years apart, is two events.
  const ld = eventDates(left, la);
  const rd = eventDates(right, ra);
  if (
    ld.length > 0 &&
    rd.length > 0 &&
    ld.every((l) => rd.every((r) => daysApart(l, r) > DIFFERENT_EVENT_DAYS))
  ) {
    if (!out.some((x) => x.kind === 'DIFFERENT_EVENT')) out.push(differentEvent(ld[0]!, rd[0]!));
    return;
  }
  out.push({
    kind: 'EVENT_AGREEMENT',
    detail: `Both state the same ${le[0].cls.replace(/_/g, ' ')} took place: "${le[0].trigger}" / "${re[0].trigger}".`,
    left: le[0].trigger,
    right: re[0].trigger,
    weight: 0.4,
  });
}

/**
 * The same kind of event named in different words, at least one of them loaded ("anti-terror
 * measures" / "military offensive"): a difference of framing, not of fact. Named so a
 * researcher sees both wordings; it never counts as a conflict.
 */
/**
 * Names of one kind of party that outlets choose by side: who governs ("separatist regime" /
 * "local authorities") and who fights ("militants" / "self-defence volunteers").
 */
const PARTY_TERMS: readonly RegExp[] = [
  /\b(?:(?:separatist|puppet|illegal|local|de facto|self-proclaimed|Kestrian-backed|\p{L}+-backed)\s+)?(?:regime|authorities|administration|government|leadership|junta)\b/iu,
  /\b(?:(?:local|armed|illegal)\s+)?(?:militants|terrorists|bandits|separatists|insurgents|rebels|fighters|self-defen[cs]e volunteers|volunteers|armed men|armed groups|armed formations)\b/iu,
];

interface Wording {
  loaded: string[];
  parties: (string | null)[];
}
const wordingMemo = new Map<string, Wording>();
function wordingOf(a: Analysis): Wording {
  let hit = wordingMemo.get(a.text);
  if (!hit) {
    if (wordingMemo.size > 20_000) wordingMemo.clear();
    hit = {
      loaded: loadedTerms(a.text),
      parties: PARTY_TERMS.map((re) => re.exec(a.text)?.[0] ?? null),
    };
    wordingMemo.set(a.text, hit);
  }
  return hit;
}

function partyFraming(la: Analysis, ra: Analysis): [string, string] | null {
  const lw = wordingOf(la);
  const rw = wordingOf(ra);
  for (let i = 0; i < PARTY_TERMS.length; i++) {
    const l = lw.parties[i];
    const r = rw.parties[i];
    if (!l || !r || l.toLowerCase() === r.toLowerCase()) continue;
    if (loadedTerms(l).length === 0 && loadedTerms(r).length === 0) continue;
    return [l, r];
  }
  return null;
}

function framingSignals(la: Analysis, ra: Analysis, out: LinkSignal[]): void {
  const party = partyFraming(la, ra);
  if (party) {
    out.push({
      kind: 'FRAMING',
      detail: `The same party in different words: "${party[0]}" vs "${party[1]}".`,
      left: party[0],
      right: party[1],
      weight: 0.5,
    });
    return;
  }
  const re = eventsOf(ra);
  // A class named in loaded words first: "112 rioters were detained" / "112 protesters were
  // arrested" differ in how they name the protest, not the detention.
  const loadedTrigger = (cls: string, trigger: string) =>
    loadedTerms(trigger).length > 0 ||
    re.some((x) => x.cls === cls && loadedTerms(x.trigger).length > 0);
  const le = [...eventsOf(la)].sort(
    (x, y) => Number(loadedTrigger(y.cls, y.trigger)) - Number(loadedTrigger(x.cls, x.trigger)),
  );
  for (const l of le) {
    const r = re.find((x) => x.cls === l.cls);
    if (!r || l.trigger.toLowerCase() === r.trigger.toLowerCase()) continue;
    // "troops" / "forces" name who acts in two different sentences, not one event framed two
    // ways: "Azerbaijan said 200 of its troops were killed" does not frame "Armenian forces
    // agreed to disarm".
    if (ACTOR_NOUN.test(l.trigger) && ACTOR_NOUN.test(r.trigger)) continue;
    const loaded = [...wordingOf(la).loaded, ...wordingOf(ra).loaded];
    if (loaded.length === 0) continue;
    out.push({
      kind: 'FRAMING',
      detail: `The same ${l.cls.replace(/_/g, ' ')} in different words: "${l.trigger}" vs "${r.trigger}" (loaded: ${[...new Set(loaded.map((w) => w.toLowerCase()))].join(', ')}).`,
      left: l.trigger,
      right: r.trigger,
      weight: 0.5,
    });
    return;
  }
}

// ---------------------------------------------------------------- quantities

/** Whether two percentages are changes of one measure in opposite directions. */
function oppositeChanges(lt: string, l: QuantityFacet, rt: string, r: QuantityFacet): boolean {
  const a = percentReading(lt, l);
  const b = percentReading(rt, r);
  return a.mode === 'change' && b.mode === 'change' && a.sign * b.sign < 0;
}

function interval(q: QuantityFacet): [number, number] {
  const lo = q.value;
  const hi = q.valueMax ?? q.value;
  switch (q.approx) {
    case 'at_least':
      return [lo, Infinity];
    case 'at_most':
      return [-Infinity, hi];
    case 'approximate':
      return [lo * (1 - APPROX_SPREAD), hi * (1 + APPROX_SPREAD)];
    case 'exact':
    case undefined:
      // "31 kilometres downstream" / "30 kilometres downstream": a distance is measured, not
      // counted, and two measures of one place differ by a little.
      return q.unit && DISTANCE_UNITS.has(q.unit)
        ? [lo * (1 - DISTANCE_SPREAD), hi * (1 + DISTANCE_SPREAD)]
        : [lo, hi];
  }
}
/** Half the gap two measures of one distance may show (31 and 30 km agree, 7.5 and 15.1 do not). */
const DISTANCE_SPREAD = 0.05;

/** Token index where a facet's words start, from its offset hint or a text search. */
function facetToken(a: Analysis, f: { text: string; at?: number }): number {
  const at = facetAt(a.text, f);
  return at < 0 ? -1 : tokenIndexAt(a.tokens, at);
}

const CONTRASTED_FIGURE =
  /\b(?:not\s+the|(?:less|more|fewer)\s+than\s+(?:a\s+quarter\s+of\s+|a\s+third\s+of\s+|half\s+(?:of\s+)?)?the)\s+$/i;

/** "three killed, not five": the figure after a negation is the one the writer rejects. */
function rejectedFigure(a: Analysis, q: QuantityFacet): boolean {
  const i = facetToken(a, q);
  if (i <= 0) return false;
  const prev = a.tokens[i - 1].lower;
  if (prev === 'not' || prev === "n't" || prev === 'never') return true;
  // "109 dead, not the 64 announced by the Ministry", "less than a quarter of the 180 tonnes
  // the Ministry says it has delivered": the other side's figure, named to be set right.
  const before = a.text.slice(Math.max(0, facetAt(a.text, q) - 40), facetAt(a.text, q));
  if (CONTRASTED_FIGURE.test(before)) return true;
  // "fit two bombs of that weight, not a single 110-kilogram bomb": a size set right.
  if (/^\d/.test(q.text) && /\bnot\s+(?:a|an|one)\s+(?:single\s+)?$/i.test(before)) return true;
  // "Velmar's claim that no civilians were harmed is a lie": the figure of a report called
  // false is rejected, not stated.
  const d = a.denial;
  if (d?.ofReports && d.at >= 0 && d.at < i) {
    const start = a.tokens[d.at]!.start;
    const at = facetAt(a.text, q);
    return at > start && at < start + d.text.length;
  }
  return false;
}

/**
 * "58 children fell ill, not 37 as the ministry claims" / "37 children have been taken ill": the
 * figure one side sets right is the one the other states, a correction of it.
 */
function rejectedFigures(
  mine: QuantityFacet[],
  a: Analysis,
  theirs: QuantityFacet[],
  other: Analysis,
  flip: boolean,
  out: LinkSignal[],
): void {
  for (const q of mine) {
    if (!rejectedFigure(a, q)) continue;
    const o = theirs.find((x) => x.value === q.value && sameThing(q, x, a.text, other.text));
    if (!o) continue;
    out.push({
      kind: 'CORRECTION',
      detail: `${flip ? 'The evidence' : 'The claim'} sets "${q.text}" right; the other side states "${o.text}".`,
      left: flip ? o.text : q.text,
      right: flip ? q.text : o.text,
      weight: 0.9,
    });
    return;
  }
}

/** How people or things were moved, right after a count: a part of all that were moved. */
const BY_MEANS =
  /^[^.;:]{0,40}?\b(?:by\s+(?:boat|helicopter|bus|air|sea|road|rail|train|ferry|truck|plane)s?|on\s+foot)\b/i;

function byMeans(a: Analysis, q: QuantityFacet): boolean {
  const at = facetAt(a.text, q);
  return at >= 0 && BY_MEANS.test(a.text.slice(at + q.text.length));
}

const DEATH_EVENTS = new Set(['kill', 'death', 'die']);

/** One named place of care: "Lisvar District Hospital", "our emergency department". */
const ONE_FACILITY = new RegExp(
  `((?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4}${CARE_SITE_HEAD.source}|\\bour\\s+(?:hospital|clinic|emergency\\s+department|ward))\\b`,
  'u',
);

/**
 * A count at one place of care that the other statement does not name ("Holmbridge District
 * Hospital has treated 47" / "61 survivors were taken to hospitals in Holmbridge and Tesk") is
 * a part of the other's whole: it conflicts only when it is the larger.
 */
function atOneFacility(a: Analysis, other: Analysis): boolean {
  const m = ONE_FACILITY.exec(a.text);
  if (m !== null && !other.text.toLowerCase().includes(m[1]!.toLowerCase())) return true;
  // "We admitted 27 wounded people from the market": a hospital's or a team's own patients.
  if (OWN_PATIENTS.test(a.text) && !OWN_PATIENTS.test(other.text)) return true;
  // "the strike on the dormitory ... killed nine civilians" / "44 people have lost their lives
  // in the enclave": one strike's toll against a whole region's.
  return ONE_SITE.test(a.text) && !ONE_SITE.test(other.text) && WHOLE_AREA.test(other.text);
}
const OWN_PATIENTS =
  /\b(?:we|our\s+(?:team|teams|staff|doctors|surgeons|medics))\s+(?:have\s+|had\s+)?(?:admitted|treated|received|operated\s+on)\b/i;
const ONE_SITE =
  /\b(?:strike|shell|rocket|missile|bomb|drone|attack|explosion|blast)\b[^.;]{0,40}\b(?:on|at|hit|struck|into|through)\s+(?:the\s+|a\s+)?(?:\p{L}+\s+){0,2}(?:dormitory|kindergarten|school|hospital|clinic|market|mosque|church|bus|shelter|building|block|college|hall|station|bakery|factory)\b/iu;
const WHOLE_AREA =
  /\b(?:in|across|throughout)\s+the\s+(?:whole\s+|entire\s+)?(?:enclave|region|province|country|republic|territory)\b|\b(?:in\s+all|in\s+total|overall|altogether)\b/i;

/** An agreement or a mismatch of two counts or figures, weighted by how exact they are. */
function countSignal(
  overlap: boolean,
  noun: 'count' | 'figure',
  detail: string,
  left: string,
  right: string,
  exact: boolean,
): LinkSignal {
  return {
    kind: overlap ? 'QUANTITY_AGREEMENT' : 'QUANTITY_MISMATCH',
    detail: overlap ? `Same ${noun}: ${detail}.` : `Different ${noun}s: ${detail}.`,
    left,
    right,
    weight: overlap ? 0.6 : exact ? 1 : 0.7,
  };
}

function quantitySignals(
  lsAll: QuantityFacet[],
  rsAll: QuantityFacet[],
  la: Analysis,
  ra: Analysis,
  aligned: boolean,
  out: LinkSignal[],
  careSites: [string | undefined, string | undefined] = [undefined, undefined],
): void {
  const ls = lsAll.filter((q) => !rejectedFigure(la, q));
  const rs = rsAll.filter((q) => !rejectedFigure(ra, q));
  rejectedFigures(lsAll, la, rs, ra, false, out);
  rejectedFigures(rsAll, ra, ls, la, true, out);
  const mismatches: LinkSignal[] = [];
  const agreeing = new Set<QuantityFacet>();
  // "212 passengers and 38 crew" / "more than 300 people on board": the parts are set against
  // the whole only as their sum.
  const lSum = listedSum(ls, la.text, rs);
  const rSum = lSum ? null : listedSum(rs, ra.text, ls);
  const partOfSum = (l: QuantityFacet, r: QuantityFacet) =>
    (!!lSum && lSum.parts.has(l) && lSum.wholes.has(r)) ||
    (!!rSum && rSum.parts.has(r) && rSum.wholes.has(l));
  for (const [sum, wholes, flip] of [
    ...(lSum ? [[lSum.sum, lSum.wholes, false] as const] : []),
    ...(rSum ? [[rSum.sum, rSum.wholes, true] as const] : []),
  ]) {
    for (const w of wholes) {
      const [w0, w1] = interval(w);
      const overlap = w0 <= sum.value && sum.value <= w1;
      const signal = countSignal(
        overlap,
        'count',
        `${sum.text} (${sum.value} in all) vs ${w.text}`,
        flip ? w.text : sum.text,
        flip ? sum.text : w.text,
        (w.approx ?? 'exact') === 'exact',
      );
      if (overlap) {
        agreeing.add(w);
        out.push(signal);
      } else mismatches.push(signal);
    }
  }
  for (const l of ls) {
    for (const r of rs) {
      if (partOfSum(l, r)) continue;
      const same = sameThing(l, r, la.text, ra.text);
      if (!same && !sameEventCount(l, r)) continue;
      const [l0, l1] = interval(l);
      const [r0, r1] = interval(r);
      // "Real wages grew by 3 percent" / "... fell by 3 percent": one size, two directions.
      const opposite = l.unit === '%' && r.unit === '%' && oppositeChanges(la.text, l, ra.text, r);
      const overlap = l0 <= r1 && r0 <= l1 && !opposite;
      if (!same && !overlap) continue;
      const thing = l.event ?? r.event;
      const detail = `${l.text} vs ${r.text}${thing ? ` (${thing})` : ''}`;
      // "80 km/h vs 127 km/h", "6.2 percent vs 14.8 percent": figures, not counts.
      const noun = l.unit ? 'figure' : 'count';
      const exact = (l.approx ?? 'exact') === 'exact' && (r.approx ?? 'exact') === 'exact';
      const signal = countSignal(overlap, noun, detail, l.text, r.text, exact);
      if (overlap) {
        agreeing.add(l).add(r);
        out.push(signal);
      } else mismatches.push(signal);
    }
  }
  // A count of those moved one way ("800 residents by boat") or at one hospital is part of a
  // total the other side gives ("2,300 people have been evacuated"): no conflict when it is
  // the smaller.
  for (let i = mismatches.length - 1; i >= 0; i--) {
    const m = mismatches[i]!;
    const l = ls.find((q) => q.text === m.left);
    const r = rs.find((q) => q.text === m.right);
    if (!l || !r) continue;
    // A hospital's own statement counts the people it received ("All four had gunshot
    // wounds" from Sallet District Hospital).
    // Not its dead: "the shelling killed 17 people, all brought to our morgue" is a toll.
    const cared = (q: QuantityFacet, site: string | undefined) =>
      !!site && careSites[0] !== careSites[1] && !DEATH_EVENTS.has(q.event ?? '');
    const lPart = byMeans(la, l) || atOneFacility(la, ra) || cared(l, careSites[0]);
    const rPart = byMeans(ra, r) || atOneFacility(ra, la) || cared(r, careSites[1]);
    if ((lPart && !rPart && l.value < r.value) || (rPart && !lPart && r.value < l.value))
      mismatches.splice(i, 1);
  }
  // When a figure agrees with the other side, a different figure next to it counts another
  // group ("three killed, not five" vs "three killed and five wounded"), not a conflict.
  for (const m of aligned ? mismatches : []) {
    const l = ls.find((q) => q.text === m.left);
    const r = rs.find((q) => q.text === m.right);
    if ((l && agreeing.has(l)) || (r && agreeing.has(r))) continue;
    if (agreeing.size > 0 && !(l && l.counted) && !(r && r.counted)) continue;
    out.push(m);
  }
}

// ---------------------------------------------------------------- dates and durations

/**
 * Events a named thing has once: its birth, its death, its founding, its premiere, the first of
 * anything. Two dates of one of these are one event misdated however far apart ("Moonlight
 * premiered at Telluride in 2016" / "... on September 2, 2014"), where two ceasefires or two
 * statements years apart are two events of one kind (DIFFERENT_EVENT).
 */
const ONCE_ONLY = new Map<string, string>([
  ...['born', 'birth'].map((w) => [w, 'birth'] as const),
  ...['died', 'death'].map((w) => [w, 'death'] as const),
  ...['founded', 'established', 'incorporated'].map((w) => [w, 'founding'] as const),
  ...['premiered', 'premiere', 'debuted'].map((w) => [w, 'premiere'] as const),
  ['finale', 'finale'],
  // "first flew", "the maiden voyage": the first of anything happens once.
  ...['first', 'maiden', 'inaugural'].map((w) => [w, 'first'] as const),
]);

/** Once-only event kinds a statement names. */
function onceOnlyClasses(a: Analysis): Set<string> {
  const out = new Set<string>();
  for (const t of a.tokens) {
    const c = ONCE_ONLY.get(t.lower);
    if (c) out.add(c);
  }
  return out;
}

/** Both statements date an event of one once-only kind, and they share a name (its subject). */
function onceOnlyEvent(la: Analysis, ra: Analysis, al: Alignment): boolean {
  const lc = onceOnlyClasses(la);
  if (lc.size === 0) return false;
  if (![...onceOnlyClasses(ra)].some((c) => lc.has(c))) return false;
  return al.shared.some(
    (k) =>
      (la.names.has(k) || ra.names.has(k)) &&
      !isCalendarWord((la.keyToken.get(k) ?? ra.keyToken.get(k))?.lower ?? k) &&
      !/^\d/.test(k),
  );
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dateRange(d: DateFacet): [string, string] {
  // Relative dates ("yesterday") depend on the publication time zone: allow a day either way.
  // A written day ("September 18" resolved to its year) is exact even when flagged relative,
  // and so is a weekday's name: "on Tuesday" is never Wednesday, whatever the time zone; and so
  // is a day read from the source's dateline ("KARDEN, 10 June. ... this evening").
  const vague = d.relative && !d.anchored && !/\d/.test(d.text) && !WEEKDAY.test(d.text);
  if (!vague) return [d.start, d.end];
  return [shiftDay(d.start, -1), d.end === OPEN_END ? d.end : shiftDay(d.end, 1)];
}

/** Shared words that can carry an event: not numbers, not names. */
function predicateKeys(la: Analysis, ra: Analysis, al: Alignment): string[] {
  return al.shared.filter((k) => !/^\d/.test(k) && !la.names.has(k) && !ra.names.has(k));
}

/**
 * The date nearest to any mention of a word: "swapped prisoners on Wednesday, the first
 * exchange since March" dates the swap on Wednesday, though "exchange" (one key with
 * "swapped") sits next to March.
 */
function nearestDateOfKey(
  dates: DateFacet[],
  positions: number[],
  a: Analysis,
  key: string,
): DateFacet | null {
  let best: DateFacet | null = null;
  let bestGap = DATE_ANCHOR_WINDOW + 1;
  for (const t of a.tokens) {
    if (t.key !== key) continue;
    for (let j = 0; j < dates.length; j++) {
      const gap = positions[j]! < 0 ? Infinity : Math.abs(positions[j]! - t.i);
      if (gap < bestGap) {
        bestGap = gap;
        best = dates[j]!;
      }
    }
  }
  return best;
}

/**
 * Statements that share little else can still date the same event: "X began on 18
 * September" vs "X began on 19 September". Each side's date nearest to a shared predicate
 * is compared; an agreement on any shared predicate wins over a mismatch on another.
 */
function anchoredDateSignals(
  ls: DateFacet[],
  rs: DateFacet[],
  la: Analysis,
  ra: Analysis,
  topical: string[],
  aligned: boolean,
  out: LinkSignal[],
  strict = false,
): void {
  if (ls.length === 0 || rs.length === 0) return;
  let mismatch: [DateFacet, DateFacet] | null = null;
  // `strict`: two statements of one event with several dates on a side ("agreed late on
  // Wednesday ... took effect at 06:00 on Thursday"): a mismatch needs a shared word dated by
  // what follows it on each side, and no shared word dated otherwise.
  let votes = 0;
  const lAt = ls.map((d) => facetToken(la, d));
  const rAt = rs.map((d) => facetToken(ra, d));
  // The predicate must be topical: a month name or the counted noun dates nothing.
  for (const k of topical) {
    if (la.names.has(k) || ra.names.has(k)) continue;
    // A place dates nothing: "a patrol examined the covered market on 14 October" / "the
    // explosions in the market yesterday" tell two deeds at one place.
    if (PLACE_KEYS.has(k)) continue;
    const l = nearestDateOfKey(ls, lAt, la, k);
    const r = nearestDateOfKey(rs, rAt, ra, k);
    if (!l || !r) continue;
    if (overlaps(l, r)) {
      if (!identifies(l, r)) continue;
      out.push({
        kind: 'DATE_AGREEMENT',
        detail: `Same time for "${la.keyToken.get(k)!.surface}": ${l.text} vs ${r.text}.`,
        left: l.text,
        right: r.text,
        weight: 0.4,
      });
      return;
    }
    if (!mismatch && l.precision === 'day' && r.precision === 'day') mismatch = [l, r];
    if (!mismatch && daysApart(l, r) > DIFFERENT_EVENT_DAYS) mismatch = [l, r];
    // `strict`: only a word that comes before its date on each side ("was agreed this evening"
    // / "which was agreed at 23:40 on 11 June") is the one the date tells of; "on Sunday, an
    // attack the council denied" dates the bomb before it.
    if (mismatch && mismatch[0] === l && mismatch[1] === r) {
      if (datedAfter(la, k, lAt[ls.indexOf(l)]!) && datedAfter(ra, k, rAt[rs.indexOf(r)]!)) votes++;
    } else if (strict) return;
  }
  if (strict && votes === 0) return;
  if (mismatch && aligned && daysApart(mismatch[0], mismatch[1]) > DIFFERENT_EVENT_DAYS) {
    out.push(differentEvent(mismatch[0], mismatch[1]));
  } else if (mismatch && aligned) {
    out.push({
      kind: 'DATE_MISMATCH',
      detail: `Different dates for the same event: ${mismatch[0].text} vs ${mismatch[1].text}.`,
      left: mismatch[0].text,
      right: mismatch[1].text,
      weight: 0.8,
    });
  }
}

/** Places and sites, by their relation keys: where a deed was done, not which deed. */
const PLACE_KEYS = new Set(
  [...PLACE_NOUNS, ...'market station hospital school plant warehouse building'.split(' ')].map(
    (w) => wordKey(w),
  ),
);

/** Whether a word `key` stands within the anchor window before token `at` (a date's). */
function datedAfter(a: Analysis, key: string, at: number): boolean {
  return (
    at >= 0 && a.tokens.some((t) => t.key === key && t.i < at && at - t.i <= DATE_ANCHOR_WINDOW)
  );
}

/** What brings the news of an event: "the first call", "a report", "an alert". */
const NEWS_NOUN = String.raw`(?:report|call|alert|notification|message|warning)s?`;
/** A statement of when news of the event came: "received a report of", "was alerted to". */
const NOTICE = new RegExp(
  String.raw`\b(?:received\s+(?:a\s+|the\s+|an\s+|its\s+|their\s+)?(?:first\s+)?${NEWS_NOUN}|(?:was|were)\s+(?:alerted|notified|informed|called\s+out))\b`,
  'i',
);

/**
 * The one time of day a statement gives its event, not that of a speech act ("said at 10:00")
 * nor one it rejects ("not at 03:05"). Two times joined as a start and an end ("began at 01:21
 * and ended at 01:36", "from 09:38 to 09:52", "between 10:30 and 12:15") are the event's window.
 */
function eventTime(sentence: string): TimeOfDay | null {
  const times = timesOfDay(sentence).filter(
    (t) =>
      !isSpeechDate(sentence, t) &&
      !REJECTED_TIME.test(sentence.slice(0, t.at)) &&
      !AS_OF_TIME.test(sentence.slice(0, t.at)) &&
      !inReportCalledFalse(sentence, t),
  );
  if (times.length === 1) return times[0]!;
  if (times.length !== 2) return null;
  const [a, b] = times as [TimeOfDay, TimeOfDay];
  const join = sentence.slice(a.at + a.text.length, b.at);
  const between = /\bbetween\s+$/i.test(sentence.slice(0, a.at)) && /^\s*and\s+$/i.test(join);
  if (!between && !TIME_SPAN_JOIN.test(join)) {
    // "started at about 23:45 on Saturday, and the rescue service received the first distress
    // call at 23:52": the time the event began, not that of a later step.
    const began = times.filter((t) => beganAt(sentence, t));
    if (began.length === 1) return began[0]!;
    // "recorded the failure ... at 17:38, and the first emergency call reached the control
    // room at 17:41": the time the news came is no time of the event.
    const told = times.filter((t) => !newsCameAt(sentence, t));
    return told.length === 1 ? told[0]! : null;
  }
  const to = b.to >= a.from ? b.to : b.to + 1440;
  return { text: `${a.text} to ${b.text}`, from: a.from, to, at: a.at };
}
/** The time follows the event's beginning: "a fire broke out on board at about 01:30". */
function beganAt(sentence: string, t: TimeOfDay): boolean {
  return BEGAN_BEFORE.test(sentence.slice(Math.max(0, t.at - 80), t.at));
}

/** The time follows the news of the event: "the first emergency call reached ... at 17:41". */
function newsCameAt(sentence: string, t: TimeOfDay): boolean {
  return NEWS_CAME_BEFORE.test(sentence.slice(Math.max(0, t.at - 90), t.at));
}
const NEWS_CAME_BEFORE = new RegExp(
  String.raw`\b(?:(?:call|report|alert|alarm|message|notification)s?\s+(?:reached|came\s+in|arrived|(?:was|were)\s+received)|received\s+(?:a\s+|the\s+|an\s+)?(?:first\s+)?(?:emergency\s+)?${NEWS_NOUN})\b[^.;]{0,60}?\b(?:at|around|about)\s*$`,
  'i',
);

/** A sentence that tells when its event began: "police units began clearing", "the first police charge". */
function startTold(sentence: string): boolean {
  return START_TOLD.test(sentence);
}
const START_TOLD =
  /\b(?:began|begun|begin|begins|started|start|starts|launched)\b|\bthe\s+first\s+(?:police\s+)?(?:charge|strike|shell|shots?|attack|explosion|blast|assault)\b/i;

/** The time follows the event's end: "before putting it out at 09:40". */
function endedAt(sentence: string, t: TimeOfDay): boolean {
  return ENDED_BEFORE.test(sentence.slice(Math.max(0, t.at - 40), t.at));
}

/** A time of the news of the event ("received the first call at 23:52"), not of the event. */
function noticeTime(sentence: string, t: TimeOfDay): boolean {
  // "Our control room alerted the directorate at 01:50": the alarm's own time, compared only
  // with another account of the alarm (alarmTimeSignals).
  return (NOTICE.test(sentence) || alarmTime(sentence)?.time.at === t.at) && !beganAt(sentence, t);
}

/**
 * A time inside a report the sentence calls false: "Karven's claim that a ceasefire took effect
 * at three in the morning on Wednesday is false: ... set for 22:00 that day".
 */
function inReportCalledFalse(sentence: string, t: TimeOfDay): boolean {
  return (
    CLAIMED_BEFORE.test(sentence.slice(0, t.at)) &&
    /^[^.;:]*\b(?:is|are|was|were)\s+(?:false|untrue|a\s+lie|lies|fabricated|a\s+fabrication|baseless|wrong)\b/i.test(
      sentence.slice(t.at),
    )
  );
}

/**
 * Raising the alarm, or its coming: "alerted the coast guard at 23:52", "received its first
 * alarm at 02:09", "the first call to the MRCC, a Mayday, followed at 00:48". Sources that
 * dispute an incident often dispute when the authorities were told, and the time of that is
 * no time of the incident (noticeTime), but two accounts of it can conflict.
 */
const ALARM =
  /\b(?:alerted|notified|informed|raised\s+the\s+alarm|(?:first|distress|emergency)\s+(?:call|alert|alarm|message)|mayday|received\s+(?:its|the|a|an)\s+(?:first\s+)?(?:alarm|call|alert|notification))\b/gi;
/** The alarm is the first: "its first alarm", "no contact ... before the Mayday sent at 00:48". */
const FIRST_ALARM =
  /\bfirst\s+(?:call|alert|alarm|message|notification|contact)\b|\bno\s+(?:record\s+of\s+(?:any\s+)?)?(?:contact|call|alert|alarm|warning)\b[^.;]*\bbefore\b/i;
/** Characters from the alarm's words to the clock time that dates it. */
const ALARM_REACH = 90;

/** The clock time of the one alarm a sentence tells of, and whether it calls it the first. */
function readAlarmTime(sentence: string): { time: TimeOfDay; first: boolean } | null {
  const hits = [...sentence.matchAll(ALARM)];
  if (hits.length === 0) return null;
  const clocks = timesOfDay(sentence).filter(isClockTime);
  let found: TimeOfDay | null = null;
  for (const h of hits) {
    const end = h.index + h[0].length;
    const t = clocks.find(
      (c) => c.at >= end && c.at - end <= ALARM_REACH && !/[;]/.test(sentence.slice(end, c.at)),
    );
    if (!t) continue;
    // Two alarms with two times: which one the other source means is unknown.
    if (found && found !== t) return null;
    found = t;
  }
  return found ? { time: found, first: FIRST_ALARM.test(sentence) } : null;
}

/** An alarm's time, read once per statement. */
const alarmTime = textMemo(readAlarmTime);

/**
 * "Our control room alerted the directorate at 01:50" / "The directorate received its first
 * alarm at 02:09": two times of one alarm that cannot meet. A time after the one called first
 * may be a later call ("alerted at 02:30" fits "the first alarm at 02:09"); one before it
 * cannot.
 */
function alarmTimeSignals(lText: string, rText: string, out: LinkSignal[]): void {
  const l = alarmTime(lText);
  const r = alarmTime(rText);
  if (!l || !r || zonesDiffer(l.time, r.time) || timesMeet(l.time, r.time)) return;
  if (l.first !== r.first) {
    const [first, other] = l.first ? [l.time, r.time] : [r.time, l.time];
    // Across midnight, an hour in the small hours is later than one late in the evening.
    const late = (t: TimeOfDay) =>
      t.from < 360 && Math.max(first.from, other.from) > 1080 ? t.from + 1440 : t.from;
    if (late(other) > late(first)) return;
  }
  out.push({
    kind: 'DATE_MISMATCH',
    detail: `Times that cannot meet for the alarm: ${l.time.text} vs ${r.time.text}.`,
    left: l.time.text,
    right: r.time.text,
    weight: 0.8,
  });
}

/**
 * "It was Vardemari guns, not our defenders as Karven claims, that shelled the village": the
 * doer named, another ruled out, and the deed.
 */
const CLEFT_NOT =
  /\bit\s+was\s+([^,;]{2,60}?),\s+not\s+([^,;]{2,60}?),\s+(?:that|who|which)\s+(\p{L}+)/iu;

/**
 * One side says who did a deed and rules out another ("it was Vardemari guns, not our
 * defenders, that shelled the village of Sollick"); the other tells the deed with a doer that
 * is not the one named ("the militants shelled the village of Sollick"): the doers conflict.
 * The other side naming the same doer agrees, and one naming none says nothing of it.
 */
function cleftDoerSignals(lText: string, rText: string, out: LinkSignal[]): void {
  for (const [cleft, other, flip] of [
    [lText, rText, false],
    [rText, lText, true],
  ] as const) {
    const m = CLEFT_NOT.exec(cleft);
    if (!m || CLEFT_NOT.test(other)) continue;
    const named = m[1]!;
    const verb = m[3]!.toLowerCase();
    const cls = wordClass(verb);
    // The deed in the other statement, by its word or its class, and its doer before it.
    const words = [...other.matchAll(/\p{L}+/gu)];
    const deed = words.find((w) => {
      const l = w[0].toLowerCase();
      return l === verb || (cls !== null && wordClass(l) === cls && /ed$/.test(l));
    });
    if (!deed || deed.index === undefined) continue;
    const before = other.slice(0, deed.index);
    // Who did it on the other side: the words just before the deed, or after "by" in a passive
    // ("survivors were pulled from the water by fishermen of Holmbridge").
    const passive = /\b(?:was|were|been|being|be|is|are)\s+(?:\p{L}+ly\s+)?$/iu.test(before);
    const after = other.slice(deed.index + deed[0].length);
    const doer = passive
      ? /^[^.;]{0,60}?\bby\s+((?:the\s+)?(?:[\p{L}'’-]+\s+){0,5}[\p{L}'’-]+)/iu.exec(after)?.[1]
      : /((?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)\s+(?:had\s+|have\s+|has\s+)?$/iu.exec(
          before,
        )?.[1];
    if (!doer || /^(?:it|that|which|who|and|was|were|had)$/i.test(doer.trim())) continue;
    const key = (t: string) =>
      new Set((t.match(/\p{Lu}\p{L}{2,}/gu) ?? []).map((w) => w.slice(0, 5).toLowerCase()));
    const namedKeys = key(named);
    if ([...key(passive ? doer : before)].some((k) => namedKeys.has(k))) continue;
    // A doer named by a common noun on both sides ("the fishermen of Holmbridge" / "fishermen
    // and residents"): the same people may be meant.
    if (sharedContentWord(named, doer)) continue;
    // "Yesterday afternoon the militants shelled": the doer, not when.
    const who = doer
      .trim()
      .replace(/^.*\b(?:yesterday|today|morning|afternoon|evening|night)\s+/i, '');
    const theirs = `${who} ${deed[0]}`;
    const mine = `${named}, not ${m[2]}`;
    out.push({
      kind: 'ACTOR_SWAP',
      detail: `One side says it was ${named}, not ${m[2]}, that ${m[3]}; the other: ${theirs}.`,
      left: flip ? theirs : mine,
      right: flip ? mine : theirs,
      weight: 0.8,
    });
    return;
  }
}

/** Two doers' phrases share a content word ("the fishermen of Holmbridge" / "fishermen and residents"). */
function sharedContentWord(a: string, b: string): boolean {
  const keys = new Set(tokenize(a).flatMap((t) => (t.content ? [t.key] : [])));
  return tokenize(b).some((t) => t.content && keys.has(t.key));
}

/** A clock time given to within ten minutes: a moment, not a part of the day. */
const PRECISE_CLOCK_MINUTES = 10;

/**
 * "Our control room received the first call at 02:07" / "The log records the first emergency
 * call at 02:07", "called off at 15:40" / "abandoned at twenty to four": statements about one
 * thing (they share words) that name the same moment agree on it. Only moments to within ten
 * minutes, in figures or words, on days that meet; each side at most two such times, so a
 * timeline of many moments does not agree with everything it touches.
 */
function clockAgreementSignals(
  lText: string,
  rText: string,
  ld: DateFacet[],
  rd: DateFacet[],
  out: LinkSignal[],
): void {
  const precise = (t: string) =>
    timesOfDay(t).filter(
      (c) => isClockTime(c) && c.to - c.from <= 2 * PRECISE_CLOCK_MINUTES && !isSpeechDate(t, c),
    );
  const ls = precise(lText);
  const rs = precise(rText);
  if (ls.length === 0 || rs.length === 0 || ls.length > 2 || rs.length > 2) return;
  const days = (d: DateFacet[]) => d.filter((x) => x.precision === 'day');
  const lDays = days(ld);
  const rDays = days(rd);
  if (lDays.length > 0 && rDays.length > 0 && !lDays.some((l) => rDays.some((r) => overlaps(l, r))))
    return;
  for (const l of ls)
    for (const r of rs) {
      if (zonesDiffer(l, r) || !timesMeet(l, r)) continue;
      out.push({
        kind: 'DATE_AGREEMENT',
        detail: `Same moment: ${l.text} vs ${r.text}.`,
        left: l.text,
        right: r.text,
        weight: 0.4,
      });
      return;
    }
}

/** A DATE_MISMATCH of two clock times (timeOfDaySignals), not of two days. */
export function isClockMismatch(s: LinkSignal): boolean {
  return s.kind === 'DATE_MISMATCH' && /times that cannot meet/i.test(s.detail);
}

/** Just before the time a count stands at: "As of this evening, nine people ...". */
const AS_OF_TIME = /\bas\s+of\s+(?:this\s+|that\s+|the\s+|late\s+|early\s+)?$/i;
/** Just before a rejected time: "..., not at 03:05 as the command stated". */
const REJECTED_TIME = /\bnot\s+(?:at\s+|around\s+|about\s+)?$/i;
/** Between the two ends of a window of time: "and ended at", "to", "until". */
const TIME_SPAN_JOIN =
  /^\s*(?:and\s+(?:ended|finished|stopped|lasted\s+until)\s+(?:at\s+)?|(?:to|until|till)\s+|[-\u2013]\s*)$/i;

/**
 * One event on one day at two times that cannot meet: "at 23:40 on 2 October" / "on the
 * afternoon of 2 October". The day agrees, so the agreement on it gives way to the mismatch.
 */
function timeOfDaySignals(
  lText: string,
  rText: string,
  ld: DateFacet[],
  rd: DateFacet[],
  sameEvent: boolean,
  out: LinkSignal[],
  sharedClass = false,
): void {
  // "At 07:05 the patrol came under fire near border marker 47" / "an incident ... near border
  // marker 47 at about 04:20 this morning": a time with no day of its own, in a statement of the
  // same event, is a time of that day (or of the night around it).
  if (ld.length + rd.length === 1 || (ld.length === 0 && rd.length === 0)) {
    const lt = eventTime(lText);
    const rt = eventTime(rText);
    if (!lt || !rt || timesMeet(lt, rt) || noticeTime(lText, lt) || noticeTime(rText, rt)) return;
    // Only for statements of one event, not two moments of one incident ("the first call at
    // 22:15" / "the first ambulance at 22:49"). Of one class of event, a start and a moment
    // before it cannot meet ("At 20:15 police units began clearing the square" / "At about 19:40
    // riot police charged the crowd"), nor two starts.
    if (!sameEvent) {
      if (!sharedClass) return;
      const ls = startTold(lText);
      const rs = startTold(rText);
      // "The strike was carried out at 03:40": the deed the sources are about, named as such,
      // and its moment.
      if (!ls && !rs && !definiteDeed(lText) && !definiteDeed(rText)) return;
      if (ls !== rs) {
        const [start, other] = ls ? [lt, rt] : [rt, lt];
        if (other.to >= start.from) return;
      }
    }
    if (zonesDiffer(lt, rt)) return;
    // When it ended is no time of its beginning, but a time it was still going on after it
    // ended is a conflict ("extinguished at 05:25" / "still burning ... at seven o'clock").
    if (endedAt(lText, lt) !== endedAt(rText, rt)) {
      stillAfterEnd(lText, lt, rText, rt, out);
      return;
    }
    // Parts of the day are too wide to date an undated event; clock times, in figures or words,
    // are not.
    if (!isClockTime(lt) || !isClockTime(rt)) return;
    // "By 08:00", "until 14:00": a bound, not the moment. A time one side counts from another
    // moment ("at 22:49, 34 minutes after the first call") is of a later step of the incident,
    // unless both do; so is the time a wounded person died ("was critically injured and died
    // in the operating theatre shortly before 02:00" / "a shell struck at half past midnight").
    if (boundClash(lText, lt, rText, rt) === 'skip') return;
    if (LATER_STEP.test(lText) !== LATER_STEP.test(rText)) return;
    out.push({
      kind: 'DATE_MISMATCH',
      detail: `Times that cannot meet: ${lt.text} vs ${rt.text}.`,
      left: lt.text,
      right: rt.text,
      weight: 0.8,
    });
    return;
  }
  if (ld.length !== 1 || rd.length !== 1) return;
  const l = ld[0]!;
  const r = rd[0]!;
  if (l.precision !== 'day' || r.precision !== 'day') return;
  // A day named only relative to the writing ("at about 06:15 this morning") may be the day
  // before or after a written one in another time zone (dateRange); with a clock time on each
  // side, the two moments still have to meet on some reading: 06:15 on Friday is not "23:50
  // on Thursday 14 June".
  const sameDay = l.start === r.start;
  // A night ("at 23:30 on Monday night") runs into the next day: two days at most, which
  // momentsMeet reads day by day.
  const shortEach = spanDays(l) <= 2 && spanDays(r) <= 2;
  if (!sameDay && !(shortEach && overlaps(l, r))) return;
  const lt = eventTime(lText);
  const rt = eventTime(rText);
  if (!lt || !rt || zonesDiffer(lt, rt)) return;
  if (sameDay ? timesMeet(lt, rt) : momentsMeet(l, lt, r, rt)) return;
  // "From the morning of 13 October until 04:50 on 15 October": a bound of a period, not a
  // moment of it. ("Back in service by 13:05" is, on that day, against "at 21:55".)
  const bound = boundClash(lText, lt, rText, rt);
  if (bound === 'skip' || (bound === 'clash' && !sameDay)) return;
  // "A fire broke out at about 01:30 this morning" / "putting it out at 09:40 on Sunday".
  if (endedAt(lText, lt) !== endedAt(rText, rt)) {
    if (sameDay) stillAfterEnd(lText, lt, rText, rt, out);
    return;
  }
  // "At 05:52 the duty service received a report of a rock fall": the time the news came, by
  // which the event had happened. A fall "shortly before 04:00" agrees with it; one "at 06:40"
  // does not.
  const lNotice = noticeTime(lText, lt);
  const rNotice = noticeTime(rText, rt);
  if (lNotice !== rNotice) {
    const [notice, event] = lNotice ? [lt, rt] : [rt, lt];
    if (event.from <= notice.to) return;
  } else if (lNotice) return;
  for (let i = out.length - 1; i >= 0; i--)
    if (out[i]!.kind === 'DATE_AGREEMENT' && out[i]!.left === l.text && out[i]!.right === r.text)
      out.splice(i, 1);
  const detail = sameDay
    ? `Same day (${l.text}), times that cannot meet: ${lt.text} vs ${rt.text}`
    : `Times that cannot meet on any reading of the days: ${lt.text} ${l.text} vs ${rt.text} ${r.text}`;
  out.push({
    kind: 'DATE_MISMATCH',
    detail: detail.replace(/\.?$/, '.'),
    left: lt.text,
    right: rt.text,
    weight: 0.8,
  });
}

/**
 * One side's end of the event against a later time at which the other says it was still going
 * on: "The fire was extinguished at 05:25" / "The block was still burning when the day shift
 * came to the gate at seven o'clock".
 */
function stillAfterEnd(
  lText: string,
  lt: TimeOfDay,
  rText: string,
  rt: TimeOfDay,
  out: LinkSignal[],
): void {
  const [end, goText, go] = endedAt(lText, lt) ? [lt, rText, rt] : [rt, lText, lt];
  if (!STILL_GOING.test(goText.slice(Math.max(0, go.at - 90), go.at))) return;
  if (!isClockTime(end) || !isClockTime(go) || go.from <= end.to) return;
  out.push({
    kind: 'DATE_MISMATCH',
    detail: `Times that cannot meet: ended at ${end.text} vs still going on at ${go.text}.`,
    left: lt.text,
    right: rt.text,
    weight: 0.8,
  });
}
/** Before a time: the event was still going on then ("was still burning when ... at 07:00"). */
const STILL_GOING = /\bstill\s+(?:\p{L}+ing|on\s+fire|ablaze|alight|under\s+way)\b[^.;]*$/iu;

/**
 * A time that bounds rather than dates ("by 08:00", "until 14:00") is no moment to set against
 * another (skip), except a deadline that the other side's moment of the same step comes long
 * after: "had the system back in service by 13:05" / "back in service at 21:55" (clash).
 */
function boundClash(
  lText: string,
  lt: TimeOfDay,
  rText: string,
  rt: TimeOfDay,
): 'none' | 'skip' | 'clash' {
  const lb = BOUND_TIME.test(lText.slice(0, lt.at));
  const rb = BOUND_TIME.test(rText.slice(0, rt.at));
  if (!lb && !rb) return 'none';
  if (lb && rb) return 'skip';
  const [bText, b, m] = lb ? [lText, lt, rt] : [rText, rt, lt];
  if (!/\bby\s+(?:about\s+|around\s+)?$/i.test(bText.slice(0, b.at))) return 'skip';
  // The same return to normal on both sides ("back in service by 13:05" / "back in service at
  // 21:55"); "in place by 08:00" is not "laid at 11:30".
  const mText = lb ? rText : lText;
  const step = (text: string, t: TimeOfDay) =>
    RESTORED.exec(text.slice(Math.max(0, t.at - 60), t.at))?.[1]
      ?.toLowerCase()
      .replace(/\s+/g, ' ');
  const s = step(bText, b);
  if (!s || s !== step(mText, m)) return 'skip';
  return m.from > b.to + 60 ? 'clash' : 'skip';
}

/** A return to normal, just before its time: "back in service", "restored", "under control". */
const RESTORED =
  /\b(back\s+in\s+service|back\s+online|restored|reopened|resumed|under\s+control|extinguished|put\s+out)\b[^.;]*$/i;

/** Just before a time that bounds rather than dates: "by 08:00", "until about 14:00". */
const BOUND_TIME =
  /\b(?:by|until|till|since|(?<!shortly\s)(?:after|before))\s+(?:about\s+|around\s+)?$/i;
/** A moment counted from another: "34 minutes after the first call". */
const LATER_STEP =
  /\b(?:minutes?|hours?)\s+(?:after|before)\s+the\b|\b(?:injured|wounded|hurt)\b[^.;]{0,40}?\b(?:and|but)\s+(?:later\s+)?died\b/i;

/** How many days a dated facet spans. */
function spanDays(d: DateFacet): number {
  return d.end === OPEN_END ? Infinity : (dayMs(d.end) - dayMs(d.start)) / 86_400_000 + 1;
}

/**
 * "At 06:40 local time" / "at 03:40 UTC": a clock time in universal time against one in the
 * place's own, whose offset the statements do not give, cannot be compared.
 */
function zonesDiffer(a: TimeOfDay, b: TimeOfDay): boolean {
  return UNIVERSAL_TIME.test(a.text) !== UNIVERSAL_TIME.test(b.text);
}
const UNIVERSAL_TIME = /\b(?:UTC|GMT)\b|\d\s*Z\b/;

/** Whether two times on two single days can be one moment, for some reading of each day. */
function momentsMeet(l: DateFacet, lt: TimeOfDay, r: DateFacet, rt: TimeOfDay): boolean {
  const [l0, l1] = dateRange(l);
  const [r0, r1] = dateRange(r);
  for (let dl = dayMs(l0); dl <= dayMs(l1); dl += 86_400_000)
    for (let dr = dayMs(r0); dr <= dayMs(r1); dr += 86_400_000) {
      const shift = (dl - dr) / 60_000;
      if (lt.from + shift <= rt.to && rt.from <= lt.to + shift) return true;
    }
  return false;
}

/** Turns each DATE_MISMATCH into DIFFERENT_EVENT, saying why the two dates are two events. */
function asDifferentEvents(out: LinkSignal[], why: string): void {
  for (let i = 0; i < out.length; i++)
    if (out[i]!.kind === 'DATE_MISMATCH')
      out[i] = {
        ...out[i]!,
        kind: 'DIFFERENT_EVENT',
        detail: `${why}: ${out[i]!.left} vs ${out[i]!.right}.`,
        weight: 0.6,
      };
}

function differentEvent(l: DateFacet, r: DateFacet): LinkSignal {
  return {
    kind: 'DIFFERENT_EVENT',
    detail: `Two events of one kind at different times: ${l.text} vs ${r.text}.`,
    left: l.text,
    right: r.text,
    weight: 0.6,
  };
}

function dateSignals(ls: DateFacet[], rs: DateFacet[], out: LinkSignal[]): void {
  if (ls.length === 0 || rs.length === 0) return;
  for (const l of ls) {
    const match = rs.find((r) => overlaps(l, r) && identifies(l, r)) ?? null;
    // A day inside another's long open period: neither agreement nor conflict.
    if (!match && rs.some((r) => overlaps(l, r))) continue;
    if (match) {
      out.push({
        kind: 'DATE_AGREEMENT',
        detail: `Same time: ${l.text} vs ${match.text}.`,
        left: l.text,
        right: match.text,
        weight: 0.4,
      });
    } else if (ls.length === 1 && rs.length === 1) {
      // With several dates per side we cannot tell which belongs to the shared event.
      const r = rs[0];
      if (daysApart(l, r) > DIFFERENT_EVENT_DAYS) {
        out.push(differentEvent(l, r));
        continue;
      }
      const coarse = l.precision !== 'day' || r.precision !== 'day';
      out.push({
        kind: 'DATE_MISMATCH',
        detail: `Different dates for the same event: ${l.text} vs ${r.text}.`,
        left: l.text,
        right: r.text,
        weight: coarse ? 0.5 : 0.8,
      });
    }
  }
}

/**
 * A period bounded by two days ("from Tuesday morning until late on Thursday", "from before
 * dawn on Monday until Wednesday afternoon") against a length the other side gives ("completed
 * in 26 hours and 35 minutes"): the period's shortest and longest reading, from the days and
 * the parts of the day named at each end, set against the length. The issue's first slot:
 * lengths worded apart. Only a side that gives no length of its own is read so.
 */
function spanLengthSignals(
  view: StatementView,
  a: Analysis,
  dates: DateFacet[],
  other: StatementView,
  oa: Analysis,
  flip: boolean,
  out: LinkSignal[],
): void {
  if (out.some((s) => s.kind === 'DURATION_MISMATCH' || s.kind === 'DURATION_AGREEMENT')) return;
  // A side that gives its own length ("for three days, from the morning of 14 September
  // until ...") is compared by that length.
  if (view.facets.durations.some((d) => !inNamed(a, d))) return;
  const spans = dates
    .filter((d) => d.precision === 'day' && d.end !== OPEN_END && d.end > d.start)
    .map((d) => ({ ...d, ...periodWords(view.text, d) }))
    .filter((d): d is DateFacet & { read: string } => d.read !== null);
  if (spans.length !== 1) return;
  const lengths = other.facets.durations.filter(
    (d) => !corrected(oa, d) && !inNamed(oa, d) && eventLength(oa, d),
  );
  if (lengths.length !== 1) return;
  const s = spans[0]!;
  const join = SPAN_WORD.exec(s.read)!.index;
  const times = timesOfDay(s.read);
  const first = times.find((x) => x.at < join);
  const last = [...times].reverse().find((x) => x.at > join);
  const startWin = first ? [first.from, first.to] : [0, 1440];
  const endWin = last ? [last.from, last.to] : [0, 1440];
  const days = Math.round((dayMs(s.end) - dayMs(s.start)) / 86_400_000);
  const lo = Math.max(0, (days * 1440 + endWin[0]! - startWin[1]!) * 60);
  const hi = (days * 1440 + endWin[1]! - startWin[0]!) * 60;
  const d = lengths[0]!;
  const r = lengthRange(other.text, d);
  const agree = r.lo <= hi * (1 + DURATION_TOLERANCE) && lo * (1 - DURATION_TOLERANCE) <= r.hi;
  const hours = (x: number) => Math.round(x / 3600);
  const mine = `${s.text} (${hours(lo)} to ${hours(hi)} hours)`;
  out.push({
    kind: agree ? 'DURATION_AGREEMENT' : 'DURATION_MISMATCH',
    detail: agree
      ? `A period that fits the length: ${mine} vs ${d.text}.`
      : `A period that cannot last that long: ${mine} vs ${d.text}.`,
    left: flip ? d.text : s.text,
    right: flip ? s.text : d.text,
    weight: agree ? 0.4 : 0.8,
  });
}
/**
 * The word that joins a period's two ends ("from ... until ..."). "Between 14 and 17 October"
 * is left out: most often the window a count was made in ("documented the deaths of 9
 * civilians between ..."), not how long the event went on.
 */
const SPAN_WORD = /\s(?:until|till|to|through)\s/i;

/**
 * The words of a period as it is read, from the word that opens it ("from 04:40 on Tuesday
 * until 20:10 on Thursday", where the dates alone begin at "Tuesday"), or null when the dates
 * bound no period. "Between 04:35 on 17 April and 20:15 on 19 April, the monitors recorded
 * 2,340 impacts" is a period too, read as "from ... until ...", when each end has a clock time:
 * then it says when the event began and ended, not the days a count was made in. `text` is the
 * period's words as written, from its opening time.
 */
function periodWords(sentence: string, d: DateFacet): { read: string | null; text: string } {
  const at = facetAt(sentence, d);
  const lead =
    at < 0
      ? null
      : /\b(from|between)\s+((?:[\p{L}\d:.,]+\s+){0,4})$/iu.exec(
          sentence.slice(Math.max(0, at - 40), at),
        );
  const text = lead ? lead[2] + d.text : d.text;
  if (lead && lead[1]!.toLowerCase() === 'between') {
    const read = `from ${lead[2]}${d.text.replace(/\sand\s/i, ' until ')}`;
    const join = SPAN_WORD.exec(read);
    if (!join) return { read: null, text };
    const times = timesOfDay(read).filter((t) => /\d/.test(t.text));
    const timed = times.some((t) => t.at < join.index) && times.some((t) => t.at > join.index);
    return { read: timed ? read : null, text };
  }
  if (!SPAN_WORD.test(d.text)) return { read: null, text };
  return { read: lead ? `from ${text}` : text, text };
}

/**
 * "Began shelling ... before dawn on Tuesday" / "the bombardment lasted from 04:40 on Tuesday
 * until 20:10 on Thursday": the day one side says the event began is the first day of the
 * other's period, at times that can meet. That is the same start, an agreement, where a day
 * inside a period is otherwise neither agreement nor conflict.
 */
function spanStartSignals(
  view: StatementView,
  dates: DateFacet[],
  other: StatementView,
  otherDates: DateFacet[],
  flip: boolean,
  out: LinkSignal[],
): void {
  if (dates.length !== 1 || out.some((s) => s.kind.startsWith('DATE_'))) return;
  const d = dates[0]!;
  // Extraction reads whether a statement dates its event's start (frames.ts, phaseOf).
  if (d.precision !== 'day' || d.start !== d.end || view.facets.frame?.phase !== 'start') return;
  const spans = otherDates.filter(
    (x) => x.precision === 'day' && x.end !== OPEN_END && x.end > x.start && x.start === d.start,
  );
  if (spans.length !== 1) return;
  const span = periodWords(other.text, spans[0]!);
  if (span.read === null) return;
  const mine = timesOfDay(view.text);
  const join = SPAN_WORD.exec(span.read)!.index;
  const first = timesOfDay(span.read).find((t) => t.at < join);
  if (mine.length > 1 || (mine.length === 1 && first && !timesMeet(mine[0]!, first))) return;
  out.push({
    kind: 'DATE_AGREEMENT',
    detail: `The same start: ${d.text} is when ${span.text} begins.`,
    left: flip ? span.text : d.text,
    right: flip ? d.text : span.text,
    weight: 0.4,
  });
}

/** Largest relative gap at which two bounds the same way still agree on a length. */
const SAME_WAY_BOUND_GAP = 0.34;

function sameWayBounds(
  l: { lo: number; hi: number; bound: boolean },
  r: { lo: number; hi: number; bound: boolean },
): boolean {
  return l.bound && r.bound && (l.hi === Infinity) === (r.hi === Infinity);
}

function durationSignals(
  ls: DurationFacet[],
  rs: DurationFacet[],
  la: Analysis,
  ra: Analysis,
  aligned: boolean,
  out: LinkSignal[],
): void {
  if (ls.length !== 1 || rs.length !== 1) {
    if (ls.length === 0 || rs.length === 0) return;
  }
  for (const l of ls) {
    let best: DurationFacet | null = null;
    let bestGap = Infinity;
    for (const r of rs) {
      const gap = Math.abs(l.seconds - r.seconds) / Math.max(l.seconds, r.seconds, 1);
      if (gap < bestGap) {
        bestGap = gap;
        best = r;
      }
    }
    if (!best) continue;
    // "More than two hours" and "2 hours and 23 minutes" agree; "within 90 minutes" and
    // "2 hours and 23 minutes" do not: a bound agrees with any length inside it.
    const lr = lengthRange(la.text, l);
    const rr = lengthRange(ra.text, best);
    const agree =
      lr.bound || rr.bound ? lr.lo <= rr.hi && rr.lo <= lr.hi : bestGap <= DURATION_TOLERANCE;
    // Two bounds the same way ("more than three and a half hours" / "more than three weeks")
    // both hold of any longer length: they agree on a length only when they are near.
    if (agree && sameWayBounds(lr, rr) && bestGap > SAME_WAY_BOUND_GAP) continue;
    if (!agree && !aligned) continue;
    // Different lengths conflict only when both measure how long an event lasted: "remained
    // unfulfilled for three years" and "stopped after about 24 hours" measure two things. So
    // does a bound that holds any length ("more than 40 hours" / "for six years").
    if ((!agree || lr.bound || rr.bound) && !comparableLengths(la, l, ra, best)) continue;
    out.push({
      kind: agree ? 'DURATION_AGREEMENT' : 'DURATION_MISMATCH',
      detail: agree
        ? `Same length of time: ${l.text} vs ${best.text}.`
        : `Different lengths of time: ${l.text} vs ${best.text}.`,
      left: l.text,
      right: best.text,
      weight: agree ? 0.4 : 0.8,
    });
  }
}

// ---------------------------------------------------------------- actors

/** A side's name without the endings its name and adjective differ by. */
function sideStem(country: string): string {
  return country.toLowerCase().replace(/(?:ians?|ia|ic|an|a)$/, '');
}

/** Deeds done by both sides at once: "traded fire", "exchanged fire", "clashed", "fought each other". */
const RECIPROCAL =
  /\b(?:(?:trad|exchang)(?:e|es|ed|ing)\s+(?:fire|shots|artillery\s+fire|blows|strikes)|clash(?:ed|es)?\s+(?:with|near|in|on|along|over)|each\s+other|one\s+another)\b/i;

/** Whether the token at `at` heads a "by" phrase: "by Aravian fire", "by a Kesh mine". */
function insideBy(a: Analysis, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) if (a.tokens[i]!.lower === 'by') return true;
  return false;
}

/**
 * The statement's actors without its speaker: in "Varnia's Defence Ministry said its air
 * defences shot down six drones" the ministry says, the air defences do.
 */
function doers(v: StatementView): ActorFacet[] {
  const speaker = v.facets.attribution?.speaker;
  if (!speaker) return v.facets.actors;
  return v.facets.actors.filter((a) => a.role !== 'agent' || !speaker.includes(a.text));
}

/** Verbs of beginning, going on and ending, whose deed is their complement. */
const ASPECTUAL =
  /^(?:begin|begins|began|begun|beginning|start|starts|started|starting|continu\w*|resum\w*|end|ends|ended|ending|stop|stops|stopped|finish\w*)$/;

/** A possessive ending: "the ferry's", "Vesk’s". */
const POSSESSIVE = /['’]s$/;

function actorSignals(
  ls: ActorFacet[],
  rs: ActorFacet[],
  la: Analysis,
  ra: Analysis,
  al: Alignment,
  out: LinkSignal[],
): void {
  const lAgents = ls.filter((a) => a.role === 'agent');
  const rAgents = rs.filter((a) => a.role === 'agent');
  if (lAgents.length === 0 || rAgents.length === 0) return;
  // "Aravia and Kesh traded fire": an exchange has two doers, so its named doer is no one's
  // alone and another doer of the same fire is no swap.
  if (RECIPROCAL.test(la.text) || RECIPROCAL.test(ra.text)) return;
  // Actors overlap when they share a word ("Kestrian units" / "the Kestrian ministry") or a
  // country: a different unit of the same side is not a swap.
  // "Kesh armed forces" and "Aravian forces" share only the word for fighters: two sides.
  const words = (a: ActorFacet) => {
    const all = a.key.split(/\s+/);
    const own = all.filter((w) => !GROUP_NOUNS.has(w) && w !== 'armed');
    return own.length > 0 ? own : all;
  };
  const rWords = new Set(rAgents.flatMap(words));
  const rCountries = new Set(rAgents.map((a) => a.country).filter(Boolean));
  // "Azerbaijan" and "Azerbaijani troops" are one party.
  const party = (a: ActorFacet) => wordKey(partyKey(a));
  const rParties = new Set(rAgents.map(party));
  for (const a of lAgents) {
    if (words(a).some((w) => rWords.has(w))) return;
    if (a.country && rCountries.has(a.country)) return;
    // "Vorlund's army" (vorlund) and "Vorlundian forces" (vorlundia): one side.
    if (a.country && [...rCountries].some((c) => sideStem(c!) === sideStem(a.country!))) return;
    if ([...rParties].some((p) => nameOrAdjective(p, party(a)))) return;
  }
  const actorWords = new Set<string>();
  for (const a of [...ls, ...rs]) for (const w of a.key.split(/\s+/)) actorWords.add(w);
  // The predicate: a shared word next to the agent on both sides ("planted by X" / "Y
  // planted"), so two agents of different verbs in long sentences do not count.
  const lAt = lAgents.map((a) => facetToken(la, a));
  const rAt = rAgents.map((a) => facetToken(ra, a));
  for (const k of predicateKeys(la, ra, al)) {
    const tl = la.keyToken.get(k)!;
    const tr = ra.keyToken.get(k)!;
    if (actorWords.has(tl.lower) || actorWords.has(tr.lower)) continue;
    // "The ferry's AIS track": a possessive names whose thing, not a deed.
    if (POSSESSIVE.test(tl.surface) || POSSESSIVE.test(tr.surface)) continue;
    // "killed by Aravian fire": a noun inside the "by" phrase is how the deed was done, not
    // the deed; "Kesh forces opened fire" and "no one was killed by Aravian fire" can both hold.
    if (insideBy(la, tl.i) || insideBy(ra, tr.i)) continue;
    // "Observers will begin monitoring" / "Prastia began an offensive": a verb of beginning or
    // ending names no deed; what began does.
    if (ASPECTUAL.test(tl.lower) || ASPECTUAL.test(tr.lower)) continue;
    const li = lAt.findIndex((at) => at >= 0 && Math.abs(at - tl.i) <= ACTOR_WINDOW);
    const ri = rAt.findIndex((at) => at >= 0 && Math.abs(at - tr.i) <= ACTOR_WINDOW);
    if (li < 0 || ri < 0) continue;
    const l = lAgents[li];
    const r = rAgents[ri];
    out.push({
      kind: 'ACTOR_SWAP',
      detail: `Different actor for "${tl.surface}"/"${tr.surface}": ${l.text} vs ${r.text}.`,
      left: l.text,
      right: r.text,
      weight: 0.8,
    });
    return;
  }
  // Roles reversed in one kind of event, worded apart: "Valdish forces shelled Ostavian
  // positions" / "Ostavian troops opened fire on Valdish positions". Each side's doer is the
  // other side's target, which two unrelated events of one class rarely share.
  // Only sides named as such ("Armenian forces", "Azerbaijan"): a town or a person tagged as a
  // doer is too often a misreading.
  if (!sharesEventClass(la, ra)) return;
  const sides = (xs: ActorFacet[], agent: boolean) =>
    xs.filter((a) => !!a.country && (a.role === 'agent') === agent);
  const lOthers = new Set(sides(ls, false).map(party));
  const rOthers = new Set(sides(rs, false).map(party));
  const l = sides(ls, true).find((a) => rOthers.has(party(a)));
  const r = sides(rs, true).find((a) => lOthers.has(party(a)));
  if (!l || !r) return;
  out.push({
    kind: 'ACTOR_SWAP',
    detail: `Roles reversed: "${l.text}" act against the other side in one statement, "${r.text}" in the other.`,
    left: l.text,
    right: r.text,
    weight: 0.8,
  });
}

// ---------------------------------------------------------------- negation and antonyms

/** A word in -ly that may be an adverb of manner or degree ("seriously", "fully"). */
const MANNER_ADVERB = /^[a-z]{3,}ly$/;
/** Words in -ly that are no adverbs. */
const NOT_ADVERB = new Set([
  'family',
  'supply',
  'assembly',
  'rally',
  'ally',
  'reply',
  'anomaly',
  'monopoly',
  'only',
  'early',
  'daily',
  'weekly',
  'monthly',
  'friendly',
  'elderly',
  'deadly',
]);

/** Looks right of a negation cue for the word it negates (skipping function words). */
function negatedWord(a: Analysis, negAt: number): Token | null {
  let name: Token | null = null;
  // "At no point was it necessary to abandon the ship", "there was no need to": the deed after
  // the inverted adverbial or the need is what is negated.
  let from = negAt + 1;
  if (
    /^(?:no|never)$/.test(a.tokens[negAt]?.lower ?? '') &&
    /^(?:point|time|stage|moment)$/.test(a.tokens[from]?.lower ?? '')
  )
    from++;
  for (let i = from; i < a.tokens.length && i <= from + 3 + (from - negAt - 1) * 3; i++) {
    const t = a.tokens[i];
    if (!t.content) continue;
    if (NEED_WORD.test(t.lower) && a.tokens[i + 1]?.lower === 'to') continue;
    // "was not seriously damaged" negates the damage: a manner adverb before a content word
    // is how, not what ("seriously hurt" said of people is no answer to it).
    if (MANNER_ADVERB.test(t.lower) && !NOT_ADVERB.has(t.lower) && a.tokens[i + 1]?.content)
      continue;
    // "no Armenian armed forces" negates the forces, not Armenia: a name before the negated
    // word only says whose they are.
    if (/^\p{Lu}/u.test(t.surface)) {
      name ??= t;
      continue;
    }
    return t;
  }
  return name;
}

/** A need before "to" and its verb: "necessary to abandon", "no need to evacuate". */
const NEED_WORD = /^(?:necessary|need|needed|required|obliged|forced|possible)$/;

/**
 * "no troops" against "the deployment of Kestria's armed forces": a word of the same event class
 * on the other side, when both name the same party (a shared name), stands for the negated one.
 */
function sameClassWord(neg: Analysis, other: Analysis, target: Token): Token | null {
  // "did not fire on the plant" is an attack denied ("fire" alone is as often a blaze).
  const aimed =
    /^(?:fire|fired|firing)$/.test(target.lower) &&
    /^(?:on|at|upon)$/.test(neg.tokens[target.i + 1]?.lower ?? '');
  const cls = wordClass(target.lower) ?? (aimed ? 'military_action' : null);
  if (!cls) return null;
  const named = (a: Analysis, b: Analysis) => [...a.names].some((k) => b.keys.has(k));
  if (!named(neg, other) && !named(other, neg)) return null;
  for (const t of other.tokens)
    if (t.content && wordClass(t.lower) === cls && !otherParty(other, t.i, neg)) return t;
  return null;
}

/**
 * Whether the word at `at` is said of a party the negating side does not name: "no Armenian
 * troops" says nothing of "the Azerbaijani armed forces".
 */
function otherParty(a: Analysis, at: number, neg: Analysis): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const t = a.tokens[i];
    if (!t.content || !/^\p{Lu}/u.test(t.surface)) continue;
    // "the armed forces of Doria shelled" is said of the party "Dorian forces" names.
    const party = partyWord(t.lower);
    return (
      !neg.keys.has(t.key) &&
      !neg.tokens.some((n) => capital(n) && nameOrAdjective(partyWord(n.lower), party))
    );
  }
  return false;
}

/** Words after "only" that limit something else than what is named: "only after", "only 32". */
const ONLY_NOT_OBJECT =
  /^(?:after|when|if|once|then|to|a|an|the|one|because|since|until|by|in|on|at|for|with|partly|partially)$/;
/** Where an object phrase ends: a preposition that opens a modifier, or a clause word. */
const OBJECT_END = /^(?:for|to|from|in|on|at|near|into|by|with|and|but|while|which|that|who)$/;
const EXCLUSION_REACH = 6;

/** Content tokens of the phrase that starts at `from`, up to a clause mark or a preposition. */
function objectPhrase(a: Analysis, from: number, allowAnd: boolean): Token[] {
  const out: Token[] = [];
  for (let i = from; i < a.tokens.length && i < from + EXCLUSION_REACH; i++) {
    const t = a.tokens[i]!;
    if (i > from && /[,.;:]/.test(a.text.slice(a.tokens[i - 1]!.end, t.start))) break;
    if (t.lower === 'and' && allowAnd) continue;
    if (OBJECT_END.test(t.lower)) break;
    if (t.content) out.push(t);
  }
  return out;
}

/**
 * "The convoy carried only food and medicine" / "the convoy was carrying ammunition": one side
 * says what the predicate's object was and that it was all; the other names another object, of
 * no kind WordNet relates to the first ("flour" is a kind of food, so it agrees).
 */
function exclusionSignals(la: Analysis, ra: Analysis, al: Alignment, out: LinkSignal[]): void {
  const shared = new Set(al.shared);
  const sides: [Analysis, Analysis, boolean][] = [
    [la, ra, false],
    [ra, la, true],
  ];
  for (const [x, y, flip] of sides) {
    for (const only of x.tokens) {
      if (only.lower !== 'only' || only.i === 0) continue;
      const pred = x.tokens[only.i - 1]!;
      const next = x.tokens[only.i + 1];
      if (!pred.content || !shared.has(pred.key) || x.names.has(pred.key)) continue;
      if (!next || ONLY_NOT_OBJECT.test(next.lower) || /^\d/.test(next.lower)) continue;
      const listed = objectPhrase(x, only.i + 1, true);
      const other = y.keyToken.get(pred.key);
      if (listed.length === 0 || !other || negatedNear(y, other.i)) continue;
      const named = objectPhrase(y, other.i + 1, false);
      if (named.length === 0) continue;
      const keys = new Set(listed.map((t) => t.key));
      if (named.some((t) => keys.has(t.key))) continue;
      const wn = wordNet();
      const kin = (t: Token) =>
        listed.some((l) => {
          const r = wn.relation(t.lower, l.lower);
          return r === 'same' || r === 'narrower' || r === 'broader';
        });
      if (named.some(kin)) continue;
      const mine = x.text.slice(only.start, listed[listed.length - 1]!.end);
      const theirs = y.text.slice(other.start, named[named.length - 1]!.end);
      out.push({
        kind: 'EXCLUSION',
        detail: `One side says it was only "${mine.replace(/^only\s+/i, '')}"; the other names "${theirs}".`,
        left: flip ? theirs : mine,
        right: flip ? mine : theirs,
        weight: 0.8,
      });
      return;
    }
  }
}

/** "Only military infrastructure was targeted", "struck only military targets": what a side says was hit, and nothing else. */
const ONLY_TARGETS = [
  /(?:^|[,;:]\s*)(?:but\s+)?only\s+((?:[\p{L}’'-]+\s+){1,8}?)(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:hit|struck|shelled|bombed|attacked|targeted|raided|destroyed|damaged|neutrali[sz]ed|eliminated)\b/iu,
  /\b(?:hit|struck|shelled|bombed|attacked|targeted|raided|destroyed|neutrali[sz]ed)\s+only\s+((?:[\p{L}’'-]+\s*){1,5})/iu,
  // "Strikes hit military targets alone", "targeted exclusively military sites".
  /\b(?:hit|struck|shelled|bombed|attacked|targeted|raided|destroyed|neutrali[sz]ed)\s+((?:[\p{L}’'-]+\s+){1,4}?)alone\b/iu,
  /\b(?:hit|struck|shelled|bombed|attacked|targeted|raided|destroyed|neutrali[sz]ed)\s+(?:exclusively|solely)\s+((?:[\p{L}’'-]+\s*){1,5})/iu,
  // "Strikes were delivered exclusively at military installations", "aimed solely against".
  /\b(?:delivered|directed|aimed|launched|carried\s+out)\s+(?:exclusively|solely|only)\s+(?:at|against|on)\s+((?:[\p{L}’'-]+\s*){1,5})/iu,
];
/** Words of a target phrase that make it military: "Belkan positions", "an ammunition depot". */
const MILITARY_TARGET =
  /\b(?:military|positions?|posts?|bases?|depots?|barracks|command|headquarters|checkpoints?|trenches|bunkers?|tanks?|launchers?|artillery|weapons?|ammunition|troops|fighters|militants|firing\s+points?|armou?red|airfields?|units?|formations?)\b/i;
/** Words of a target phrase that make it civilian: a hospital, a village, homes. */
const CIVILIAN_TARGET =
  /\b(?:hospitals?|clinics?|schools?|kindergartens?|colleges?|dormitor(?:y|ies)|markets?|villages?|towns?|city|cities|homes?|houses?|residential|churches|church|mosques?|shelters?|apartments?|neighbou?rhoods?|civilians?|aid|convoys?|bakery|bakeries|wedding)\b/i;

/** Words for a whole military operation rather than one strike in it. */
const OPERATION_WORD =
  /\b(?:operation|offensive|measures|assault|fighting|hostilities|aggression|incursion|invasion|campaign|war|counter-?terror\w*|anti-?terror\w*)\b/i;

/**
 * A civilian building or convoy, which one account of an operation can name and another leave
 * out; a town or a city is where the whole operation went on.
 */
const FACILITY_TARGET =
  /\b(?:hospitals?|clinics?|schools?|kindergartens?|colleges?|dormitor(?:y|ies)|markets?|homes?|houses?|churches|church|mosques?|shelters?|apartments?|convoys?|bakery|bakeries|wedding|station|plant)\b/i;

/** The "only ... targeted" phrase of a statement (every candidate pair asks). */
const onlyTargets = textMemo((text) =>
  /\b(?:only|alone|exclusively|solely)\b/i.test(text)
    ? (ONLY_TARGETS.map((re) => re.exec(text)).find((r) => r !== null) ?? null)
    : null,
);

/**
 * One side says only military targets were hit, the other names a civilian one ("Only military
 * infrastructure was targeted" / "Marn hospital was struck by artillery", "have been shelling
 * Marn and villages across Belka"): an exclusion, though the two share no word.
 */
function targetExclusion(la: Analysis, ra: Analysis, out: LinkSignal[]): void {
  for (const [x, y, flip] of [
    [la, ra, false],
    [ra, la, true],
  ] as const) {
    // "Not a single round fell on inhabited areas": no strike on anything civilian, as "only
    // military targets were hit" says.
    const none = NONE_ON_CIVILIAN.exec(x.text);
    const m = onlyTargets(x.text) ?? none;
    if (!m || !(none ? true : MILITARY_ONLY.test(m[1]!))) continue;
    if ((!none && negatesTargets(x)) || !classesOf(y).has('military_action')) continue;
    const t =
      TARGET_PASSIVE.exec(y.text) ??
      TARGET_AFTER_NOUN.exec(y.text) ??
      TARGET_AFTER_VERB.exec(y.text) ??
      LANDED_IN.exec(y.text);
    const phrase = t?.[1]?.trim();
    if (!phrase || MILITARY_TARGET.test(phrase) || !CIVILIAN_TARGET.test(phrase)) continue;
    const mine = m[0].replace(/^[,;:]\s*/, '').trim();
    const theirs = phrase.replace(
      /\s+(?:since|on|at|by|from|during|after|before|until|in|shortly|early|late|overnight|killing|wounding|injuring)\b.*$/i,
      '',
    );
    out.push({
      kind: 'EXCLUSION',
      detail: `One side says only military targets were hit ("${mine}"); the other names "${theirs}".`,
      left: flip ? theirs : mine,
      right: flip ? mine : theirs,
      weight: 0.8,
    });
    return;
  }
}

/**
 * One side says only military targets were hit, the other counts civilians killed or hurt
 * ("Only legitimate military targets were neutralised" / "16 civilians have been killed"): the
 * toll bears on the claim without contradicting it (civilians may die beside a military
 * target), so the two discuss one thing though they share no word (CIVILIAN_TOLL).
 */
function civilianToll(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  out: LinkSignal[],
): void {
  for (const [x, yv, flip] of [
    [la, right, false],
    [ra, left, true],
  ] as const) {
    const m = onlyTargets(x.text);
    if (!m || !MILITARY_ONLY.test(m[1]!) || negatesTargets(x)) continue;
    const toll = yv.facets.quantities.find(civilianHarmCount);
    if (!toll) continue;
    const mine = m[0].replace(/^[,;:]\s*/, '').trim();
    out.push({
      kind: 'CIVILIAN_TOLL',
      detail: `One side says only military targets were hit ("${mine}"); the other counts civilians harmed ("${toll.text}").`,
      left: flip ? toll.text : mine,
      right: flip ? mine : toll.text,
      weight: 0.5,
    });
    return;
  }
}
/** What an "only ..." target phrase calls military in the words of either side. */
/** "Not a single round fell on inhabited areas", "no shell hit a residential building". */
const NONE_ON_CIVILIAN =
  /\b(?:not\s+(?:a\s+)?single|no|not\s+one)\s+(?:[\p{L}-]+\s+)?(?:rounds?|shells?|rockets?|missiles?|bombs?|strikes?|projectiles?)\s+(?:fell|landed|hit|struck|was\s+fired)\s+(?:on|in|at|into)?\s*((?:inhabited|residential|populated|civilian)\s+[\p{L}-]+)/iu;
/** Where shells came down: "eleven mortar rounds landed in the village of Dalry". */
const LANDED_IN =
  /\b(?:landed|fell|exploded|came\s+down)\s+(?:in|on|near|inside)\s+((?:[\p{L}’'-]+\s*){1,8})/iu;
const MILITARY_ONLY =
  /\b(?:military|terrorist|militant|legitimate|armed\s+(?:formations?|groups?|units?)|fighters|combatants)\b/i;

/**
 * A negation other than one that says no civilian was hit ("while no civilian facility came
 * under fire" adds to an exclusion; "not only military targets" undoes it).
 */
function negatesTargets(a: Analysis): boolean {
  return a.negations.some((n) => {
    // "no civilians", "not a single civilian", "not one civilian" negate harm, not the targets,
    // and so does "the civilian population was not affected".
    let i = n.at + 1;
    while (/^(?:a|single|one|any)$/.test(a.tokens[i]?.lower ?? '')) i++;
    if (/^civil/.test(a.tokens[i]?.lower ?? '')) return false;
    // ("the civilian population of the enclave was not affected": six words back).
    const before = a.tokens.slice(Math.max(0, n.at - 6), n.at);
    return !before.some((t) => /^(?:civil|residents?$|population$)/.test(t.lower));
  });
}

/** Negations that negate the word they stand before, not a verb after it. */
const NOUN_NEGATION = /^(?:no|without)$/i;

function negatedNear(a: Analysis, at: number): boolean {
  return a.negations.some(
    (n) =>
      n.at < at &&
      at - n.at <= 4 &&
      // "people without tickets forced open the gate": "without" and "no" negate the word they
      // stand before, not the verb after it.
      (!NOUN_NEGATION.test(n.text) || negatedWord(a, n.at)?.i === at),
  );
}

/**
 * Whether `other` negates a word that `denier` denies: "found no evidence that the granary was
 * used as a depot" / "the granary was never used as a depot". Denying P and stating not-P agree.
 */
export function negatesDenied(denier: Analysis, other: Analysis): boolean {
  if (!denier.denial) return false;
  for (const n of other.negations) {
    const w = negatedWord(other, n.at);
    if (!w) continue;
    const mine = denier.keyToken.get(w.key);
    // "The claim that no civilians were harmed is a lie" denies a negation: the other side's
    // "no civilian was harmed" is what it denies, not an agreement with it.
    if (mine && deniedAt(denier, mine.i) && !negatedNear(denier, mine.i)) return true;
  }
  return false;
}

/** Opens a claim a writer goes on to call false: "the company's claim that", "reports that". */
const CLAIM_NOUN = '(?:claims?|reports?|allegations?|assertions?|suggestions?|statements?)';
const CLAIM_THAT = new RegExp(`^${CLAIM_NOUN}$`);
/** Before a word of such a claim in running text: "Karven's claim that a ceasefire took ...". */
const CLAIMED_BEFORE = new RegExp(String.raw`\b${CLAIM_NOUN}\s+that\b[^.;:]*$`, 'i');

/**
 * Whether the negation at `negAt` sits inside a claim the statement calls false: "The company's
 * claim that the fog came down without warning is also false: ...". The writer rejects the
 * negation, so it asserts the opposite.
 */
export function inRefutedClaim(a: Analysis, negAt: number): boolean {
  if (!a.refutations.some((c) => c.at > negAt)) return false;
  for (let i = negAt - 1; i >= Math.max(0, negAt - 12); i--) {
    const w = a.tokens[i]!.lower;
    if (w === 'that' && CLAIM_THAT.test(a.tokens[i - 1]?.lower ?? '')) return true;
    if (/^[;:.]$/.test(w)) return false;
  }
  return false;
}

/**
 * A statement calls false a claim with a negation ("the claim that the fog came down without
 * warning is false"), and the other states the negated thing ("a fog warning had been
 * broadcast"): both say the thing happened, so they agree.
 */
export function refutesNegation(denier: Analysis, other: Analysis): boolean {
  for (const n of denier.negations) {
    if (!inRefutedClaim(denier, n.at)) continue;
    const w = negatedWord(denier, n.at);
    const theirs = w ? other.keyToken.get(w.key) : undefined;
    if (theirs && !negatedNear(other, theirs.i)) return true;
  }
  return false;
}

/**
 * Whether the word at `at` sits inside the statement's denial ("found no evidence that Armenia
 * had troops there"): negating it on the other side ("has had no troops there") agrees.
 */
function deniedAt(a: Analysis, at: number): boolean {
  const d = a.denial;
  return (
    !!d &&
    d.at < at &&
    at <= rebuttalReach(a, d.at, DENIAL_WINDOW) &&
    !a.balancedReport &&
    !a.correction
  );
}

const AUXILIARY =
  /^(?:was|were|is|are|has|have|had|did|does|do|will|would|could|can|tried|managed)$/;
/** Predicates that say little beyond their subject: "no warning was given". */
const LIGHT_PREDICATE =
  /^(?:given|made|issued|reported|found|seen|recorded|observed|heard|received|sent)$/;

/**
 * "No coast guard vessel tried to tow the boat": "no" negates a subject, and what is denied of
 * it is the predicate. The other side must say something of the predicate ("tried to tow"),
 * not only name the subject ("coast guard vessels rescued 104 people"). Subjects of a light
 * predicate ("no warning was given") stand for the whole, and so do negations with no verb
 * after them.
 */
function subjectPredicateShared(neg: Analysis, target: Token, other: Analysis): boolean {
  const deed = predicateShared(neg, target, other);
  return (
    deed === null || (deed.shared.length >= Math.min(2, deed.size) && deed.shared.some(plainWord))
  );
}

/** A word that is neither a name nor a figure: "present in Istra since 2042" shares no deed. */
const plainWord = (t: Token) => t.content && !capital(t) && !/^\d/.test(t.key);

/** The content words of what "no X" is said to do: "No vessel has been used to carry weapons". */
function predicateOf(neg: Analysis, target: Token): Token[] | null {
  const ts = neg.tokens;
  let verb = -1;
  for (let i = target.i + 1; i < Math.min(ts.length, target.i + 5); i++)
    if (AUXILIARY.test(ts[i]!.lower) || (/ed$/.test(ts[i]!.lower) && ts[i]!.content)) {
      verb = i;
      break;
    }
  if (verb < 0) return null;
  // "No Kesh servicemen were killed by Aravian fire": what is denied is the killing; the agent
  // after "by" says who did it, and sharing only the agent ("Kesh opened fire on Aravian
  // posts") is no answer to the denial.
  // The clause ends at a colon, semicolon or comma ("No gate was forced: at 14:47 our officer
  // opened it"), and "at any point" says when, not what.
  let window = ts.slice(verb, verb + 8);
  const stop = window.findIndex(
    (t, k) => k + 1 < window.length && /[:;,.]/.test(neg.text.slice(t.end, window[k + 1]!.start)),
  );
  if (stop >= 0) window = window.slice(0, stop + 1);
  const by = window.findIndex((t, k) => k > 0 && t.lower === 'by');
  const predicate = (by > 0 ? window.slice(0, by) : window).filter(
    (t, k, all) =>
      t.content &&
      !AUXILIARY.test(t.lower) &&
      t.lower !== 'been' &&
      !(all[k - 1]?.lower === 'any' && /^(?:point|time|stage|moment)$/.test(t.lower)),
  );
  if (predicate.length === 0 || LIGHT_PREDICATE.test(predicate[0]!.lower)) return null;
  return predicate;
}

/**
 * The other side's tokens for the predicate's words (its own words or a word of their event
 * class) and the predicate's size, or null when the negation has no predicate to compare (the
 * subject stands for all).
 * Two words must be shared when there are two: "carry" alone does not make "1,004 vessels
 * carrying food" the ships that carried no weapons.
 */
function predicateShared(
  neg: Analysis,
  target: Token,
  other: Analysis,
): { shared: Token[]; size: number } | null {
  const predicate = predicateOf(neg, target);
  if (!predicate) return null;
  const out: Token[] = [];
  for (const t of predicate) {
    const cls = wordClass(t.lower);
    const hit =
      other.keyToken.get(t.key) ??
      (cls !== null
        ? other.tokens.find((o) => o.content && wordClass(o.lower) === cls)
        : undefined);
    if (hit) out.push(hit);
  }
  return { shared: out, size: predicate.length };
}

/**
 * "No Sarnian vessel has been used to carry weapons" / "Sarnia used the corridor for the
 * transport of weapons": the subject's owner is the other side's name and two words of the
 * predicate are there, so the negation answers it though "vessel" is not.
 */
function namedSubjectPredicate(
  neg: Analysis,
  at: number,
  target: Token,
  other: Analysis,
): Token | null {
  if (neg.tokens[at]!.lower !== 'no') return null;
  const owner = neg.tokens
    .slice(at + 1, target.i)
    .find((t) => t.content && /^\p{Lu}/u.test(t.surface));
  if (!owner) return null;
  const name = partyWord(owner.lower);
  // Also a name that opens the other sentence ("Sarnia used ..."), which `names` leaves out.
  const named = other.tokens.some(
    (t) => capital(t) && nameOrAdjective(partyWord(nameKey(t)), name),
  );
  if (!named) return null;
  const deed = predicateShared(neg, target, other);
  return deed && deed.shared.length >= 2 && deed.shared.some(plainWord) ? deed.shared[0]! : null;
}

/** Who began: "opened fire", "fired first", "started the clash", "provoked". */
const STARTED =
  /\b(?:open(?:ed|s|ing)?\s+fire|first|start(?:ed|s|ing)?|began|begin|initiat\w*|provok\w*|provocation)\b/i;

/** Verbs that say little beyond their object: "did not use tear gas" negates the tear gas. */
const LIGHT_VERB = /^(?:use|used|using|employ|employed|carry|carried|possess|possessed|have|had)$/;

const RESTRICTIVE = /^(?:who|that)$/;

/**
 * Both sides date their deed, on days that do not meet: "did not attack the post on Saturday
 * night" denies another deed than "pounded the enclave from Tuesday until Thursday".
 */
function deedsOnOtherDays(ld: DateFacet[], rd: DateFacet[]): boolean {
  const days = (ds: DateFacet[]) => ds.filter((d) => d.precision === 'day' && d.end !== OPEN_END);
  const l = days(ld);
  const r = days(rd);
  return l.length > 0 && r.length > 0 && l.every((x) => r.every((y) => !overlaps(x, y)));
}

function negationSignals(neg: Analysis, other: Analysis, flip: boolean, out: LinkSignal[]): void {
  for (const n of neg.negations) {
    // "the 175 children who did not fall ill": a clause that picks out a group, not a deed
    // denied.
    const w1 = neg.tokens[n.at - 1]?.lower ?? '';
    const w2 = neg.tokens[n.at - 2]?.lower ?? '';
    // ("said that no warning was given" negates: "that" there opens what was said.)
    if (w1 === 'who' || (RESTRICTIVE.test(w2) && AUXILIARY.test(w1))) continue;
    // A negation in a claim the writer calls false is rejected, not asserted.
    if (inRefutedClaim(neg, n.at)) continue;
    let target = negatedWord(neg, n.at);
    let objectEnd = -1;
    // "did not use tear gas": a light verb's object is what is negated.
    if (target && LIGHT_VERB.test(target.lower) && !other.keyToken.has(target.key)) {
      const object = neg.tokens.slice(target.i + 1, target.i + 4).find((t) => t.content);
      if (object) {
        target = object;
        // The span shows the whole object: "not use tear gas".
        if (neg.tokens[object.i + 1]?.content) objectEnd = neg.tokens[object.i + 1]!.end;
      }
    }
    // Figures are compared by the quantity signals ("three, not five").
    if (!target || /^\d/.test(target.key)) continue;
    // "Many families had none left": nothing remaining, not that no one left.
    if (target.lower === 'left' && /^(?:none|nothing)$/.test(neg.tokens[n.at]!.lower)) continue;
    // "Kesh units did not fire first": what is denied is who began, which only a statement
    // of who opened fire or started it answers ("traded fire" does not).
    if (neg.tokens[target.i + 1]?.lower === 'first' && !STARTED.test(other.text)) continue;
    const kind = kindNamed(neg, target, other);
    if (n.text.toLowerCase() === 'no' && !kind && !subjectPredicateShared(neg, target, other))
      continue;
    // "no stop, no loitering", "No state may stop ...": "no" before a noun negates that thing,
    // which only the same noun or a thing of its kind on the other side answers ("the signal
    // stopped" and "saying" do not; "tear gas" answers "no special means").
    const determiner = n.text.toLowerCase() === 'no' && target.i === n.at + 1;
    const same = other.keyToken.get(target.key);
    const sameForm =
      same && (!determiner || /(?:ed|ing)$/.test(same.lower) === /(?:ed|ing)$/.test(target.lower))
        ? same
        : null;
    const match =
      sameForm ??
      sameClassWord(neg, other, target) ??
      kind?.[0] ??
      (determiner ? null : namedSubjectPredicate(neg, n.at, target, other));
    if (!match || negatedNear(other, match.i) || deniedAt(other, match.i)) continue;
    // "did not fire on the Pardey border post" is answered by a deed done to that post, not by
    // an operation in the district or "firing positions" hit elsewhere.
    if (!objectNear(neg, target, other, match)) continue;
    // "no sign of the explosions that a strike on a weapons depot would cause": far after a
    // denial, still inside it.
    if (
      other.denial &&
      other.denial.at < match.i &&
      match.i <= rebuttalReach(other, other.denial.at, 30)
    )
      continue;
    // "didn't" is split into "did" + "n't": start the span at the auxiliary.
    const cue = neg.tokens[n.at];
    const startTok = cue.lower === "n't" && n.at > 0 ? neg.tokens[n.at - 1] : cue;
    // "No serious violations": the span runs to the general word a kind was matched to.
    const end = Math.max(
      kind && match === kind[0] ? Math.max(target.end, kind[1].end) : target.end,
      objectEnd,
    );
    const span = neg.text.slice(startTok.start, end);
    out.push({
      kind: 'NEGATION',
      detail: flip
        ? `The evidence negates what the claim asserts: "${match.surface}" vs "${span}".`
        : `The claim negates what the evidence asserts: "${span}" vs "${match.surface}".`,
      left: flip ? match.surface : span,
      right: flip ? span : match.surface,
      weight: 0.9,
    });
    return;
  }
}

/** How far from the other side's deed word the negated deed's object may stand. */
const OBJECT_REACH = 6;

/**
 * Whether the negated deed's object ("fire on the Pardey border post": Pardey, border, post)
 * is named within reach of the other side's deed word. A deed with no object passes.
 */
function objectNear(neg: Analysis, target: Token, other: Analysis, match: Token): boolean {
  const next = neg.tokens[target.i + 1];
  if (!next || !/^(?:on|at|upon)$/.test(next.lower)) return true;
  // "did not use firearms at any point": when, not what at.
  const after = neg.tokens[target.i + 2]?.lower ?? '';
  const then = neg.tokens[target.i + 3]?.lower ?? '';
  if (after === 'all' || (after === 'any' && /^(?:point|time|stage|moment)$/.test(then)))
    return true;
  const object: string[] = [];
  for (const t of neg.tokens.slice(target.i + 2, target.i + 7)) {
    if (/^(?:on|in|at|since|during|,|;|\.)$/.test(t.lower)) break;
    if (t.content && !/^\d/.test(t.key)) object.push(t.key);
  }
  if (object.length === 0) return true;
  const lo = Math.max(0, match.i - OBJECT_REACH);
  const hi = Math.min(other.tokens.length - 1, match.i + OBJECT_REACH);
  for (let i = lo; i <= hi; i++) if (object.includes(other.tokens[i]!.key)) return true;
  return false;
}

/**
 * The other side's word for a kind of what is negated, and the general word it is a kind of:
 * the negated word or the one after it ("no serious violations") against "ballot stuffing".
 */
function kindNamed(neg: Analysis, target: Token, other: Analysis): [Token, Token] | null {
  const next = neg.tokens.slice(target.i + 1).find((t) => t.content);
  for (const w of next && next.i <= target.i + 2 ? [target, next] : [target]) {
    const kinds = KINDS.find(([general]) => general.test(w.lower))?.[1];
    if (!kinds) continue;
    const hit = other.tokens.find((t) => t.content && kinds.test(t.lower));
    if (hit) return [hit, w];
  }
  return null;
}

/** Whether an aligned (shared, non-antonym) word sits within a few tokens of position `at`. */
function nearAligned(a: Analysis, at: number, shared: Set<string>, skip: string): boolean {
  const lo = Math.max(0, at - ANTONYM_WINDOW);
  const hi = Math.min(a.tokens.length - 1, at + ANTONYM_WINDOW);
  for (let i = lo; i <= hi; i++) {
    const t = a.tokens[i];
    if (i !== at && t.content && t.key !== skip && shared.has(t.key)) return true;
  }
  // "The Sorn road, our only link to the outside world, has been closed": the subject before
  // an aside between commas.
  const m = SUBJECT_BEFORE_ASIDE.exec(a.text.slice(0, a.tokens[at]!.start));
  if (!m) return false;
  const end = m.index + m[1]!.length;
  const subject = a.tokens.find((t) => t.end === end);
  return subject !== undefined && subject.key !== skip && shared.has(subject.key);
}
const SUBJECT_BEFORE_ASIDE =
  /([\p{L}-]+)\s*,[^,;.]{3,80},\s*(?:(?:has|have|had)\s+been|is|are|was|were|remains?|remained|stays?)\s+(?:\p{L}+ly\s+)?$/u;

/** "Armed forces", "an armed group": a name for who acts, not a word said of a person. */
const FIXED_AFTER: Record<string, RegExp> = {
  armed: /^(?:forces?|services|conflicts?|groups?|formations?|wing|units?|branch)$/,
  // "fired live ammunition", "a live broadcast": a kind of round or of coverage, not being alive.
  live: /^(?:ammunition|rounds?|fire|bullets?|shells?|ordnance|grenades?|broadcasts?|feeds?|coverage|footage|television|tv|stream|wires?|music)$/,
};

function fixedName(a: Analysis, i: number): boolean {
  const re = FIXED_AFTER[a.tokens[i]!.lower];
  const next = a.tokens[i + 1]?.lower;
  return !!re && next !== undefined && re.test(next);
}

const COPULA =
  /^(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|seemed|appeared)$/;

/** The noun a copular predicate is said of: "exits" in "all emergency exits were open". */
function copularSubject(a: Analysis, at: number): Token | null {
  let i = at - 1;
  // "were fully open", "were blocked by": one adverb may stand between.
  if (i >= 0 && /ly$/.test(a.tokens[i]!.lower)) i--;
  if (i < 0 || !COPULA.test(a.tokens[i]!.lower)) return null;
  i--;
  if (i >= 0 && /^(?:had|has|have|not|never|still|also)$/.test(a.tokens[i]!.lower)) i--;
  const t = a.tokens[i];
  return t && t.content && /^\p{L}/u.test(t.lower) ? t : null;
}

/**
 * Opposite states said of two different things: "all emergency exits were open" / "access roads
 * were blocked". Both predicates follow a copula, and neither subject noun is a word of the other
 * sentence.
 */
function otherSubjects(la: Analysis, li: number, ra: Analysis, ri: number): boolean {
  const ls = copularSubject(la, li);
  const rs = copularSubject(ra, ri);
  if (!ls || !rs || ls.key === rs.key) return false;
  return !ra.keys.has(ls.key) && !la.keys.has(rs.key);
}

/**
 * States that cannot both hold of one person, worded as phrases: on hunger strike or refusing
 * food against eating regularly; released against still held.
 */
const PHRASE_OPPOSITES: readonly (
  readonly [RegExp, RegExp] | readonly [RegExp, RegExp, 'said of']
)[] = [
  [
    /\bhunger[- ]strik\w*|\brefus\w*\s+(?:all\s+)?(?:food|to\s+eat|meals)\b/i,
    /\b(?:eats|eating|ate)\b(?!\s+(?:nothing|no\b))|\btak(?:es|ing)\s+(?:her|his|their)\s+meals\b/i,
  ],
  [
    /\b(?:was|were|has\s+been|have\s+been)\s+(?:released|freed|set\s+free)\b|\b(?:were|was)\s+(?:detained|arrested|held)\b[^.;]{0,60}?\band\s+(?:later\s+)?(?:released|freed)\b/i,
    /\bremains?\s+in\s+(?:custody|detention|prison|jail)\b|\bstill\s+(?:held|detained|in\s+(?:custody|detention|prison|jail))\b/i,
  ],
  // "Radiation levels rose" / "radiation levels remained normal": said of one thing (a shared
  // word just before each), a change against no change.
  [
    /\b(?:rose|risen|increased|spiked|jumped|soared|surged)\b/i,
    /\b(?:remained|stayed|were|was|are|is)\s+(?:normal|unchanged|stable|within\s+(?:normal\s+)?(?:limits|range|levels))\b/i,
    'said of',
  ],
  // "The water supply is safe and was not contaminated" / "tap water samples contained cholera
  // bacteria": clean against carrying a pathogen, said of one thing (a shared word before
  // each, further back: "tap water samples we took in four districts ... contained").
  [
    /\b(?:is|are|was|were|remains?|remained)\s+(?:safe|clean|uncontaminated|not\s+contaminated)\b/i,
    /\b(?:contain(?:ed|s)?|isolated\s+from|found\s+in|detected\s+in)\b[^.;]{0,40}?\b(?:bacteria|cholerae?|e\.\s*coli|pathogens?|viruse?s?|parasites?|toxins?|lead|arsenic)\b|\b(?:bacteria|cholerae?|pathogens?|viruse?s?|toxins?)\s+(?:was|were)\s+(?:isolated|found|detected)\s+(?:from|in)\b|\bwas\s+contaminated\b/i,
    'said of',
  ],
  // A working thing against a failed one, and sound against worn, said of one thing: "a fault
  // in a signalling relay at Uzdol" / "the signals at Uzdol were working normally"; "the track
  // was found in good condition" / "the rails on the curve were worn well beyond the limit".
  [
    /\b(?:fault(?:y|s)?|failed|failure|malfunction(?:ed|ing)?|broken\s+down|defective)\b/i,
    /\b(?:work(?:ing|ed)|function(?:ing|ed)|operat(?:ing|ed))\s+(?:normally|properly|correctly|as\s+(?:normal|designed|intended))\b/i,
    'said of',
  ],
  [
    /\b(?:in\s+good\s+(?:working\s+)?(?:order|condition|repair)|in\s+(?:sound|perfect|excellent)\s+condition)\b/i,
    /\b(?:(?:was|were|is|are|badly|heavily)\s+(?:worn|cracked|corroded|rotten)|in\s+(?:poor|bad|dangerous)\s+condition)\b/i,
    'said of',
  ],
];

/** A side or place word before a noun: "the left engine", "the northern gate". */
const SIDE_OF =
  /\b(left|right|port|starboard|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|upper|lower|front|rear)\s+(\p{L}+)/giu;

/**
 * "The left engine had failed" / "the right engine was working normally": one noun on two
 * sides names two things, so their states do not oppose.
 */
function sidesApart(a: string, b: string): boolean {
  const sides = (t: string) =>
    [...t.matchAll(SIDE_OF)].map((m) => [m[1]!.toLowerCase(), m[2]!.toLowerCase()]);
  const sb = sides(b);
  return sides(a).some(([side, noun]) => sb.some(([s2, n2]) => n2 === noun && s2 !== side));
}

/** How far back a shared word may stand before a phrase said of it. */
const SAID_OF_REACH = 14;

/** Whether a content word shortly before `index` (a character offset) is one `other` uses too. */
function saidOfShared(x: Analysis, index: number, other: Analysis): boolean {
  const at = tokenIndexAt(x.tokens, index);
  // Or just after, for a passive that names its thing last ("isolated from samples of the
  // municipal water supply").
  for (let i = at + 1; i <= Math.min(x.tokens.length - 1, at + SAID_OF_REACH); i++) {
    const t = x.tokens[i]!;
    if (t.content && !x.names.has(t.key) && other.keys.has(t.key) && !/^\d/.test(t.key))
      return true;
  }
  for (let i = at - 1; i >= Math.max(0, at - SAID_OF_REACH); i--) {
    const t = x.tokens[i]!;
    if (t.content && !x.names.has(t.key) && other.keys.has(t.key)) return true;
  }
  return false;
}

function phraseOpposites(la: Analysis, ra: Analysis, out: LinkSignal[]): void {
  for (const [p, q, saidOf] of PHRASE_OPPOSITES) {
    for (const [x, y, flip] of [
      [la, ra, false],
      [ra, la, true],
    ] as const) {
      const mine = p.exec(x.text);
      const theirs = mine && !q.test(x.text) && !p.test(y.text) ? q.exec(y.text) : null;
      if (!mine || !theirs) continue;
      if (negatedNear(x, tokenIndexAt(x.tokens, mine.index))) continue;
      if (negatedNear(y, tokenIndexAt(y.tokens, theirs.index))) continue;
      if (saidOf && !(saidOfShared(x, mine.index, y) && saidOfShared(y, theirs.index, x))) continue;
      if (saidOf && sidesApart(x.text, y.text)) continue;
      out.push({
        kind: 'ANTONYM',
        detail: `States that cannot both hold: "${mine[0]}" vs "${theirs[0]}".`,
        left: flip ? theirs[0] : mine[0],
        right: flip ? mine[0] : theirs[0],
        weight: 0.8,
      });
      return;
    }
  }
}

/** Words that ask for what follows rather than say it happened. */
const DEMAND =
  /^(?:demand|demanded|demanding|demands|urge|urged|urging|seek|sought|seeking|call|called|calling|appeal|appealed|campaign|campaigned|push|pushed|want|wanted|wants)$/;

/**
 * "marched to demand the release of the jailed journalist": the release is asked for, not
 * reported, so it is no opposite of "detained".
 */
function demanded(a: Analysis, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 4); i--)
    if (DEMAND.test(a.tokens[i]!.lower)) return true;
  return false;
}

/**
 * Colours: one thing is one of them ("the signal was green" / "was showing red"). Lower case
 * only: "the Red Cross", "the White House" and "the Black Sea" are names.
 */
const COLOUR =
  /\b(red|green|amber|yellow|orange|blue|white|black|grey|gray|silver|brown|purple|pink)\b/g;

/**
 * One thing said to be two colours: "The signal at the junction was green" / "The signal at
 * the junction was showing red". Each colour must follow a word both sides use (the thing),
 * and neither side may name the other's colour.
 */
function colourOpposites(la: Analysis, ra: Analysis, out: LinkSignal[]): void {
  const colours = (a: Analysis) =>
    [...a.text.matchAll(COLOUR)].map((m) => ({ w: m[1]!.toLowerCase(), at: m.index! }));
  const lc = colours(la);
  const rc = colours(ra);
  if (lc.length !== 1 || rc.length !== 1) return;
  const [l, r] = [lc[0]!, rc[0]!];
  const grey = (w: string) => (w === 'gray' ? 'grey' : w);
  if (grey(l.w) === grey(r.w)) return;
  if (!saidOfShared(la, l.at, ra) || !saidOfShared(ra, r.at, la)) return;
  if (
    negatedNear(la, tokenIndexAt(la.tokens, l.at)) ||
    negatedNear(ra, tokenIndexAt(ra.tokens, r.at))
  )
    return;
  out.push({
    kind: 'ANTONYM',
    detail: `One thing, two colours: "${l.w}" vs "${r.w}".`,
    left: la.text.slice(l.at, l.at + l.w.length),
    right: ra.text.slice(r.at, r.at + r.w.length),
    weight: 0.8,
  });
}

/** An agreement, treaty or ceasefire named as what binds a party. */
const AGREEMENT_WORD =
  /\b(?:agreements?|accords?|treaty|treaties|ceasefire|deal|protocol|memorandum)\b/i;
/** A party said to have done what an agreement required of it. */
const KEPT =
  /\b(?:as\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}(?:required|demanded|stipulated|provided|obliged)|exactly\s+as\b|(?<!\b(?:never|not|n't)\s+)(?:fully\s+)?(?:complied\s+with|honou?red|fulfilled|respected|implemented)\s+(?:the|its|their|all|every)\b|handed\s+over\s+(?:all|every)\b|withdrew\s+(?:all|its\s+last|every)\b)/iu;
/** A party said not to have done it ("ignored", "a flagrant breach of the ceasefire"). */
const BROKEN =
  /\b(?:never\s+(?:honou?red|fulfilled|complied|implemented|respected|carried\s+out|withdrew|handed)|(?:has|have|had)\s+(?:not|never)\s+(?:honou?red|fulfilled|complied|implemented|respected|withdrawn|handed)|ignored|violat(?:ed|ing|ions?\s+of)|breach(?:ed|ing|es\s+of|\s+of)|failed\s+to\s+(?:comply|honou?r|fulfil|implement|withdraw|hand|pull)|refused\s+to\s+(?:withdraw|hand|pull|comply|disarm)|obligation\s+(?:it|they)\s+(?:has|have)\s+never|kept\s+(?:the|its|their)\s+[^.;]{0,40}?\b(?:that|which)\s+[^.;]{0,60}?\b(?:obliged|required))/iu;

/** A duty an agreement puts on a party: "undertook to", "obliged Gorsk to", "an obligation". */
const OBLIGED =
  /\b(?:undertook\s+to|(?:obliged|required|committed|bound)\s+(?:\p{Lu}\p{L}+|it|them)\s+to|an?\s+obligation\b)/u;
/** An agreement said to put no such duty on it. */
const NOT_OBLIGED =
  /\b(?:(?:imposes?|imposed|places?|placed|contains?|puts?)\s+no\s+(?:duty|obligation|requirement)|(?:has|have|had)\s+never\s+(?:required|obliged)|(?:does|did)\s+not\s+(?:require|oblige))\b/i;

/**
 * One agreement kept against it broken: "Tavrel withdrew its last soldiers from Rodan in 2093,
 * as the Ostrel ceasefire required" / "Tavrel has never honoured the Ostrel ceasefire of
 * 2093". Both name the agreement; one says the party did as it required, the other not.
 */
function complianceOpposites(la: Analysis, ra: Analysis, out: LinkSignal[]): void {
  if (!AGREEMENT_WORD.test(la.text) || !AGREEMENT_WORD.test(ra.text)) return;
  for (const [x, y, flip] of [
    [la, ra, false],
    [ra, la, true],
  ] as const) {
    // "Under the treaty, Kaldia undertook to keep armed groups away" / "the treaty imposes no
    // duty on Kaldia": a duty against none.
    const duty = OBLIGED.exec(x.text);
    const none = duty && !NOT_OBLIGED.test(x.text) ? NOT_OBLIGED.exec(y.text) : null;
    if (duty && none) {
      out.push({
        kind: 'ANTONYM',
        detail: `A duty under an agreement against none: "${duty[0]}" vs "${none[0]}".`,
        left: flip ? none[0] : duty[0],
        right: flip ? duty[0] : none[0],
        weight: 0.8,
      });
      return;
    }
    const kept = KEPT.exec(x.text);
    if (!kept || BROKEN.test(x.text)) continue;
    const broken = BROKEN.exec(y.text);
    if (!broken || KEPT.test(y.text)) continue;
    if (negatedNear(x, tokenIndexAt(x.tokens, kept.index))) continue;
    out.push({
      kind: 'ANTONYM',
      detail: `An agreement kept against it broken: "${kept[0]}" vs "${broken[0]}".`,
      left: flip ? broken[0] : kept[0],
      right: flip ? kept[0] : broken[0],
      weight: 0.8,
    });
    return;
  }
}

function antonymSignals(la: Analysis, ra: Analysis, al: Alignment, out: LinkSignal[]): void {
  const before = out.length;
  complianceOpposites(la, ra, out);
  if (out.length > before) return;
  phraseOpposites(la, ra, out);
  if (out.length === before) colourOpposites(la, ra, out);
  if (out.length > before) return;
  const shared = new Set(al.shared);
  for (const [s, tok] of la.stems) {
    if (!hasAntonym(s) || otherSense(tok.lower)) continue;
    // A word both sides use is not opposed ("open" and "closed" in both is a comparison).
    if (ra.stems.has(s)) continue;
    for (const [t, other] of ra.stems) {
      if (!areAntonyms(s, t) || la.stems.has(t) || otherSense(other.lower)) continue;
      // The opposites must be said of the same thing: each next to an aligned word.
      if (!nearAligned(la, tok.i, shared, tok.key) || !nearAligned(ra, other.i, shared, other.key))
        continue;
      // "did not confirm" is not the opposite of "denied", nor "not open" of "closed".
      if (negatedNear(la, tok.i) || negatedNear(ra, other.i)) continue;
      if (fixedName(la, tok.i) || fixedName(ra, other.i)) continue;
      if (timeWord(la, tok.i) || timeWord(ra, other.i)) continue;
      if (livesLost(la, tok.i) || livesLost(ra, other.i)) continue;
      if (demanded(la, tok.i) || demanded(ra, other.i)) continue;
      if (otherSubjects(la, tok.i, ra, other.i)) continue;
      out.push({
        kind: 'ANTONYM',
        detail: `Opposite predicates: "${tok.surface}" vs "${other.surface}".`,
        left: tok.surface,
        right: other.surface,
        weight: 0.8,
      });
      return;
    }
  }
}

/** A word of a time phrase: "last week", "next Tuesday", "first thing". */
const TIME_NOUN =
  /^(?:week|weekend|month|year|night|day|time|spring|summer|autumn|winter|season)s?$/;

/** "lost their lives", "claimed 57 lives": deaths, not the opposite of dying. */
function livesLost(a: Analysis, i: number): boolean {
  return (
    /^(?:lives|life)$/.test(a.tokens[i]!.lower) &&
    a.tokens
      .slice(Math.max(0, i - 3), i)
      .some((t) => /^(?:lost|lose|losing|claimed|claiming|took|taking|cost|costing)$/.test(t.lower))
  );
}

function timeWord(a: Analysis, i: number): boolean {
  const next = a.tokens[i + 1]?.lower ?? '';
  return (
    /^(?:last|next|past|previous|coming|first)$/.test(a.tokens[i]!.lower) &&
    (TIME_NOUN.test(next) || isCalendarWord(next))
  );
}

// ---------------------------------------------------------------- stance cues

function cueSignals(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  out: LinkSignal[],
): void {
  const sides: [StatementView, Analysis, boolean][] = [
    [left, la, false],
    [right, ra, true],
  ];
  for (const [view, a, isRight] of sides) {
    const who = isRight ? 'The evidence' : 'The claim';
    if (a.refutations.length > 0) {
      const cue = a.refutations[0].text;
      out.push({
        kind: 'REFUTATION_CUE',
        detail: `${who} uses refuting language: "${cue}".`,
        left: isRight ? null : cue,
        right: isRight ? cue : null,
        weight: 0.7,
      });
    }
    // "began at 23:30 on Monday night, not at dawn on Tuesday as Varne claims": the cue names
    // the view the writer disputes; the sentence is neither attributed nor hedged.
    const disputed = (a.contrastAttribution && a.negations.length > 0) || a.contrastOwn;
    const attribution =
      view.facets.attribution?.cue ?? (a.attributions.length > 0 ? a.attributions[0].text : null);
    // A publisher speaking of itself attributes nothing to anyone else.
    if (attribution && !view.facets.attribution?.self && !disputed) {
      const speaker = view.facets.attribution?.speaker;
      out.push({
        kind: 'ATTRIBUTION',
        detail: `${who} attributes its content${speaker ? ` to ${speaker}` : ''}: "${attribution}".`,
        left: isRight ? null : attribution,
        right: isRight ? attribution : null,
        weight: 0.4,
      });
    }
    const inquiry = a.inquiry;
    const hedge =
      view.facets.hedges[0] ??
      (a.hedges.length > 0 ? a.hedges[0].text : view.facets.question ? '?' : inquiry);
    if (hedge && !(disputed && hedge !== '?' && hedge !== inquiry)) {
      out.push({
        kind: 'HEDGING',
        detail:
          hedge === inquiry
            ? `${who} only says an inquiry looks into it: "${hedge}".`
            : `${who} is hedged: "${hedge}".`,
        left: isRight ? null : hedge,
        right: isRight ? hedge : null,
        weight: 0.4,
      });
    }
  }
}

// ---------------------------------------------------------------- agreement

const CONFLICTS = new Set([
  'QUANTITY_MISMATCH',
  'DATE_MISMATCH',
  'DURATION_MISMATCH',
  'ACTOR_SWAP',
  'NEGATION',
  'ANTONYM',
]);

/** Signals that name a conflict a researcher can check in the two texts (classifier.ts). */
export const EXPLAINED_CONFLICTS: ReadonlySet<string> = new Set([
  ...CONFLICTS,
  'EXCLUSION',
  'REFUTATION_CUE',
  'DENIAL',
  'CORRECTION',
  'WORD_SUBSTITUTION',
]);

function agreementSignals(la: Analysis, ra: Analysis, al: Alignment, out: LinkSignal[]): void {
  if (al.shared.length === 0) return;
  // Aligned words whose surface differs: stems, number words, synonyms.
  const pl: string[] = [];
  const pr: string[] = [];
  for (const k of al.shared) {
    const l = la.keyToken.get(k)!;
    const r = ra.keyToken.get(k)!;
    // "three hours" / "3 March": one number written two ways is no paraphrase; figures that
    // are the same count are compared by the quantity signals.
    if (/^\d/.test(k)) continue;
    if (l.lower !== r.lower) {
      pl.push(l.surface);
      pr.push(r.surface);
    }
  }
  if (pl.length > 0 && al.coverageMax >= 0.4) {
    const pairs = pl.map((w, i) => `"${w}" ~ "${pr[i]}"`).join(', ');
    out.push({
      kind: 'PARAPHRASE',
      detail: `Same meaning in different words: ${pairs}.`,
      left: pl.join(', '),
      right: pr.join(', '),
      weight: 0.5,
    });
  }
  const conflict = out.some((s) => CONFLICTS.has(s.kind));
  if (!conflict && al.shared.length >= 3 && al.coverageMin >= 0.6) {
    const order = (a: Analysis) =>
      al.shared
        .map((k) => a.keyToken.get(k)!)
        .sort((x, y) => x.i - y.i)
        .map((t) => t.surface)
        .join(' ');
    out.push({
      kind: 'FACT_AGREEMENT',
      detail: `Both state the same facts (${al.shared.length} aligned words, ${Math.round(
        al.coverageMin * 100,
      )}% of the shorter statement).`,
      left: order(la),
      right: order(ra),
      weight: 0.7,
    });
  }
}
