/**
 * Lexical cues: negation, hedging and attribution ("who says so").
 */
import type { AttributionFacet } from './types.js';
import {
  EXTRACTION_HEDGE_RE as HEDGE_RE,
  EXTRACTION_NEGATION_RE as NEGATION_RE,
  FIGURE_PUT_AT_RE,
  NAMING_ASIDE,
  WARNED_WORDS,
  suspectedCategory,
  grantsPermission,
  declaredAct,
  toldInTimeClause,
  inBrushAside,
  toldToDo,
  reportOnTopic,
  VOICE_CORRECTION_RE,
} from '../../text/cues.js';
import type { Token } from '../../text/tokens.js';
import { isSpeechVerb, knownVerbLemma } from '../../text/lemma.js';
import { words } from '../../text/word-lists.js';
import { KNOWN_ORGS, ORG_HEADS } from './lexicon.js';

/**
 * "WHO: Vaccine cuts deaths by half", "Defence Ministry: two soldiers were killed": a headline
 * that opens with an organisation and a colon reports that organisation's words. Only known
 * organisations and names ending in an organisation word count, so a dateline ("BAKU: ..."), a
 * kicker ("WATCH: ...", "Analysis: ...") or a topic ("Karabakh: ...") is no speaker.
 */
const HEADLINE_SPEAKER_RE = /^(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}):\s+\S/u;

/** Words of a headline's label, not of a speaker ("BREAKING NEWS:", "DEATH WATCH:", "Syria News:"). */
const KICKER_WORDS = words(
  'breaking live watch exclusive update updated analysis opinion video photos explainer news ' +
    'latest factbox special',
);

/** The organisation a "NAME: words" headline attributes its words to, or null. */
export function headlineSpeaker(s: string): string | null {
  const m = HEADLINE_SPEAKER_RE.exec(s);
  if (!m) return null;
  const name = m[1];
  const words = name.toLowerCase().split(/\s+/);
  if (KNOWN_ORGS.has(words.join(' '))) return name;
  if (words.some((w) => KICKER_WORDS.has(w))) return null;
  return words.length > 1 && ORG_HEADS.has(words.at(-1)!) ? name : null;
}

// "No. 5" is a number sign, not a negation.
const NOT_NEGATION_AFTER = /^\.\s*\d/;

export function findNegations(s: string): string[] {
  const out: string[] = [];
  NEGATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEGATION_RE.exec(s)) !== null) {
    if (m[1].toLowerCase() === 'no' && NOT_NEGATION_AFTER.test(s.slice(m.index + 2))) continue;
    // "not only ... but also" adds rather than negates.
    if (m[1].toLowerCase() === 'not' && /^\s+only\b/i.test(s.slice(m.index + 3))) continue;
    // "not the first provocation of its kind": there were others.
    if (
      m[1].toLowerCase() === 'not' &&
      /^\s+the\s+(?:first|last|only)\b/i.test(s.slice(m.index + 3))
    )
      continue;
    out.push(m[1]);
  }
  return out;
}

/**
 * Whether the "may" found at `index` is the month: modal "may" is a hedge; the month is
 * capitalised, and mid-sentence or next to a day or year ("on 11 May", "May 12"), as relation
 * analysis reads it (monthMay).
 */
export function isMonthMay(s: string, index: number, found: string): boolean {
  return (
    found === 'May' &&
    (/^\s+\d/.test(s.slice(index + 3)) ||
      /\d\s+$/.test(s.slice(0, index)) ||
      /\S/.test(s.slice(0, index)))
  );
}

export function findHedges(s: string): string[] {
  const out: string[] = [];
  HEDGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEDGE_RE.exec(s)) !== null) {
    if (isMonthMay(s, m.index, m[1])) continue;
    if (suspectedCategory(s, m.index)) continue;
    if (grantsPermission(s, m.index + m[0].indexOf(m[1]), m[1])) continue;
    if (inBrushAside(s, m.index + m[0].indexOf(m[1]))) continue;
    out.push(m[1]);
  }
  return out;
}

const ACCORDING_RE = /\baccording to\s+([^,;:.]+?)(?=\s*(?:[,;:.]|$|\s(?:that|who|which)\b))/iu;
const REPORTERS_AFTER = /^\s+(reporters|journalists|the press|the media|[A-Z][\p{L}]+)/u;
const SPEAKER_STOP = new Set([
  'that',
  'which',
  'who',
  'when',
  'while',
  'as',
  'but',
  'because',
  'if',
  'and',
  'also',
  'has',
  'have',
  'had',
  'is',
  'was',
  'were',
  'are',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
]);
const PRONOUN_SPEAKERS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
// Reporting words that also serve as nouns or adjectives: "continued claims of" is not a cue.
const NOUN_LIKE = new Set([
  'claims',
  'reports',
  'states',
  'notes',
  'posts',
  'quotes',
  'estimates',
  'cites',
  'statement',
]);

/**
 * Reporting verbs with an everyday sense that reports nothing ("the horse has maintained its
 * size", "the agency added two flights", "she wrote three novels"): they attribute only next
 * to the reported words (`besideReportedWords`).
 */
const EVERYDAY_SENSE = new Set([
  'maintain',
  'add',
  'note',
  'write',
  'post',
  'indicate',
  'estimate',
  'mention',
  'explain',
  'reveal',
  'disclose',
  'acknowledge',
  'admit',
  'suggest',
  'cite',
  'quote',
  'stress',
  'emphasize',
  'emphasise',
  'inform',
]);
/**
 * The reported words follow the verb ("maintained that", "added:", 'wrote, "...'), or came
 * before it: the verb ends the clause ('"We will respond," he added.') or its speaker follows a
 * comma or a quotation mark ("The road stayed open, officials noted on Monday").
 */
function besideReportedWords(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.text;
  if (next === undefined || /^(?:that|[:,;.!?"“”'‘’])$/.test(next)) return true;
  const span = speakerSpan(tokens, i);
  return span !== null && /^[,"“”'‘’]$/.test(tokens[span[0] - 1]?.text ?? '');
}
/** "heads of state", "to write": a noun after a preposition, an infinitive. */
const NOT_A_REPORT_AFTER = new Set(['of', 'for', 'in', 'on', 'with', 'from', 'at', 'to']);

/** Finds the first attribution: "according to X", "X said", "said X", cue without speaker. */
/** Verbs whose passive reports a statement ("it was reported that", "he is said to"). */
const PASSIVE_REPORTING = new Set([
  'say',
  'report',
  'claim',
  'allege',
  'state',
  'announce',
  'confirm',
  'quote',
  'cite',
  'rumor',
  'rumour',
  'deny',
]);

/** A subject and its relative clause before a comma: "Greenhollow Leisure, which runs the camp". */
const RELATIVE_ASIDE =
  /(?:^|[.;:]\s+)((?:\p{Lu}[\p{L}'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*|(?:[Tt]he|[Ii]ts|[Aa])\s+(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)\s*,\s*(?:which|who)\s+[^,;"“”]{1,60}$/u;

/** A capitalised name, a comma and what it is: "The Northwind Relief Alliance, an aid group". */
const APPOSITION_ASIDE =
  /(?:^|[.;:]\s+)((?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*)\s*,\s*(?:an?|the|its|one\s+of)\s+[^,;"“”]{1,60}$/u;
/** Words after an inverted verb that time the saying: "said on Tuesday", "said yesterday". */
const WHEN_NOT_WHO =
  /^(?:on|at|in|during|this|last|yesterday|today|tonight|late|early|earlier|later)\b/i;

export function findAttribution(s: string, tokens: Token[]): AttributionFacet | null {
  const named = headlineSpeaker(s);
  if (named) return { speaker: named, cue: ':' };
  const acc = ACCORDING_RE.exec(s);
  if (acc) return { speaker: acc[1].trim(), cue: 'according to' };
  const put = FIGURE_PUT_AT_RE.exec(s);
  if (put) {
    const cueAt = put.index + put[0].indexOf(put[1]!) + put[1]!.length;
    return { speaker: put[1]!.trim(), cue: s.slice(cueAt, put.index + put[0].length).trim() };
  }

  // "Wrongly said", "Correction: an earlier version of this article said": the outlet's own
  // correction, in its own voice, not a speaker it quotes.
  const corr = VOICE_CORRECTION_RE.exec(s);
  // "an assault its government describes as ...": the namer's words, not the sentence's voice.
  const naming = NAMING_ASIDE.exec(s);
  const within = (t: Token, m: RegExpExecArray | null) =>
    m !== null && t.start >= m.index && t.end <= m.index + m[0].length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (within(t, corr) || within(t, naming)) continue;
    // Capitalised mid-sentence it is part of a name ("State Highways Agency").
    if (!t.isWord || NOUN_LIKE.has(t.lower) || (t.cap && i > 0)) continue;
    const lemma = knownVerbLemma(t.lower);
    if (!isSpeechVerb(lemma)) continue;
    if (/ing$/.test(t.lower) && tokens[i - 1]?.lower !== 'saying') {
      // "quoted as saying" is still a cue; bare gerunds ("denying", "accusing") rarely attribute.
      if (t.lower !== 'saying') continue;
    }
    // A determiner before it makes it a noun ("the report", "a claim").
    const prev = tokens[i - 1];
    if (
      prev &&
      /^(?:the|a|an|its|their|his|her|this|these|no|any|every|each|another)$/.test(prev.lower)
    )
      continue;
    // So does a determiner and one singular word before a bare form: "a command post", "the
    // field report" (but "the officials note that" reports).
    const prev2 = tokens[i - 2];
    if (
      prev &&
      prev2 &&
      t.lower === lemma &&
      /^(?:the|a|an|its|their|his|her|this|our|every|each)$/.test(prev2.lower) &&
      prev.isWord &&
      !/s$/.test(prev.lower)
    )
      continue;
    if (prev && NOT_A_REPORT_AFTER.has(prev.lower)) continue;
    // "Castrevan's state news agency": after a possessive it is a noun.
    if (prev && /['’]s$/.test(prev.text)) continue;
    // "well after Castrevan had announced that ...", "whatever the Service says": a report in a
    // clause that times or brushes aside the writer's own statement is not its source.
    if (toldInTimeClause(s, t.start)) continue;
    // "..., which confirms that it was a legitimate target": what confirms is the clause
    // before, a fact the writer draws on, not a speaker.
    if (prev?.lower === 'which' && tokens[i - 2]?.text === ',' && lemma === 'confirm') continue;
    // "Four fatalities have been confirmed", "seven people were confirmed dead": a passive
    // with no one to confirm it is the writer's own count, not a speaker's ("confirmed by the
    // hospital" still names one).
    if (
      lemma === 'confirm' &&
      /^(?:been|was|were|is|are|be)$/.test(prev?.lower ?? '') &&
      !/^\s*(?:\p{L}+\s+)?by\b/iu.test(s.slice(t.end, t.end + 20))
    )
      continue;
    if (lemma && EVERYDAY_SENSE.has(lemma) && !besideReportedWords(tokens, i)) continue;
    // "Officers warned its occupants three times by loudspeaker": a deed, not a report, unless
    // what was said follows ("warned residents that the dam could fail", "warned of shortages").
    if (
      lemma === 'warn' &&
      !WARNED_WORDS.test(
        tokens
          .slice(i + 1, i + 7)
          .map((x) => x.lower)
          .join(' '),
      )
    )
      continue;
    if (declaredAct(tokens, i)) continue;
    if (toldToDo(tokens, i)) continue;
    // "has reported on the results of the measures": a topic, not a proposition.
    if (reportOnTopic(tokens, i)) continue;
    let cue = t.text;
    const after = s.slice(t.end);
    if (lemma === 'tell') {
      const r = REPORTERS_AFTER.exec(after);
      if (r) cue = `${t.text} ${r[1]}`;
    }
    // Passive reporting ("it was reported", "is said to") names no speaker. Only a verb of
    // reporting: "residents were warned on Monday", "were told to leave" say what was done to
    // them, not who says the statement.
    if (prev && /^(?:was|were|is|are|been|be)$/.test(prev.lower)) {
      if (!PASSIVE_REPORTING.has(lemma ?? '')) continue;
      const by = /^\s+by\s+([^,;:.]+)/u.exec(after);
      return { speaker: by ? by[1].trim() : null, cue: `${prev.text} ${t.text}` };
    }
    const before = speakerBefore(tokens, i, s);
    // "nobody told us anything": no one said it, so nothing is reported.
    if (before && /^(?:nobody|no\s+one|none)$/i.test(before)) continue;
    if (before) return { speaker: before, cue };
    // "Greenhollow Leisure, which runs the camp, said the first children fell ill": the speaker
    // stands before the relative clause, and what follows the verb is what was said.
    const aside = prev?.text === ',' ? RELATIVE_ASIDE.exec(s.slice(0, prev.start)) : null;
    if (aside) return { speaker: aside[1]!.trim(), cue };
    // "The Northwind Relief Alliance, an aid group, said on Tuesday that ...": a name with an
    // apposition that says what it is, then the verb.
    const apposed = prev?.text === ',' ? APPOSITION_ASIDE.exec(s.slice(0, prev.start)) : null;
    if (apposed) return { speaker: apposed[1]!.trim(), cue };
    // Inversion only follows a quotation or a comma: '"...," said the minister'.
    const inverted = prev !== undefined && /^[,"”’']$/.test(prev.text);
    // '..., said on Tuesday' names when, not who.
    const invertedSpeaker = inverted ? speakerAfter(tokens, i, s) : null;
    return {
      speaker: invertedSpeaker && !WHEN_NOT_WHO.test(invertedSpeaker) ? invertedSpeaker : null,
      cue,
    };
  }
  return null;
}

function speakerBefore(tokens: Token[], i: number, s: string): string | null {
  const span = speakerSpan(tokens, i);
  return span ? s.slice(tokens[span[0]].start, tokens[span[1]].end) : null;
}

/** Token indexes of the speaker before the verb at `i` (first, last), or null. */
function speakerSpan(tokens: Token[], i: number): [number, number] | null {
  let k = i - 1;
  // Adverbs between speaker and verb: "the ministry reportedly said".
  // An auxiliary too: "the ministry has said", "we have confirmed".
  // So do "so far", "now", "already": "The Observatory has so far confirmed", and a modal: "I
  // must report".
  while (
    k >= 0 &&
    tokens[k].isWord &&
    (/ly$|^(?:have|has|had|now|already|also|again|just|must|can|will|would|should)$/.test(
      tokens[k].lower,
    ) ||
      (tokens[k].lower === 'far' && tokens[k - 1]?.lower === 'so') ||
      (tokens[k].lower === 'so' && tokens[k + 1]?.lower === 'far'))
  )
    k--;
  const end = k;
  let n = 0;
  while (k >= 0 && n < 8) {
    const t = tokens[k];
    if (!t.isWord && !/^[’'.-]$/.test(t.text)) break;
    if (SPEAKER_STOP.has(t.lower) && !(PRONOUN_SPEAKERS.has(t.lower) && k === end)) break;
    k--;
    n++;
    if (PRONOUN_SPEAKERS.has(t.lower)) break;
  }
  const first = k + 1;
  if (first > end) return null;
  return [first, end];
}

/** Inverted attribution after a quote: '"...," said the minister.' */
function speakerAfter(tokens: Token[], i: number, s: string): string | null {
  let k = i + 1;
  if (k >= tokens.length || !tokens[k].isWord || tokens[k].lower === 'that') return null;
  const first = k;
  let n = 0;
  while (k < tokens.length && n < 8 && (tokens[k].isWord || /^[’'.-]$/.test(tokens[k].text))) {
    if (SPEAKER_STOP.has(tokens[k].lower) && k > first) break;
    k++;
    n++;
  }
  if (k === first) return null;
  return s.slice(tokens[first].start, tokens[k - 1].end).replace(/[.’'-]+$/u, '') || null;
}
