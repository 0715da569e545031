/**
 * Date and date-range recognition, written for news prose.
 *
 * chrono-node was tried first: it splits "September 19–20, 2023" (en dash) into a single day,
 * reads "within 23 hours and 43 minutes" as a clock time and costs ~1.4 ms per article in casual
 * mode, a third of the whole extraction budget. These patterns cover the forms news uses and
 * keep ranges intact.
 */
import type { DateFacet } from './types.js';
import { MONTHS, WEEKDAYS } from './lexicon.js';
import { overlaps, parseNumber } from './numbers.js';

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const DASH = '\\s*(?:-|–|—|to|through|until|till|and)\\s*';
/**
 * The comma before a year, also with a space before it: "June 26 , 1980" is how tokenised
 * corpora and text copied out of PDFs write "June 26, 1980".
 */
const YC = '(?:\\s?,)?\\s+';
/** "from ... to", "between ... and": what makes two written dates one span. */
const SPAN_OPEN = '(?:(from|between)\\s+)?';
const WEEKDAY_PREFIX = '(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?';
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

type Kind =
  | 'mdymdy'
  | 'dmydmy'
  | 'mymy'
  | 'mdmdy'
  | 'mddy'
  | 'dmdmy'
  | 'ddmy'
  | 'mdy'
  | 'dmy'
  | 'my'
  | 'iso'
  | 'dotted'
  | 'slashed'
  | 'yy'
  | 'y'
  | 'm'
  | 'rel'
  | 'ago'
  | 'weekday'
  | 'relperiod'
  | 'nth';

// Ordered from the longest form to the shortest; a match claims its span so shorter patterns
// cannot re-read part of it.
const PATTERNS: Array<[Kind, RegExp]> = [
  // Spans whose two ends each carry a year: "from October 3, 2013 to July 18, 2015", "between
  // 3 October 2013 and 18 July 2015", "from September 1994 to August 1995". Without them each
  // end was a date of its own, and "filming finished in August 1995" was compared with the
  // span's first month.
  [
    'mdymdy',
    new RegExp(
      `${B}${SPAN_OPEN}(${MONTH})\\s+${DAY}${YC}${YEAR}${DASH}(${MONTH})\\s+${DAY}${YC}${YEAR}${E}`,
      'gu',
    ),
  ],
  [
    'dmydmy',
    new RegExp(
      `${B}${SPAN_OPEN}${DAY}\\s+(?:of\\s+)?(${MONTH})${YC}${YEAR}${DASH}${DAY}\\s+(?:of\\s+)?(${MONTH})${YC}${YEAR}${E}`,
      'gu',
    ),
  ],
  [
    'mymy',
    new RegExp(`${B}${SPAN_OPEN}(${MONTH})${YC}${YEAR}${DASH}(${MONTH})${YC}${YEAR}${E}`, 'gu'),
  ],
  [
    'mdmdy',
    new RegExp(`${B}(${MONTH})\\s+${DAY}${DASH}(${MONTH})\\s+${DAY}(?:${YC}${YEAR})?${E}`, 'gu'),
  ],
  ['mddy', new RegExp(`${B}(${MONTH})\\s+${DAY}${DASH}${DAY}(?:${YC}${YEAR})?${E}`, 'gu')],
  [
    'dmdmy',
    new RegExp(
      `${B}${DAY}\\s+(?:of\\s+)?(${MONTH})${DASH}${DAY}\\s+(?:of\\s+)?(${MONTH})(?:${YC}${YEAR})?${E}`,
      'gu',
    ),
  ],
  [
    'ddmy',
    new RegExp(`${B}${DAY}${DASH}${DAY}\\s+(?:of\\s+)?(${MONTH})(?:${YC}${YEAR})?${E}`, 'gu'),
  ],
  ['mdy', new RegExp(`${B}${WEEKDAY_PREFIX}(${MONTH})\\s+${DAY}(?:${YC}${YEAR})?${E}`, 'gu')],
  [
    'dmy',
    new RegExp(`${B}${WEEKDAY_PREFIX}${DAY}\\s+(?:of\\s+)?(${MONTH})(?:${YC}${YEAR})?${E}`, 'gu'),
  ],
  ['my', new RegExp(`${B}(${MONTH})${YC}${YEAR}${E}`, 'gu')],
  ['iso', new RegExp(`${B}${YEAR}-(\\d{2})-(\\d{2})${E}`, 'gu')],
  ['dotted', new RegExp(`${B}(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}${E}`, 'gu')],
  ['slashed', new RegExp(`${B}(\\d{1,2})/(\\d{1,2})/${YEAR}${E}`, 'gu')],
  [
    'yy',
    new RegExp(
      `${B}(?:(?:from|between)\\s+)?(1[89]\\d\\d|2[01]\\d\\d)\\s*(?:-|–|—|to|and)\\s*(1[89]\\d\\d|2[01]\\d\\d)${E}`,
      'giu',
    ),
  ],
  [
    'y',
    new RegExp(
      `(?<=\\b(?:in|since|until|till|by|from|during|of|before|after|through|early|late|mid|spring|summer|autumn|fall|winter|year)[\\s-]+)(1[89]\\d\\d|2[01]\\d\\d)${E}`,
      'giu',
    ),
  ],
  // "The 2091 war", "the 2020 statement": a year that names which event of its kind.
  [
    'y',
    new RegExp(
      `(?<=\\b(?:the|its|their|a|this)\\s+)(1[89]\\d\\d|2[01]\\d\\d)(?=\\s+(?:war|ceasefire|truce|agreement|accord|treaty|deal|statement|declaration|election|elections|referendum|offensive|operation|campaign|fighting|conflict|clashes|uprising|crisis|crash|disaster|flood|floods|earthquake|attack|attacks|protests?|exodus|blockade|report|census|strike|explosion|collapse|fire)\\b)`,
      'giu',
    ),
  ],
  [
    'm',
    new RegExp(
      // A sentence may open with the month ("In June, two drivers were wounded"), so the word
      // before it may be capitalised; the month itself must be, so "may" and "march" stay verbs.
      `(?<=\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|of|[Bb]efore|[Aa]fter|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|[Tt]his|[Nn]ext)[\\s-]+)(January|February|March|April|May|June|July|August|September|October|November|December)${E}`,
      'gu',
    ),
  ],
  [
    'ago',
    /(?<![\p{L}\d])(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?|months?|years?)\s+ago(?![\p{L}\d])/giu,
  ],
  [
    'rel',
    /(?<![\p{L}\d])(today|yesterday|tomorrow|last night|tonight|this morning|this evening|this afternoon)(?![\p{L}\d])/giu,
  ],
  [
    'weekday',
    /(?<![\p{L}\d])(?:(on|last|this|next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(morning|afternoon|evening|night))?(?![\p{L}\d])/gu,
  ],
  [
    'relperiod',
    /(?<![\p{L}\d])(?:(earlier|later)\s+)?(last|this|next|past)\s+(week|month|year)(?![\p{L}\d])/giu,
  ],
  // "attacked on the 18th": a day of the month of writing (of the month before when that day
  // is still to come). Only after "on the", so "the 18th century" or "the 3rd brigade" is not read.
  ['nth', /(?<=\bon\s+the\s+)([12]?\d|3[01])(?:st|nd|rd|th)(?![\p{L}\d])/giu],
];

// Cheap guards so that most sentences skip most patterns; kinds not listed need a digit.
const PREFILTER: Partial<Record<Kind, RegExp>> = {
  m: /(?:January|February|March|April|May|June|July|August|September|October|November|December)/,
  ago: /\bago\b/i,
  rel: /(?:today|yesterday|tomorrow|night|morning|evening|afternoon)/i,
  weekday: /day\b/,
  relperiod: /(?:week|month|year)\b/i,
};

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function month(name: string): number {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function iso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromUtc(t: number): Ymd {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}

const DAY_MS = 86400000;

/**
 * A written date without a year is taken in the publication year, unless that puts it more
 * than half a year after publication: then it is last year's (a January article about
 * "December 30").
 */
function inferYear(m: number, d: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  return utc(y, m, d) - ref.getTime() > 183 * DAY_MS ? y - 1 : y;
}

/** Finds dates in `s`; claimed UTF-16 ranges are appended to `taken`. */
export function findDates(
  s: string,
  ref: Date | null,
  taken: Array<[number, number]>,
): DateFacet[] {
  const out: DateFacet[] = [];
  const hasDigit = /\d/.test(s);
  for (const [kind, re] of PATTERNS) {
    if (!(PREFILTER[kind]?.test(s) ?? hasDigit)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(taken, start, end)) continue;
      let facet = build(kind, m, ref);
      if (!facet) continue;
      facet.at = start;
      let from = start;
      if (facet.precision === 'month' && facet.start.slice(0, 7) === facet.end.slice(0, 7)) {
        const part = partOfMonth(s.slice(0, start), facet);
        if (part) {
          facet = part;
          from = part.at!;
        }
      }
      out.push(facet);
      taken.push([from, end]);
    }
  }
  out.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  return out;
}

/** "early June", "mid-June", "late June", "the first week of June", "the end of June". */
const PART_OF_MONTH =
  /\b(early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|the\s+(?:first|second|third|fourth|last)\s+week\s+of)[\s-]+$/i;
const WEEK_INDEX: Record<string, number> = { first: 0, second: 1, third: 2, fourth: 3 };

/**
 * A month narrowed by the words before it, as a span of days: "in early June" is 1-10 June,
 * "the first week of June" 1-7 June. "First cases on 28 June" and "first patients in early
 * June" then disagree, where June and 28 June would not.
 */
function partOfMonth(before: string, f: DateFacet): DateFacet | null {
  const m = PART_OF_MONTH.exec(before);
  if (!m) return null;
  const [y, mo] = f.start.split('-').map(Number) as [number, number];
  const last = daysIn(y, mo);
  const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  let a: number;
  let b: number;
  if (w === 'early' || /beginning|start/.test(w)) [a, b] = [1, 10];
  else if (w === 'mid' || /middle/.test(w)) [a, b] = [11, 20];
  else if (w === 'late' || /the end/.test(w)) [a, b] = [21, last];
  else {
    const nth = /the (\w+) week/.exec(w)![1]!;
    if (nth === 'last') [a, b] = [last - 6, last];
    else [a, b] = [WEEK_INDEX[nth]! * 7 + 1, WEEK_INDEX[nth]! * 7 + 7];
  }
  const at = m.index;
  const text = before.slice(at) + f.text;
  const out = dayFacet(text, { y, m: mo, d: a }, { y, m: mo, d: b }, f.relative);
  if (out) out.at = at;
  return out;
}

function dayFacet(text: string, a: Ymd, b: Ymd, relative: boolean): DateFacet | null {
  if (!valid(a.y, a.m, a.d) || !valid(b.y, b.m, b.d)) return null;
  if (utc(b.y, b.m, b.d) < utc(a.y, a.m, a.d)) return null;
  return { text, start: iso(a), end: iso(b), precision: 'day', relative };
}

function monthFacet(text: string, y: number, m: number, relative: boolean): DateFacet {
  return {
    text,
    start: iso({ y, m, d: 1 }),
    end: iso({ y, m, d: daysIn(y, m) }),
    precision: 'month',
    relative,
  };
}

function yearFacet(text: string, y1: number, y2: number, relative: boolean): DateFacet | null {
  if (y2 < y1) return null;
  return { text, start: `${y1}-01-01`, end: `${y2}-12-31`, precision: 'year', relative };
}

/**
 * Two dated ends make one span only when the words say so: "from A to B", "A - B", "between A
 * and B". "In September 1994 and August 1995" names two months, not the time between them.
 */
function spanWords(m: RegExpExecArray): boolean {
  return m[1] !== undefined || !/\sand\s/i.test(m[0]);
}

/** A month-precise span; ends out of order are two dates, not one span. */
function monthSpan(text: string, y1: number, m1: number, y2: number, m2: number): DateFacet | null {
  if (!m1 || !m2 || utc(y2, m2, 1) < utc(y1, m1, 1)) return null;
  return { ...monthFacet(text, y1, m1, false), end: monthFacet(text, y2, m2, false).end };
}

function build(kind: Kind, m: RegExpExecArray, ref: Date | null): DateFacet | null {
  const text = m[0];
  switch (kind) {
    case 'mdymdy': {
      if (!spanWords(m)) return null;
      const a = { y: +m[4], m: month(m[2]), d: +m[3] };
      return dayFacet(text, a, { y: +m[7], m: month(m[5]), d: +m[6] }, false);
    }
    case 'dmydmy': {
      if (!spanWords(m)) return null;
      const a = { y: +m[4], m: month(m[3]), d: +m[2] };
      return dayFacet(text, a, { y: +m[7], m: month(m[6]), d: +m[5] }, false);
    }
    case 'mymy':
      if (!spanWords(m)) return null;
      return monthSpan(text, +m[3], month(m[2]), +m[5], month(m[4]));
    case 'mdmdy': {
      const [m1, d1, m2, d2] = [month(m[1]), +m[2], month(m[3]), +m[4]];
      return range(text, m1, d1, m2, d2, m[5], ref);
    }
    case 'mddy': {
      const mo = month(m[1]);
      return range(text, mo, +m[2], mo, +m[3], m[4], ref);
    }
    case 'dmdmy':
      return range(text, month(m[2]), +m[1], month(m[4]), +m[3], m[5], ref);
    case 'ddmy': {
      const mo = month(m[3]);
      return range(text, mo, +m[1], mo, +m[2], m[4], ref);
    }
    case 'mdy':
      return range(text, month(m[1]), +m[2], month(m[1]), +m[2], m[3], ref);
    case 'dmy':
      return range(text, month(m[2]), +m[1], month(m[2]), +m[1], m[3], ref);
    case 'my':
      return monthFacet(text, +m[2], month(m[1]), false);
    case 'iso': {
      const d = { y: +m[1], m: +m[2], d: +m[3] };
      return dayFacet(text, d, d, false);
    }
    case 'dotted': {
      // Day-first: the convention of most non-US sources that write dotted dates.
      const d = { y: +m[3], m: +m[2], d: +m[1] };
      return dayFacet(text, d, d, false);
    }
    case 'slashed': {
      const a = +m[1];
      const b = +m[2];
      // Slashes are US month-first unless the first field cannot be a month.
      const d = a > 12 ? { y: +m[3], m: b, d: a } : { y: +m[3], m: a, d: b };
      return dayFacet(text, d, d, false);
    }
    case 'yy':
      return yearFacet(text, +m[1], +m[2], false);
    case 'y':
      return yearFacet(text, +m[1], +m[1], false);
    case 'm': {
      if (!ref) return null;
      const mo = month(m[1]);
      const y = inferYear(mo, 1, ref);
      return y === null ? null : monthFacet(text, y, mo, true);
    }
    case 'ago':
      return ago(text, m[1], m[2], ref);
    case 'rel':
      return relativeDay(text, m[1].toLowerCase(), ref);
    case 'weekday':
      return weekday(text, m[1]?.toLowerCase() ?? 'on', m[2], ref);
    case 'relperiod':
      return relPeriod(text, m[2].toLowerCase(), m[3].toLowerCase(), ref);
    case 'nth':
      return nthOfMonth(text, Number(m[1]), ref);
  }
}

function range(
  text: string,
  m1: number,
  d1: number,
  m2: number,
  d2: number,
  yearText: string | undefined,
  ref: Date | null,
): DateFacet | null {
  if (!m1 || !m2) return null;
  let y2: number | null = yearText ? +yearText : inferYear(m2, d2, ref);
  if (y2 === null) return null;
  // "December 30 – January 2, 2024" starts in the previous year.
  const y1 = m1 > m2 ? y2 - 1 : y2;
  if (!yearText && m1 > m2) y2 = y1 + 1;
  return dayFacet(text, { y: y1, m: m1, d: d1 }, { y: y2, m: m2, d: d2 }, !yearText);
}

function refDay(ref: Date): number {
  return utc(ref.getUTCFullYear(), ref.getUTCMonth() + 1, ref.getUTCDate());
}

function ago(text: string, n: string, unit: string, ref: Date | null): DateFacet | null {
  if (!ref) return null;
  // "a week ago" counts one; every other count is a number in digits or words.
  const count = /^an?$/i.test(n) ? 1 : (parseNumber(n) ?? 0);
  const u = unit.toLowerCase().replace(/s$/, '');
  const r = fromUtc(refDay(ref));
  if (u === 'day' || u === 'week') {
    const t = refDay(ref) - count * (u === 'week' ? 7 : 1) * DAY_MS;
    const d = fromUtc(t);
    return dayFacet(text, d, d, true);
  }
  if (u === 'month') {
    const t = Date.UTC(r.y, r.m - 1 - count, 1);
    const d = fromUtc(t);
    return monthFacet(text, d.y, d.m, true);
  }
  return yearFacet(text, r.y - count, r.y - count, true);
}

function relativeDay(text: string, word: string, ref: Date | null): DateFacet | null {
  if (!ref) return null;
  const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
  const d = fromUtc(refDay(ref) + offset * DAY_MS);
  return dayFacet(text, d, d, true);
}

/**
 * "on Tuesday" in news means the most recent Tuesday on or before publication; "next Tuesday"
 * the first one after it.
 */
function weekday(text: string, mod: string, name: string, ref: Date | null): DateFacet | null {
  if (!ref) return null;
  const target = WEEKDAYS.get(name.toLowerCase());
  if (target === undefined) return null;
  const base = refDay(ref);
  const today = new Date(base).getUTCDay();
  let delta: number;
  if (mod === 'next') delta = ((target - today + 7) % 7) + (target === today ? 7 : 0);
  else if (mod === 'last') delta = -((today - target + 7) % 7 || 7);
  else delta = -((today - target + 7) % 7);
  const d = fromUtc(base + delta * DAY_MS);
  return dayFacet(text, d, d, true);
}

function nthOfMonth(text: string, day: number, ref: Date | null): DateFacet | null {
  if (!ref || day < 1) return null;
  const today = fromUtc(refDay(ref));
  let y = today.y;
  let m = today.m;
  if (day > today.d) {
    m -= 1;
    if (m < 1) {
      m = 12;
      y -= 1;
    }
  }
  if (!valid(y, m, day)) return null;
  const d = { y, m, d: day };
  return dayFacet(text, d, d, true);
}

function relPeriod(text: string, which: string, unit: string, ref: Date | null): DateFacet | null {
  if (!ref) return null;
  const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0;
  const r = fromUtc(refDay(ref));
  if (unit === 'year') return yearFacet(text, r.y + shift, r.y + shift, true);
  if (unit === 'month') {
    const d = fromUtc(Date.UTC(r.y, r.m - 1 + shift, 1));
    return monthFacet(text, d.y, d.m, true);
  }
  // Weeks run Monday to Sunday.
  const base = refDay(ref);
  const dow = (new Date(base).getUTCDay() + 6) % 7;
  const monday = base - dow * DAY_MS + shift * 7 * DAY_MS;
  return dayFacet(text, fromUtc(monday), fromUtc(monday + 6 * DAY_MS), true);
}
