/**
 * Times of day, as windows of minutes after the midnight that opens the day they belong to.
 *
 * Incident reports disagree on when as often as on which day: "at 23:40 on 2 October" and "on
 * the afternoon of 2 October" name one day and two times that cannot both hold. A clock time is
 * read as a narrow window (wider after "about"); a part of the day ("the afternoon", "late
 * evening", "at dawn") as the hours news prose means by it. Windows are generous on purpose:
 * two accounts conflict only where no reading of their words lets them meet.
 */
import { parseNumberWords } from './numbers.js';

export interface TimeOfDay {
  /** The words as written: "23:40", "the afternoon", "late evening". */
  text: string;
  /** Window in minutes after the day's midnight; `to` may pass 1440 (the night runs on). */
  from: number;
  to: number;
  /** Offset of `text` in the sentence. */
  at: number;
  /** A clock time told in words ("ten past four in the morning"): as exact as one in figures. */
  worded?: true;
}

/** A clock time, in figures or in words, not a part of the day ("the afternoon"). */
export function isClockTime(t: TimeOfDay): boolean {
  return t.worded === true || /\d/.test(t.text);
}

/** Hours each part of the day covers, in minutes; early and late take its first or last half. */
const PARTS: Record<string, [number, number]> = {
  dawn: [240, 450],
  daybreak: [240, 450],
  sunrise: [240, 450],
  morning: [300, 720],
  midday: [690, 810],
  noon: [690, 780],
  afternoon: [720, 1080],
  evening: [1020, 1320],
  dusk: [1020, 1260],
  nightfall: [1020, 1260],
  sunset: [1020, 1260],
  night: [1260, 1800],
  overnight: [1260, 1800],
  midnight: [1380, 1500],
  tonight: [1080, 1800],
};

/**
 * A clock time needs a word that makes it one ("at 23:40", "around 9 p.m.", "23:40 local
 * time"): "1.30" alone is as often a figure.
 */
const CLOCK_RE =
  /\b([01]?\d|2[0-3])(?:([:.])([0-5]\d))?(?:\s*(a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|UTC\b|local\s+time\b))?(?![\d%])/giu;
/** The word before a clock time; "around" and "about" widen it. */
const LEAD_RE =
  /\b(at|around|about|approximately|shortly\s+(?:after|before)|after|before|until|till|by|from|since|between|between\s+[\d:.]+(?:\s*(?:a\.m\.|p\.m\.|am|pm|hrs))?\s+and)\s+$/i;
const PART_RE =
  /\b(?:(early|late|mid-?)\s*)?(dawn|daybreak|sunrise|morning|midday|noon|afternoon|evening|dusk|nightfall|sunset|overnight|midnight|tonight|night)\b/giu;
const SMALL_HOURS_RE = /\b(?:early|small|wee)\s+hours\b/giu;
/** "night" in "overnight curfew", "a night shift" names no time of the event. */
const NOT_TIME_AFTER = /^\s*(?:shift|curfew|club|vision|watch|sky)/i;

/** "as" or a copula just before a clock time. */
const COPULA_BEFORE = /\b(?:as|is|was|were|be)\s+$/i;

/** Minutes of a clock time, or null when the words are not one. */
function clockMinutes(
  m: RegExpMatchArray,
  lead: string | undefined,
  before?: string,
): number | null {
  const h = Number(m[1]);
  const sep = m[2];
  const min = m[3] === undefined ? null : Number(m[3]);
  const suffix = m[4]?.toLowerCase() ?? '';
  const meridiem = suffix.startsWith('a') ? 'am' : suffix.startsWith('p') ? 'pm' : null;
  // A bare number is a clock time only with am/pm: "at 5" is a count as often as a time.
  if (min === null && meridiem === null) return null;
  // "23:40" needs a word before or after it; "10.30" (the British way) a word before it that
  // only times take, since "rose by 2.45" is a figure.
  // With a colon, a copula or "as" before it will do: "gave the time as 14:52", "the time
  // shown by the CCTV is 14:41".
  if (!lead && !suffix && !(sep === ':' && COPULA_BEFORE.test(before ?? ''))) return null;
  if (
    sep === '.' &&
    !suffix &&
    !/^(?:at|around|about|approximately|shortly|until|till)/i.test(lead ?? '')
  )
    return null;
  if (meridiem !== null) {
    if (h < 1 || h > 12) return null;
    return ((h % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + (min ?? 0);
  }
  return h * 60 + (min ?? 0);
}

/**
 * Times of day a sentence names, in order. A part of the day that only places a clock time
 * beside it ("at 06:45 this morning", "at 9 p.m. on Monday evening") is that time, not a
 * second one: it is left out, so the sentence names one time.
 */
export function timesOfDay(sentence: string): TimeOfDay[] {
  const clocks = clockTimesOfDay(sentence);
  const parts = partsOfDay(sentence).filter(
    (p) => !clocks.some((c) => gapBetween(c, p) <= PLACED_BESIDE && within(c, p)),
  );
  return [...clocks, ...parts].sort((a, b) => a.at - b.at);
}

/** The clock times a sentence names, in figures or in words ("at 23:52", "ten past three"). */
export function clockTimesOfDay(sentence: string): TimeOfDay[] {
  return [...clockTimes(sentence), ...wordedClockTimes(sentence)];
}

/** Characters between a clock time and a part of the day that places it. */
const PLACED_BESIDE = 25;

/** Characters between the end of one time's words and the start of the other's. */
function gapBetween(a: TimeOfDay, b: TimeOfDay): number {
  return a.at <= b.at ? b.at - (a.at + a.text.length) : a.at - (b.at + b.text.length);
}

/**
 * Whether clock time `c` falls in the part of the day `p` (which may run past midnight). A
 * clock time in "this morning" may be any hour after midnight ("at 03:05 this morning"),
 * though "the morning" alone means the hours after dawn.
 */
function within(c: TimeOfDay, p: TimeOfDay): boolean {
  const mid = (c.from + c.to) / 2;
  const from = p.text.toLowerCase() === 'morning' ? 0 : p.from;
  return [0, 1440].some((shift) => from <= mid + shift && mid + shift <= p.to);
}

function clockTimes(sentence: string): TimeOfDay[] {
  const out: TimeOfDay[] = [];
  for (const m of sentence.matchAll(CLOCK_RE)) {
    const before = sentence.slice(Math.max(0, m.index! - 24), m.index!);
    const lead = LEAD_RE.exec(before)?.[1];
    const minutes = clockMinutes(m, lead, before);
    if (minutes === null) continue;
    // "At 18:52" is given to the minute, where "at 06:00" or "at 23:40" may be rounded: two
    // minute-exact times five minutes apart are two accounts of the moment.
    // "About" widens a time as far as its roundness (aboutSlack): "about 22:00" meets 21:40,
    // "about 17:40" does not meet 17:52, and "about 11:30" and "about 09:40" are two accounts
    // of the moment.
    // A round time may be rounded as far as its roundness: "at 06:00" to the hour, "at 20:15"
    // to the quarter, "at 20:10" to five minutes.
    const slack = /^(?:around|about|approximately)/i.test(lead ?? '')
      ? aboutSlack(minutes)
      : minutes % 5 !== 0 && !/^shortly/i.test(lead ?? '')
        ? 1
        : minutes % 60 === 0
          ? 30
          : minutes % 15 === 0
            ? 10
            : 5;
    out.push({ text: m[0], from: minutes - slack, to: minutes + slack, at: m.index! });
  }
  return out;
}

/**
 * How far "about" widens a clock time: as far as the time is round. "About 22:00" may be
 * half an hour either way, "about half past ten" a quarter of an hour, "about twenty to six"
 * ten minutes (17:38 is about then, 17:52 is not), "about 17:52" five.
 */
function aboutSlack(minutes: number): number {
  return minutes % 60 === 0 ? 30 : minutes % 15 === 0 ? 15 : minutes % 5 === 0 ? 10 : 5;
}

/** The hours of a clock face in words (their values from numbers.ts). */
export const HOUR_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
/** Minutes in words before "minutes past" or "minutes to": "eight minutes to six". */
const MINUTE_WORD = String.raw`(?:(?:twenty-)?(?:one|two|three|four|six|seven|eight|nine)|eleven|twelve|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen)\s+minutes?`;
/**
 * "a quarter to three", "twenty minutes to three", "eight minutes to six", "half past nine",
 * "four o'clock".
 */
const WORDED_CLOCK_RE = new RegExp(
  String.raw`\b(?:(around|about|approximately|(?:shortly|just)\s+(?:after|before))\s+)?(?:(?:(a\s+quarter|quarter|half|twenty-five|twenty|ten|five|${MINUTE_WORD})(?:\s+minutes)?\s+(past|to)\s+(${HOUR_WORD}|midnight|noon|midday))|(${HOUR_WORD})\s+o['’]clock)\b`,
  'giu',
);
const MINUTES_OF: Record<string, number> = {
  'a quarter': 15,
  quarter: 15,
  half: 30,
  'twenty-five': 25,
  twenty: 20,
  ten: 10,
  five: 5,
};
/** The half of the day a sentence puts its worded time in, or null when it does not say. */
function meridiemOf(sentence: string): 'am' | 'pm' | null {
  if (
    /\b(?:a\.m\.|am|morning|dawn|daybreak|small\s+hours|before\s+first\s+light)\b/i.test(sentence)
  )
    return 'am';
  if (/\b(?:p\.m\.|pm|afternoon|evening|tonight|dusk)\b/i.test(sentence)) return 'pm';
  return null;
}

/**
 * Clock times in words, read in the half of the day the sentence names ("at about a quarter to
 * three on Wednesday morning", "at four o'clock this afternoon"); without one, none is read.
 */
function wordedClockTimes(sentence: string): TimeOfDay[] {
  const said = meridiemOf(sentence);
  const out: TimeOfDay[] = [];
  for (const m of sentence.matchAll(WORDED_CLOCK_RE)) {
    const hourWord = (m[4] ?? m[5])!.toLowerCase();
    // "twenty-five to midnight", "ten past noon" name their half of the day themselves.
    const midnight = hourWord === 'midnight';
    const own = midnight ? 'am' : /^(?:noon|midday)$/.test(hourWord) ? 'pm' : null;
    const meridiem = own ?? said;
    if (meridiem === null) continue;
    let h = own ? 12 : parseNumberWords(hourWord)!;
    let min = 0;
    if (m[2]) {
      const words = m[2].toLowerCase().replace(/\s+/g, ' ');
      const part = MINUTES_OF[words] ?? parseNumberWords(words.replace(/ minutes?$/, ''))!;
      if (m[3]!.toLowerCase() === 'past') min = part;
      else {
        h = h === 1 ? 12 : h - 1;
        min = 60 - part;
      }
    }
    // Before midnight is the day's last hour (23:35 for "twenty-five to midnight").
    const beforeMidnight = midnight && h === 11;
    const minutes = ((h % 12) + (meridiem === 'pm' || beforeMidnight ? 12 : 0)) * 60 + min;
    const lead = m[1]?.toLowerCase() ?? '';
    // "Eight minutes to six" is told to the minute; "twenty to six" may be rounded.
    const slack = /^(?:around|about|approximately)/.test(lead)
      ? aboutSlack(minutes)
      : min % 5 !== 0
        ? 1
        : 10;
    // "shortly after ten o'clock" (or "just after"): up to twenty-five minutes after it;
    // "shortly before", before.
    const [from, to] = /^(?:shortly|just)\s+after/.test(lead)
      ? [minutes, minutes + 25]
      : /^(?:shortly|just)\s+before/.test(lead)
        ? [minutes - 25, minutes]
        : [minutes - slack, minutes + slack];
    // The words without their lead ("about", "shortly after").
    const text = m[1] ? m[0].slice(m[1].length).trimStart() : m[0];
    out.push({ text, from, to, at: m.index! + m[0].length - text.length, worded: true });
  }
  return out;
}

/**
 * "Late on Monday", "early on 8 March": the end or the start of a named day, a part of it as
 * "late evening" is ("late on Monday" runs to the small hours; 05:30 on Tuesday is past it).
 */
const LATE_ON_RE =
  /\b([Ll]ate|[Ee]arly)\s+on\s+(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d{1,2}\s+\p{Lu}\p{Ll}+|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)/gu;

const PART_AFTER_DAY =
  /^[\p{L}\d]+(?:\s+[\p{L}\d]+)?,?\s+(?:dawn|morning|afternoon|evening|night|overnight)\b/iu;

function partsOfDay(sentence: string): TimeOfDay[] {
  const out: TimeOfDay[] = [];
  for (const m of sentence.matchAll(LATE_ON_RE)) {
    // "Late on Sunday evening": the part of the day named after it is the time.
    if (PART_AFTER_DAY.test(sentence.slice(m.index! + m[0].length))) continue;
    const late = m[1]!.toLowerCase() === 'late';
    out.push({ text: m[1]!, from: late ? 1140 : 0, to: late ? 1530 : 480, at: m.index! });
  }
  for (const m of sentence.matchAll(SMALL_HOURS_RE))
    out.push({ text: m[0], from: 0, to: 360, at: m.index! });
  for (const m of sentence.matchAll(PART_RE)) {
    const after = sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    if (NOT_TIME_AFTER.test(after)) continue;
    const [from, to] = PARTS[m[2]!.toLowerCase()]!;
    const half = (to - from) / 2;
    const mod = m[1]?.toLowerCase();
    const window: [number, number] =
      mod === 'early' ? [from, from + half] : mod === 'late' ? [to - half, to] : [from, to];
    // "before dawn": the hours before it too (an attack at 03:50 was before dawn).
    if (/\bbefore\s+$/i.test(sentence.slice(Math.max(0, m.index! - 8), m.index!)))
      window[0] = Math.max(0, from - 300);
    out.push({ text: m[0], from: window[0], to: window[1], at: m.index! });
  }
  return out;
}

/**
 * Whether two windows can name one moment. Windows are compared a day either way as well:
 * "00:30" on a date and "the night of" that date may be one night.
 */
export function timesMeet(a: TimeOfDay, b: TimeOfDay): boolean {
  for (const shift of [-1440, 0, 1440])
    if (a.from + shift <= b.to && b.from <= a.to + shift) return true;
  return false;
}
