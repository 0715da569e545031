/**
 * Numbers written in digits or words, and durations built on them.
 */
import type { DurationFacet } from './types.js';

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
  dozen: 12,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mln: 1e6,
  bn: 1e9,
  k: 1e3,
};

// Longest alternatives first so "seventeen" is not read as "seven".
const WORD_ALT =
  'seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|seventy|twenty|thirty|forty|fifty|sixty|eighty|ninety|eleven|twelve|hundred|thousand|million|billion|trillion|dozen|zero|one|two|three|four|five|six|seven|eight|nine|ten';
export const WORD_NUM = `(?:${WORD_ALT})(?:(?:[ -]|\\s+and\\s+)(?:${WORD_ALT}))*`;
export const DIGIT_NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
export const SCALE_WORD = '(?:hundred|thousand|million|billion|trillion|mln|bn)';

/** Parses "1,200", "3.5", "twenty-three", "one hundred and fifty", "3.5 million", "a dozen". */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  const digit = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*-?\s*([a-z]+))?$/.exec(s);
  if (digit) {
    const base = Number(digit[1].replace(/,/g, ''));
    if (!digit[2]) return base;
    const scale = SCALES[digit[2]];
    return scale ? base * scale : null;
  }
  return parseNumberWords(s);
}

export function parseNumberWords(s: string): number | null {
  const words = s
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and' && w !== '');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in SMALL) {
      current += SMALL[w] === 12 && current > 0 ? current * 11 : SMALL[w];
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  sec: 1,
  minute: 60,
  min: 60,
  hour: 3600,
  hr: 3600,
  // "16 h 40 min": the hour's symbol, as monitors and inspectorates write lengths.
  h: 3600,
  day: 86400,
  week: 604800,
  // Calendar months and years vary; a fixed 30/365 days keeps comparisons simple and is what
  // a reader means by "a month" in a casualty or ceasefire report.
  // "Three nights without light": a night is a day of the calendar.
  night: 86400,
  month: 2592000,
  year: 31536000,
  decade: 315360000,
};
const UNIT_RE =
  '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|months?|years?|decades?)';
const QTY_RE = `(?:${DIGIT_NUM}|${WORD_NUM}|an?)`;
// "Two days and a half", and also "two and a half days".
const ONE_RE = `(?:${QTY_RE})(?:\\s+and\\s+a\\s+half)?[ -]+${UNIT_RE}(?:\\s+and\\s+a\\s+half)?`;
const DURATION_RE = new RegExp(
  // "Into a second day", "for a second time": an ordinal, not one second.
  `(?<![\\p{L}\\d])(?:half\\s+an?\\s+${UNIT_RE}|${ONE_RE}(?:(?:,\\s*|\\s+and\\s+|\\s+)${ONE_RE})*)(?![\\p{L}\\d])(?!-old|\\s+ago\\b|\\s+old\\b)(?<!\\ban?\\s+second(?=\\s+(?:day|night|week|month|year|time|round|term|wave|phase|stage|attempt|shift|day's)\\b))`,
  'giu',
);
const ONE_PART = new RegExp(
  `(${QTY_RE})(\\s+and\\s+a\\s+half)?[ -]+(${UNIT_RE})(\\s+and\\s+a\\s+half)?`,
  'gi',
);

const DURATION_HINT = /(?:sec|min|hour|hr|day|night|week|month|year|decade)/i;

/**
 * "Ran into a third day", "well into its second week": the event had lasted at least the days
 * before the one named (`signals.ts` reads "into" as a lower bound).
 */
const INTO_ORDINAL =
  /\binto\s+(?:a|its|the)\s+(second|third|fourth|fifth|sixth|seventh)\s+(day|week|month)\b/gi;
/** "second" to "seventh" as numbers ("into a third day"). */
export const ORDINAL_VALUE: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
};

function unitSeconds(unit: string): number {
  const u = unit.toLowerCase().replace(/s$/, '');
  return UNIT_SECONDS[u] ?? 0;
}

/** Finds durations; `taken` marks UTF-16 ranges already claimed by dates. */
export function findDurations(s: string, taken: Array<[number, number]>): DurationFacet[] {
  const out: DurationFacet[] = [];
  if (!DURATION_HINT.test(s)) return out;
  DURATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_RE.exec(s)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const text = m[0];
    let seconds = 0;
    const half = /^half\s+an?\s+(\S+)/i.exec(text);
    if (half) {
      seconds = unitSeconds(half[1]) / 2;
    } else {
      ONE_PART.lastIndex = 0;
      let p: RegExpExecArray | null;
      while ((p = ONE_PART.exec(text)) !== null) {
        const n = parseNumber(p[1]);
        if (n === null) continue;
        seconds += (n + (p[2] || p[4] ? 0.5 : 0)) * unitSeconds(p[3]);
      }
    }
    if (seconds <= 0) continue;
    out.push({ text, seconds: Math.round(seconds), at: start });
    taken.push([start, end]);
  }
  INTO_ORDINAL.lastIndex = 0;
  while ((m = INTO_ORDINAL.exec(s)) !== null) {
    const text = m[0].slice(m[0].search(/\s/) + 1).replace(/^(?:a|its|the)\s+/i, '');
    const start = m.index + m[0].length - text.length;
    if (overlaps(taken, start, start + text.length)) continue;
    const n = ORDINAL_VALUE[m[1]!.toLowerCase()]!;
    out.push({ text, seconds: (n - 1) * unitSeconds(m[2]!), at: start });
    taken.push([start, start + text.length]);
  }
  return out;
}

export function overlaps(taken: Array<[number, number]>, start: number, end: number): boolean {
  for (const [a, b] of taken) if (start < b && a < end) return true;
  return false;
}
