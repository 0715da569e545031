/**
 * Per-statement analysis shared by signals and features. Cached by text: in the service the
 * same claim meets hundreds of candidates, so the pair cost is only the comparison.
 */
import {
  ATTRIBUTION_SET,
  HEDGE_PHRASES,
  HEDGE_SET,
  REFUTATION_PHRASES,
  REFUTATION_SET,
  isNegation,
  RELATION_CORRECTION_RE as CORRECTION,
  RELATION_DENIAL_RE as DENIAL,
  RELATION_FALSE_REPORT_RE as FALSE_REPORT,
  FIGURE_PUT_AT_RE,
  NAMING_ASIDE,
  INQUIRY_RE,
  STAGED_EVENT_RE as STAGED,
  WARNED_WORDS,
  declaredAct,
  grantsPermission,
  reportOnTopic,
  saidByNobody,
  toldInTimeClause,
  inBrushAside,
  toldToDo,
  suspectedCategory,
} from '../../text/cues.js';
import { stem, tokenize, type Token } from '../../text/relation-words.js';

export interface Cue {
  /** Verbatim words. */
  text: string;
  /** Token index where the cue starts. */
  at: number;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  /** Unique alignment keys of content words. */
  keys: Set<string>;
  /** For each key, the first token that has it (verbatim words for signals). */
  keyToken: Map<string, Token>;
  /** Plain stems of content words (antonyms must not be merged by the synonym list). */
  stems: Map<string, Token>;
  bigrams: Set<string>;
  trigrams: Set<string>;
  numbers: Set<string>;
  /** Capitalised content words not at sentence start: a cheap stand-in for names. */
  names: Set<string>;
  refutations: Cue[];
  hedges: Cue[];
  attributions: Cue[];
  negations: Cue[];
  question: boolean;
  /**
   * "as the ministry claims", "contrary to reports": the writer names a view in order to
   * dispute it, so the attribution is not the sentence's own hedge.
   */
  contrastAttribution: boolean;
  /** The contrast alone makes the sentence the writer's ("contrary to what X claims"). */
  contrastOwn: boolean;
  /**
   * "..., a charge the ministry rejected": the sentence reports an accusation and its
   * rebuttal side by side without taking one (balanced reporting).
   */
  balancedReport: boolean;
  /**
   * "An investigation has been opened into the death of ...": the inquiry's words, the
   * proposition being what it looks into (discussed, not asserted). Null: none.
   */
  inquiry: string | null;
  /**
   * "The story incorrectly said that ...": everything after the cue is a proposition the
   * writer rejects (token index of the cue; null when there is none).
   */
  correction: Cue | null;
  /**
   * "attacked at dawn on Tuesday in what officials called a one-day operation, and fighting ran
   * until Thursday morning": a naming in another's words that holds a figure, in a sentence
   * that gives its own times or figures besides. The named phrase's characters [start, end):
   * its figure is theirs and is not compared; the rest of the sentence is the writer's. Null
   * otherwise (a naming with the sentence's only figure makes the figure, and the sentence,
   * reported).
   */
  named: [number, number] | null;
  /**
   * "Kestria denied any role in ...": a denial verb in the writer's report, or reports of P
   * called false (`ofReports`: "claims that P are fabricated"; the cue is at the reports).
   * Null: none.
   */
  denial: (Cue & { ofReports?: boolean; staged?: boolean }) | null;
}

/** Token index of the first token starting at or after a UTF-16 offset. */
export function tokenIndexAt(tokens: Token[], offset: number): number {
  for (const t of tokens) if (t.start >= offset) return t.i;
  return tokens.length;
}

/**
 * A view named only to be set right, whatever else the sentence negates: "Contrary to what the
 * Ministry claims, the first team reached Tirnau at 15:30", "109 dead, not the 64 announced by
 * the Ministry", "less than a quarter of the 180 tonnes the Ministry says it has delivered".
 */
const CONTRAST_OWN =
  /\bcontrary\s+to\b|\bnot\s+(?:at|on|in|from|by|before|after)\s+[^,;.]{2,40}?,?\s+as\s+(?:[\p{L}\p{N}'’-]+\s+){1,4}(?:claims?|claimed|says?|said|alleges?|alleged|insists?|insisted|stated|states|reported|announced)\b|\bnot\s+the\s+[\p{N}\p{L},.]+\s+(?:\p{L}+\s+){0,2}(?:announced|claimed|reported|given|cited|stated)\s+by\b|\b(?:less|more|fewer)\s+than\s+(?:a\s+quarter\s+of\s+|a\s+third\s+of\s+|half\s+(?:of\s+)?)?the\s+[\p{N},.]+\s+(?:\p{L}+\s+){0,3}[\p{L}'’]+\s+(?:says|said|claims|claimed)\b/iu;
const CONTRAST_ATTRIBUTION =
  /\b(?:as\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}(?:claims?|claimed|says?|said|alleges?|alleged|suggests?|suggested|insists?|insisted|stated|states|reported|announced)|contrary to|despite (?:claims|reports))\b/iu;
const BALANCED_REPORT =
  /,\s+(?:a|an)\s+(?:charge|claim|accusation|allegation|assertion|account|version)\s+(?:that\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,6}(?:denied|denies|rejected|rejects|disputed|disputes|dismissed|dismisses|denounced)\b/iu;

/**
 * "Lesvaria said the operation was a response to a mine blast, which Tarn denied carrying out":
 * one side's account and the other's denial of it, neither the writer's.
 */
const BALANCED_SAID_DENIED =
  /\b(?:said|says|claimed|claims|alleged|alleges|blamed|blames|reported|reports)\b[^.;]{3,160}?(?:,\s*which|;|,?\s+(?:but|while)|,\s+(?:a|an)\s+(?:figure|claim|charge|account|version|accusation|allegation|estimate|number|toll)(?:\s+(?:that|which))?)\s+(?:[\p{L}'’-]+\s+){1,4}(?:denied|denies|rejected|rejects|disputed|disputes|dismissed|dismisses|contested|contests)\b/iu;

/**
 * "The airline said the plane was hit by wind shear, but the board's report found no wind
 * shear": a party's account and a finding against it, neither the writer's.
 */
const BALANCED_FINDING =
  /\b(?:said|says|claimed|claims|alleged|alleges|blamed|blames)\b[^.;]{3,160}?,?\s+but\s+[^.;]{0,90}?\b(?:found|finds|concluded|concludes|showed|shows|established)\s+(?:no|that|nothing)\b/iu;

/** "X blamed Y, while Y denied any involvement": both sides' accounts, neither the writer's. */
const BALANCED_BLAME =
  /\b(?:blamed|blames|accused|accuses)\b[^.;]{1,80}?,?\s+(?:while|but|and|which|who)\s+(?:[\p{L}'’-]+\s+){0,4}(?:denied|denies|rejected|rejects|dismissed|dismisses)\b/iu;

/**
 * "The guards said he was a smuggler; his family said he was an unarmed shepherd", "police say
 * ..., while organisers say ...": two speakers' accounts side by side, neither the writer's.
 */
const BALANCED_VOICES =
  /\b(?:said|says?|claimed|claims?|insisted|insists?|told\s+[\p{L}]+)\b[^.;]{3,140}?(?:;|,\s*(?:while|but|whereas)\b|\s(?:but|whereas)\b)\s*(?:[\p{L}'’-]+\s+){1,4}(?:said|says?|claimed|claims?|insisted|insists?|maintained|maintains?|countered|counters?)\b/iu;

/**
 * "Corvale denied delaying the alarm and said its control room called at 1:50 a.m., but
 * according to the directorate the first alarm came at 2:09 a.m.": one side's account, then the
 * other's by "according to", neither the writer's ("a.m." is no sentence's end).
 */
const BALANCED_ACCORDING =
  /\b(?:said|says|claimed|claims|denied|denies|insisted|insists|maintained|maintains)\b(?:[^.;]|\b[ap]\.m\.){3,160}?(?:;|,\s*(?:but|while|whereas)\b|\s(?:but|whereas)\b)\s*according\s+to\b/iu;

/**
 * "Aravia and Kesh traded fire, each accusing the other of starting the clash", "the two sides
 * blamed each other": both accounts at once, neither the writer's.
 */
const BALANCED_MUTUAL =
  /\b(?:(?:each|both)\s+(?:side|sides|country|countries|party|parties|army|armies\s+)?\s*(?:accus|blam)\w*\s+(?:the\s+other|each\s+other|one\s+another)|(?:accus|blam)\w*\s+(?:each\s+other|one\s+another)|traded\s+(?:accusations|blame))\b/iu;

/** "3 May 2030", "on May 3": the month, not the hedge. */
function monthMay(tokens: Token[], t: Token): boolean {
  if (t.lower !== 'may' || t.surface !== 'May') return false;
  const digit = (j: number) => j >= 0 && j < tokens.length && /^\d/.test(tokens[j].surface);
  return t.i > 0 || digit(t.i - 1) || digit(t.i + 1);
}

/**
 * "It appears that", "appeared to fire": the writer hedges. "She has appeared on the cover of
 * Vogue", "appeared in three films": she was there; nothing is hedged.
 */
function presenceAppear(tokens: Token[], t: Token): boolean {
  if (t.lower !== 'appears' && t.lower !== 'appeared') return false;
  const next = tokens[t.i + 1]?.lower;
  return next !== 'to' && next !== 'that' && tokens[t.i - 1]?.lower !== 'it';
}

const RELATIVE = new Set(['which', 'that', 'whom']);
const CLAUSE_END = /[;,:]/;

/**
 * A reporting word in an aside that leaves the main clause in the writer's voice: a relative
 * clause ("used heavy artillery that it claims to have withdrawn", "the town, which officials
 * say was shelled") or a naming after a full clause ("began an assault on Kelmar; Tarvia
 * described it as an anti-terror operation"). "Officials described three days of fighting"
 * stays theirs: nothing comes before the speaker.
 */
/** How many words a relative pronoun may stand before its reporting verb ("which the Prastian defence ministry described"). */
const ASIDE_REACH = 6;

function asideCue(text: string, tokens: Token[], at: number): boolean {
  for (let r = at - 1; r >= Math.max(3, at - ASIDE_REACH); r--) {
    if (!RELATIVE.has(tokens[r]!.lower)) continue;
    // "said that": the reporting verb comes first and owns what follows.
    if (ATTRIBUTION_SET.has(tokens[r - 1]!.lower)) return false;
    return at - r >= 2;
  }
  const t = tokens[at]!;
  if (!/^describ/.test(t.lower) || !/^(?:it|this|them|these)$/.test(tokens[at + 1]?.lower ?? ''))
    return false;
  if (tokens[at + 2]?.lower !== 'as') return false;
  // The punctuation between tokens: a clause ends before the speaker.
  for (let b = at - 1; b >= Math.max(0, at - 5); b--)
    if (CLAUSE_END.test(text.slice(tokens[b]!.end, tokens[b + 1]!.start))) return b >= 4;
  return false;
}

/**
 * "This is not the first provocation of its kind", "not the last": there were others; nothing
 * that happened is negated.
 */
function notTheFirst(tokens: readonly Token[], i: number): boolean {
  return tokens[i + 1]?.lower === 'the' && /^(?:first|last|only)$/.test(tokens[i + 2]?.lower ?? '');
}

/**
 * "One lifeboat could not be launched": what could not be done, a fact, not a hedge ("could not
 * be verified" stays one: the checking is the writer's).
 */
function couldNotBeDone(tokens: readonly Token[], i: number): boolean {
  return (
    tokens[i]?.lower === 'could' &&
    tokens[i + 1]?.lower === 'not' &&
    tokens[i + 2]?.lower === 'be' &&
    /(?:ed|en|wn|ng)$/.test(tokens[i + 3]?.lower ?? '') &&
    !/^(?:verified|confirmed|established|determined|ascertained|corroborated|checked|reached)$/.test(
      tokens[i + 3]?.lower ?? '',
    )
  );
}

/** "not only X but also Y", "not just", "not merely": the writer adds, it does not negate. */
const NOT_ONLY = new Set(['only', 'just', 'merely', 'simply']);

const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their']);

/** A figure, a day or a time of the writer's own, outside a named phrase. */
const OWN_FIGURE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|dawn|daybreak|morning|afternoon|evening|night|midnight|noon|yesterday|today|hours?|days?|weeks?|months?|January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/** A figure, a length or a date in a named phrase. */
const FIGURE_WORDS =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b|-(?:day|hour|week|month)\b/i;

const cache = new Map<string, Analysis>();
const CACHE_LIMIT = 20_000;

/**
 * `antecedent`: who an opening "He"/"She"/"His"/"Her" stands for (ClaimFacets.antecedent). Its
 * words join the statement's keys and names at the pronoun's place, so "He was unarmed" shares
 * "Moll" with "Moll was shot three times in the back".
 */
export function analyze(text: string, antecedent?: string | null): Analysis {
  const key = antecedent ? `${text}\u0000${antecedent}` : text;
  const hit = cache.get(key);
  if (hit) return hit;
  const a = compute(text);
  if (antecedent) standFor(a, antecedent);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, a);
  return a;
}

const PRONOUN = /^(?:he|she|his|her)$/;

/** Adds the antecedent's words as keys and names, placed at the opening pronoun. */
function standFor(a: Analysis, antecedent: string): void {
  const pronoun = a.tokens.find((t) => PRONOUN.test(t.lower));
  if (!pronoun || pronoun.i > 1) return;
  for (const t of tokenize(antecedent)) {
    if (!t.content || a.keys.has(t.key)) continue;
    a.keys.add(t.key);
    a.keyToken.set(t.key, { ...t, i: pronoun.i, start: pronoun.start, end: pronoun.end });
    a.names.add(t.key);
  }
}

function compute(text: string): Analysis {
  const tokens = tokenize(text);
  const keys = new Set<string>();
  const keyToken = new Map<string, Token>();
  const stems = new Map<string, Token>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  const refutations: Cue[] = [];
  const hedges: Cue[] = [];
  const attributions: Cue[] = [];
  const negations: Cue[] = [];
  const contentSeq: string[] = [];
  // "in what Hadris described as a counter-terrorist operation": a naming in another's words,
  // which leaves the rest of the sentence in the writer's voice (figures aside, see below).
  const naming = NAMING_ASIDE.exec(text);
  // The named phrase runs from the naming's verb to the clause's end.
  const phraseStart = naming ? naming.index + naming[0].length : 0;
  const namedEnd = naming ? phraseStart + text.slice(phraseStart).split(/[.;,]/)[0]!.length : 0;
  const figureNamed = naming !== null && FIGURE_WORDS.test(text.slice(phraseStart, namedEnd));
  // The writer's own figures or times outside the named phrase keep the sentence theirs.
  const ownBesides =
    figureNamed && OWN_FIGURE.test(`${text.slice(0, naming!.index)} ${text.slice(namedEnd)}`);
  const named: [number, number] | null = ownBesides ? [naming!.index, namedEnd] : null;
  const namingOnly = naming !== null && (!figureNamed || ownBesides);
  // "Wrongly said", "an earlier version of this article said": the outlet's own correction,
  // whose "said" attributes nothing.
  const corr = CORRECTION.exec(text);
  const inCorrection = (t: Token) =>
    corr !== null && t.start >= corr.index && t.end <= corr.index + corr[0].length;
  const inNaming = (t: Token) =>
    namingOnly && t.start >= naming.index && t.end <= naming.index + naming[0].length;
  for (const t of tokens) {
    if (
      isNegation(t.lower) &&
      !(t.lower === 'not' && NOT_ONLY.has(tokens[t.i + 1]?.lower)) &&
      !(t.lower === 'not' && notTheFirst(tokens, t.i))
    )
      negations.push({ text: t.surface, at: t.i });
    // "the disputed valley", "a disputed border": an adjective of a place, not a rebuttal.
    if (
      REFUTATION_SET.has(t.lower) &&
      !(t.lower === 'disputed' && DETERMINER.has(tokens[t.i - 1]?.lower))
    )
      refutations.push({ text: t.surface, at: t.i });
    if (
      HEDGE_SET.has(t.lower) &&
      !monthMay(tokens, t) &&
      !grantsPermission(text, t.start, t.surface) &&
      !inBrushAside(text, t.start) &&
      !presenceAppear(tokens, t) &&
      !suspectedCategory(text, t.start) &&
      !asideCue(text, tokens, t.i) &&
      !couldNotBeDone(tokens, t.i)
    )
      hedges.push({ text: t.surface, at: t.i });
    if (
      ATTRIBUTION_SET.has(t.lower) &&
      !asideCue(text, tokens, t.i) &&
      !toldInTimeClause(text, t.start) &&
      !saidByNobody(text, t.start) &&
      !inNaming(t) &&
      !inCorrection(t) &&
      !declaredAct(tokens, t.i) &&
      !toldToDo(tokens, t.i) &&
      !reportOnTopic(tokens, t.i) &&
      !(
        /^warn(?:s|ed)?$/.test(t.lower) &&
        !WARNED_WORDS.test(
          tokens
            .slice(t.i + 1, t.i + 7)
            .map((x) => x.lower)
            .join(' '),
        )
      )
    )
      attributions.push({ text: t.surface, at: t.i });
    if (!t.content) continue;
    contentSeq.push(t.key);
    if (!keys.has(t.key)) {
      keys.add(t.key);
      keyToken.set(t.key, t);
    }
    const s = stem(t.lower);
    if (!stems.has(s)) stems.set(s, t);
    if (/^\d/.test(t.key)) numbers.add(t.key);
    else if (t.i > 0 && /^\p{Lu}/u.test(t.surface)) names.add(t.key);
  }
  const lower = text.toLowerCase();
  for (const phrase of REFUTATION_PHRASES) {
    const at = lower.indexOf(phrase);
    // "a column made up of three vehicles": consisting of, not invented.
    if (at >= 0 && !(phrase === 'made up' && /^\s+of\b/.test(lower.slice(at + phrase.length))))
      refutations.push({ text: text.slice(at, at + phrase.length), at: tokenIndexAt(tokens, at) });
  }
  for (const phrase of HEDGE_PHRASES) {
    const at = lower.indexOf(phrase);
    if (at < 0) continue;
    const from = tokenIndexAt(tokens, at);
    const to = tokenIndexAt(tokens, at + phrase.length);
    hedges.push({ text: text.slice(at, at + phrase.length), at: from });
    // "could not verify": the negation is about the checking, not about the content.
    for (let j = negations.length - 1; j >= 0; j--) {
      if (negations[j].at >= from && negations[j].at < to) negations.splice(j, 1);
    }
  }
  const put = FIGURE_PUT_AT_RE.exec(text);
  if (put) {
    const at = put.index + put[0].indexOf(put[1]!) + put[1]!.length;
    const cue = text.slice(at, put.index + put[0].length).trim();
    attributions.push({ text: cue, at: tokenIndexAt(tokens, at) });
  }
  // "in what its defence ministry called an operation to restore order" only names the event
  // in the ministry's words; "what officials called a one-day operation" also gives their
  // figure, which is then theirs.
  if (naming && !namingOnly)
    attributions.push({ text: naming[0], at: tokenIndexAt(tokens, naming.index) });
  const according = /\baccording to\b/i.exec(text);
  // The phrase is the readable cue; it replaces the bare token so counts stay the same.
  if (according) {
    const i = attributions.findIndex((c) => c.text.toLowerCase() === 'according');
    if (i >= 0) attributions.splice(i, 1);
    attributions.unshift({ text: according[0], at: -1 });
  }
  const bigrams = new Set<string>();
  const trigrams = new Set<string>();
  for (let i = 0; i + 1 < contentSeq.length; i++) {
    bigrams.add(contentSeq[i] + ' ' + contentSeq[i + 1]);
    if (i + 2 < contentSeq.length)
      trigrams.add(contentSeq[i] + ' ' + contentSeq[i + 1] + ' ' + contentSeq[i + 2]);
  }
  const denied = DENIAL.exec(text);
  const falseReport = denied ? null : FALSE_REPORT.exec(text);
  const staged = denied || falseReport ? null : STAGED.exec(text);
  const den = denied ?? falseReport ?? staged;
  return {
    text,
    tokens,
    keys,
    keyToken,
    stems,
    bigrams,
    trigrams,
    numbers,
    names,
    refutations,
    hedges,
    attributions,
    negations,
    question: /\?\s*["'”’)]*\s*$/.test(text),
    contrastAttribution: CONTRAST_ATTRIBUTION.test(text),
    contrastOwn: CONTRAST_OWN.test(text),
    named,
    balancedReport:
      BALANCED_REPORT.test(text) ||
      BALANCED_BLAME.test(text) ||
      BALANCED_VOICES.test(text) ||
      BALANCED_ACCORDING.test(text) ||
      BALANCED_MUTUAL.test(text) ||
      BALANCED_SAID_DENIED.test(text) ||
      BALANCED_FINDING.test(text),
    inquiry: INQUIRY_RE.exec(text)?.[0] ?? null,
    correction: corr ? { text: corr[0], at: tokenIndexAt(tokens, corr.index) } : null,
    denial: den
      ? {
          text: den[0],
          // A staged event's own words ("drone attack") are the denied ones: the cue sits before.
          at: Math.max(0, tokenIndexAt(tokens, den.index) - (staged ? 1 : 0)),
          // Whose reports are denied, or which event was staged: no denier names itself.
          ...(falseReport || staged ? { ofReports: true } : {}),
          ...(staged ? { staged: true } : {}),
        }
      : null,
  };
}
