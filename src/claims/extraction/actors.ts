/**
 * Named actors from capitalisation, gazetteers and patterns.
 *
 * The wink lite model has no person/organisation/place entities, and compromise costs ~30 ms on
 * a 600-word article (0.3 ms even on a short span), far over the extraction budget. News prose
 * capitalises names reliably, so capitalised runs classified by head nouns, titles, demonyms
 * and a small gazetteer get most actors at a fraction of the cost.
 */
import type { ActorFacet, ActorKind } from './types.js';
import type { Token } from '../../text/tokens.js';
import { isPossessive, stripPossessive } from '../../text/tokens.js';
import {
  DEMONYMS,
  GROUP_NOUNS,
  KNOWN_ORGS,
  OF_JOINING_HEADS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_NOUNS,
  PLACES,
  isCalendarWord,
} from './lexicon.js';
import { EXTRACTION_STOPWORDS as STOPWORDS } from '../../text/stopwords.js';
import { knownVerbLemma, looksParticiple, isSpeechVerb } from '../../text/lemma.js';
import { overlaps } from './numbers.js';

interface Run {
  first: number;
  /** Exclusive token index. */
  last: number;
}

const SURNAME =
  /(?:yan|ian|yev|yeva|ov|ova|ev|eva|enko|ski|sky|ska|vich|dze|shvili|oglu|zade|zadeh|ini|elli|son|sen|berg|stein|mann)$/;
const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'of',
  'from',
  'to',
  'into',
  'across',
  'near',
  'over',
  'under',
  'with',
  'for',
  'about',
  'toward',
  'towards',
  'within',
  'through',
  'throughout',
  'between',
  'among',
  'around',
  'inside',
  'outside',
  'along',
  'via',
  'during',
  'since',
  'after',
  'before',
  'beyond',
  'behind',
  'upon',
  'onto',
  'like',
  'than',
  'including',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'this',
  'these',
  'those',
  'his',
  'her',
  'our',
  'that',
  'another',
  'each',
  'every',
  'some',
  'any',
  'no',
  'one',
]);
const PRONOUNS = new Set(['they', 'we', 'i', 'you', 'who']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', "'s"]);
const HAVE = new Set(['has', 'have', 'had']);
const MODALS = new Set([
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
]);
const SKIPPABLE =
  /^(?:not|also|then|reportedly|allegedly|already|just|never|still|further|again|n't|\p{L}+ly)$/u;
const PARTICLES = new Set(['out', 'up', 'off', 'down', 'in', 'away', 'back']);

export function findActors(
  s: string,
  tokens: Token[],
  taken: Array<[number, number]>,
  publisher?: string | null,
): ActorFacet[] {
  const runs = capitalisedRuns(tokens, taken);
  const actors: Array<ActorFacet & { first: number; last: number }> = [];
  for (const run of runs) {
    const a = classify(s, tokens, run);
    if (a) actors.push(a);
  }
  actors.push(...ownSide(s, tokens, publisherParty(publisher)));
  actors.sort((a, b) => a.first - b.first);
  if (actors.length === 0) return [];
  assignRoles(tokens, actors);
  return actors.map(({ first: _f, last: _l, ...a }) => a);
}

/** Heads of a state body's name: "Kesh Ministry of Defence", "Zarov Administration". */
const STATE_HEADS =
  /^(?:ministry|administration|government|army|office|council|presidency|president|parliament|command|forces|staff|cabinet|authorities|authority)$/;
/** What "our" owns in a side's statement: "our positions", "our servicemen", "our villages". */
const OWN_NOUNS = new Set(['positions', 'position', 'posts', 'territory', 'villages', 'village']);

/**
 * The side a publisher speaks for, when its name says so: the country of a demonym or place
 * it opens with ("Aravian Ministry of Defence", "Armenian News Agency"), or its first word
 * before a state body's head ("Kesh Ministry of Defence"). null for outlets and groups
 * ("Meridian Wire", "Conflict Monitor").
 */
export function publisherParty(publisher: string | null | undefined): string | null {
  const ws = publisher?.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (ws.length < 2) return null;
  const first = stripPossessive(ws[0]!.toLowerCase());
  const demonym = DEMONYMS.get(first);
  if (demonym) return demonym;
  const place = PLACES.get(first);
  if (place) return place;
  if (!/^\p{Lu}/u.test(ws[0]!) || STOPWORDS.has(first) || ORG_HEADS.has(first)) return null;
  const heads = ws.slice(1).map((w) => w.toLowerCase());
  if (DEMONYM_ENDING.test(ws[0]!) && heads.some((w) => ORG_HEADS.has(w)))
    return first.endsWith('yan')
      ? first.slice(0, -2)
      : first.endsWith('ian')
        ? first.slice(0, -1)
        : first;
  return heads.some((w) => STATE_HEADS.test(w)) ? first : null;
}

/**
 * "our positions", "our servicemen" in a side's own statement: that side, as a party ("Aravian
 * forces attacked our positions" in Kesh's statement names Kesh as the target).
 */
function ownSide(s: string, tokens: Token[], party: string | null): Array<ActorFacet & Run> {
  if (!party) return [];
  const out: Array<ActorFacet & Run> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.lower !== 'our') continue;
    const noun = tokens[i + 1]!;
    if (!noun.isWord || !(GROUP_NOUNS.has(noun.lower) || OWN_NOUNS.has(noun.lower))) continue;
    out.push({
      text: s.slice(tokens[i]!.start, noun.end),
      key: party,
      kind: 'GROUP',
      country: party,
      first: i + 1,
      last: i + 2,
      at: tokens[i]!.start,
    });
  }
  return out;
}

function isCapWord(t: Token | undefined): boolean {
  return t !== undefined && t.isWord && t.cap;
}

function capitalisedRuns(tokens: Token[], taken: Array<[number, number]>): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isCapWord(t) || overlaps(taken, t.start, t.end) || isCalendarWord(t.lower)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1];
      if (isPossessive(prev.text)) break;
      const cur = tokens[j];
      if (isCapWord(cur) && !overlaps(taken, cur.start, cur.end) && !isCalendarWord(cur.lower)) {
        j++;
        continue;
      }
      // "Gen. Smith": a title abbreviation keeps its period inside the name.
      if (
        cur.text === '.' &&
        PERSON_TITLES.has(prev.lower) &&
        isCapWord(tokens[j + 1]) &&
        prev.text.length <= 4
      ) {
        j += 2;
        continue;
      }
      // "Ministry of (the) Internal Affairs", "Republic of Azerbaijan".
      if (cur.lower === 'of' && OF_JOINING_HEADS.has(stripPossessive(prev.lower))) {
        const k = tokens[j + 1]?.lower === 'the' ? j + 2 : j + 1;
        if (isCapWord(tokens[k]) && !isCalendarWord(tokens[k].lower)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    let first = i;
    // Sentence-initial function words ("The", "These", "In") are capitalised by position only.
    while (first < j && STOPWORDS.has(tokens[first].lower) && !KNOWN_ORGS.has(tokens[first].lower))
      first++;
    if (first < j) {
      const sentenceStart = first === 0 || (first === 1 && /^["“‘'(]$/.test(tokens[0].text));
      const single = j - first === 1;
      if (!(
        sentenceStart &&
        single &&
        !isKnownSingle(tokens[first]) &&
        !guessedDemonym(tokens, first, first + 1)
      ))
        runs.push({ first, last: j });
    }
    i = j;
  }
  return runs;
}

/** A demonym's endings: "Tigrayan", "Ostavian", "Valdish", "Nepalese". */
const DEMONYM_ENDING = /^\p{Lu}\p{Ll}{2,}(?:ian|yan|ish|ese)$/u;

/**
 * A country's adjective the list does not know, told by its ending and a group noun right
 * after it ("Tigrayan forces", "Valdish positions"): a party, whose key is the adjective (no
 * country can be read from "-ish"; "-ian" may end a surname, hence the group noun).
 */
function guessedDemonym(tokens: Token[], first: number, last: number): string | null {
  if (last - first !== 1) return null;
  const t = tokens[first];
  const next = tokens[last];
  if (!t.isWord) return null;
  const lw = stripPossessive(t.lower);
  if (DEMONYMS.has(lw)) return null;
  if (!DEMONYM_ENDING.test(stripPossessive(t.text))) return militaryName(tokens, first, last);
  if (!next?.isWord || next.cap || !(GROUP_NOUNS.has(next.lower) || GUESS_NOUNS.has(next.lower)))
    return null;
  // "Ostavian" names Ostavia, "Tigrayan" Tigray; "-ish" and "-ese" keep the adjective.
  if (lw.endsWith('yan')) return lw.slice(0, -2);
  return lw.endsWith('ian') ? lw.slice(0, -1) : lw;
}

/** Nouns for a side's fighters: "Kesh units", "Kesh armed forces". */
const MILITARY_NOUNS = new Set([
  'forces',
  'troops',
  'army',
  'soldiers',
  'servicemen',
  'units',
  'military',
  'fighters',
  'battalions',
  'brigades',
  // Arms that stand for their side: "Maskeran artillery began shelling the plateau".
  'artillery',
  'aircraft',
  'warplanes',
  'gunners',
  'navy',
  'militants',
  'militia',
]);
/** Capitalised words before fighters that name a kind, not a side: "Government forces". */
const NOT_A_SIDE =
  /^(?:government|state|security|special|enemy|coalition|opposition|rebel|border|allied|federal|regular|foreign|local|regional|national|elite|interior|ground|air|naval|peacekeeping|militia|army|police|pro|anti|united|joint|these|those|our|their|its|the|his|her)$/;

/**
 * A name the lists do not know, right before fighters ("Kesh units", "Kesh armed forces"): a
 * side, keyed by the name itself. Only for one-word names the lists and the verb lemmas do
 * not know, so "Government forces" or "Security forces" at a sentence's start stay no side.
 */
function militaryName(tokens: Token[], first: number, last: number): string | null {
  const t = tokens[first]!;
  const lw = stripPossessive(t.lower);
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(stripPossessive(t.text))) return null;
  if (NOT_A_SIDE.test(lw) || STOPWORDS.has(lw) || GROUP_NOUNS.has(lw) || ORG_HEADS.has(lw))
    return null;
  if (knownVerbLemma(lw) !== null || isCalendarWord(lw)) return null;
  let k = last;
  if (tokens[k]?.lower === 'armed') k++;
  const noun = tokens[k];
  if (!noun?.isWord || noun.cap || !MILITARY_NOUNS.has(noun.lower)) return null;
  return lw;
}

/** Besides the group nouns: what a side's adjective names in war reporting. */
const GUESS_NOUNS = new Set(['positions', 'position', 'side', 'territory', 'border']);

function isKnownSingle(t: Token): boolean {
  const lw = stripPossessive(t.lower);
  return (
    SURNAME.test(lw) ||
    PLACES.has(lw) ||
    DEMONYMS.has(lw) ||
    KNOWN_ORGS.has(lw) ||
    (/^[\p{Lu}]{2,}$/u.test(t.text) && t.text.length <= 6)
  );
}

function classify(s: string, tokens: Token[], run: Run): (ActorFacet & Run) | null {
  const { first } = run;
  let { last } = run;
  const words = tokens.slice(first, last).filter((t) => t.isWord);
  const lowers = words.map((t) => stripPossessive(t.lower));
  const firstLower = lowers[0];
  const lastLower = lowers[lowers.length - 1];
  let kind: ActorKind = 'OTHER';
  let key = lowers.join(' ');
  let country: string | undefined;

  const demonym = DEMONYMS.get(firstLower) ?? guessedDemonym(tokens, first, last) ?? undefined;
  if (demonym && lowers.length === 1) {
    // "Armenian armed forces": extend over lower-case modifiers to a group noun.
    let end = last;
    for (let k = last; k < Math.min(tokens.length, last + 3); k++) {
      const t = tokens[k];
      if (!t.isWord || t.cap || STOPWORDS.has(t.lower)) break;
      if (GROUP_NOUNS.has(stripPossessive(t.lower))) end = k + 1;
    }
    last = end;
    kind = 'GROUP';
    country = demonym;
    key = tokens
      .slice(first, last)
      .map((t) => stripPossessive(t.lower))
      .join(' ');
  } else if (KNOWN_ORGS.has(key)) {
    kind = 'ORGANIZATION';
    key = KNOWN_ORGS.get(key)!;
  } else if (PLACES.has(key) || (key.startsWith('republic of ') && PLACES.has(key.slice(12)))) {
    kind = 'PLACE';
    key = PLACES.get(key) ?? PLACES.get(key.slice(12))!;
  } else if (
    ORG_HEADS.has(lastLower) ||
    lowers.some((w, k) => k < lowers.length - 1 && ORG_HEADS.has(w) && lowers[k + 1] === 'of')
  ) {
    kind = 'ORGANIZATION';
    if (demonym) country = demonym;
    key = canonicalOrg(lowers);
  } else if (
    lowers.some((w) => PERSON_TITLES.has(w.replace(/\.$/, ''))) &&
    hasNameAfterTitle(lowers)
  ) {
    kind = 'PERSON';
    key = stripTitles(lowers).join(' ');
  } else if (
    lowers.length === 1 &&
    /[-–]/.test(words[0].text) &&
    words[0].text.split(/[-–]/).some((p) => PLACES.has(p.toLowerCase()))
  ) {
    kind = 'PLACE';
    key = key.replace(/–/g, '-');
  } else if (PLACE_NOUNS.has(tokens[last]?.lower ?? '')) {
    kind = 'PLACE';
    key = key.replace(/–/g, '-');
  } else if (
    lowers.length <= 4 &&
    (lowers.length >= 2 || !/^\p{Lu}+$/u.test(words[0].text)) &&
    (SURNAME.test(lastLower) || isSpeechVerb(knownVerbLemma(tokens[last]?.lower ?? '')))
  ) {
    kind = 'PERSON';
  } else if (lowers.length === 1 && /^[\p{Lu}]{2,6}$/u.test(words[0].text)) {
    kind = 'ORGANIZATION';
  } else if (
    lowers.length === 1 &&
    /^(?:in|near|outside|to|from)$/.test(tokens[first - 1]?.lower ?? '')
  ) {
    kind = 'PLACE';
  } else if (PERSON_TITLES.has(firstLower) && lowers.every((w) => PERSON_TITLES.has(w))) {
    kind = 'PERSON';
  }
  if (kind !== 'GROUP' && demonym && !country) country = demonym;
  const start = tokens[first].start;
  const endTok = tokens[last - 1];
  let text = s.slice(start, endTok.end);
  if (isPossessive(text)) text = stripPossessive(text);
  const facet: ActorFacet & Run = { text, key, kind, first, last, at: start };
  if (country) facet.country = country;
  return facet;
}

function hasNameAfterTitle(lowers: string[]): boolean {
  return stripTitles(lowers).length > 0;
}

function stripTitles(lowers: string[]): string[] {
  let k = 0;
  while (
    k < lowers.length &&
    (PERSON_TITLES.has(lowers[k]) ||
      lowers[k] === 'of' ||
      DEMONYMS.has(lowers[k]) ||
      PLACES.has(lowers[k]))
  )
    k++;
  return lowers.slice(k).filter((w) => w !== '.');
}

function canonicalOrg(lowers: string[]): string {
  let words = lowers.map((w) => (w === 'defense' ? 'defence' : w));
  let prefix = '';
  if (DEMONYMS.has(words[0]) && words.length > 1) {
    prefix = words[0] + ' ';
    words = words.slice(1);
  }
  // "Defence Ministry" and "Ministry of Defence" are the same body.
  if (words.length >= 2 && words[words.length - 1] === 'ministry' && !words.includes('of')) {
    let topic = words.slice(0, -1).join(' ');
    if (topic === 'foreign') topic = 'foreign affairs';
    if (topic === 'interior') topic = 'internal affairs';
    return `${prefix}ministry of ${topic}`;
  }
  return prefix + words.join(' ');
}

/**
 * Agent/patient from a shallow reading: the first finite verb splits subject from object, a
 * passive flips them, "by X" after a participle is the agent, prepositional or possessive
 * mentions are only mentions.
 */
function assignRoles(tokens: Token[], actors: Array<ActorFacet & Run>): void {
  const inActor = new Uint8Array(tokens.length);
  for (const a of actors) for (let k = a.first; k < a.last; k++) inActor[k] = 1;
  const anchor = findAnchor(tokens, inActor);
  for (const a of actors) {
    // "A Liventian-brokered ceasefire", "a ceasefire brokered by Liventian envoys": who
    // mediated, backed or made something did not do what the sentence tells.
    if (BROKER_ADJECTIVE.test(tokens[a.last - 1].text) || brokeredBy(tokens, a.first)) {
      a.role = 'mention';
      continue;
    }
    if (isByAgent(tokens, a.first, inActor)) {
      a.role = 'agent';
      continue;
    }
    const prev = prevNonDet(tokens, a.first);
    if (isPossessive(tokens[a.last - 1].text) && a.last < tokens.length && tokens[a.last].isWord) {
      a.role = 'mention';
    } else if (prev && prev.lower === 'against') {
      a.role = 'patient';
    } else if (prev && PREPOSITIONS.has(prev.lower) && !memberOf(tokens, a.first)) {
      a.role = 'mention';
    } else if (prev && isPossessive(prev.text) && afterPreposition(tokens, a.first)) {
      // "A report in Tuesday's Courier incorrectly said ...": a paper named by its day.
      a.role = 'mention';
    } else if (!anchor) {
      a.role = 'mention';
    } else if (a.last <= anchor.index) {
      a.role = anchor.passive ? 'patient' : 'agent';
    } else if (!anchor.passive && prev && prevNonDetIndex(tokens, a.first) === anchor.index) {
      a.role = 'patient';
    } else {
      a.role = 'mention';
    }
  }
}

/**
 * "units of the Kesh armed forces opened fire": the name after "of" owns the group noun before
 * it, so it stands where that group does (here the subject), not as a mere mention.
 */
function memberOf(tokens: Token[], first: number): boolean {
  const k = prevNonDetIndex(tokens, first);
  if (k < 1 || tokens[k]!.lower !== 'of') return false;
  return GROUP_NOUNS.has(tokens[k - 1]!.lower);
}

function prevNonDetIndex(tokens: Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k].lower)) k--;
  return k;
}

/** A preposition before the possessive that opens an actor's phrase ("in Tuesday's Courier"). */
function afterPreposition(tokens: Token[], i: number): boolean {
  const k = prevNonDetIndex(tokens, prevNonDetIndex(tokens, i));
  return k >= 0 && PREPOSITIONS.has(tokens[k].lower);
}

function prevNonDet(tokens: Token[], i: number): Token | undefined {
  const k = prevNonDetIndex(tokens, i);
  return k >= 0 ? tokens[k] : undefined;
}

/** "by Azerbaijan, Russia, and Armenia": walks back over a coordinated list to "by". */
/** A name made an adjective of brokering, backing or making: "Liventian-brokered". */
const BROKER_ADJECTIVE =
  /-(?:brokered|mediated|negotiated|sponsored|backed|supported|funded|made|built|supplied|hosted)$/i;
/** Participles after which "by X" names a go-between or a supplier, not a doer. */
const BROKER_PARTICIPLE =
  /^(?:brokered|mediated|negotiated|sponsored|facilitated|hosted|monitored|observed|guaranteed)$/;

/** Whether the actor at `first` follows "brokered by", "mediated by (the)". */
function brokeredBy(tokens: Token[], first: number): boolean {
  let k = first - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k].lower)) k--;
  return k > 0 && tokens[k].lower === 'by' && BROKER_PARTICIPLE.test(tokens[k - 1].lower);
}

function isByAgent(tokens: Token[], first: number, inActor: Uint8Array): boolean {
  let k = first - 1;
  while (k >= 0) {
    const t = tokens[k];
    if (t.lower === 'by')
      return k > 0 && (looksParticiple(tokens[k - 1].lower) || PARTICLES.has(tokens[k - 1].lower));
    if (inActor[k] || t.text === ',' || t.lower === 'and' || DETERMINERS.has(t.lower)) {
      k--;
      continue;
    }
    return false;
  }
  return false;
}

interface Anchor {
  index: number;
  passive: boolean;
}

function findAnchor(tokens: Token[], inActor: Uint8Array): Anchor | null {
  for (let i = 0; i < tokens.length; i++) {
    if (inActor[i] || !tokens[i].isWord) continue;
    const lw = tokens[i].lower;
    if (BE.has(lw)) {
      const j = skipAdverbs(tokens, i + 1);
      if (j < tokens.length && looksParticiple(tokens[j].lower)) return { index: j, passive: true };
      if (tokens[j]?.lower === 'being' || tokens[j]?.lower === 'been') continue;
      return { index: i, passive: false };
    }
    if (HAVE.has(lw) || MODALS.has(lw)) {
      const j = skipAdverbs(tokens, i + 1);
      if (tokens[j] && (BE.has(tokens[j].lower) || tokens[j].lower === 'have')) continue;
      if (tokens[j] && tokens[j].isWord) return { index: j, passive: false };
      continue;
    }
    if (i === 0) continue;
    const prev = tokens[i - 1].lower;
    if (DETERMINERS.has(prev) || PREPOSITIONS.has(prev)) continue;
    const next = tokens[i + 1]?.lower;
    const reducedRelative =
      looksParticiple(lw) &&
      (next === 'by' || (PARTICLES.has(next ?? '') && tokens[i + 2]?.lower === 'by'));
    if (reducedRelative || lw.endsWith('ing')) continue;
    const lemma = knownVerbLemma(lw);
    // Base forms of event verbs are mostly nouns in news prose ("a mine", "the strike"); take
    // them as verbs only after a pronoun.
    const inflected = lemma !== null && (lemma !== lw || PRONOUNS.has(prev));
    if (inflected || (/^[a-z]{3,}ed$/.test(lw) && tokens[i - 1].isWord)) {
      return { index: i, passive: false };
    }
  }
  return null;
}

function skipAdverbs(tokens: Token[], j: number): number {
  while (j < tokens.length && SKIPPABLE.test(tokens[j].lower)) j++;
  return j;
}
