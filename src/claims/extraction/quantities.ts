/**
 * Counts and measured amounts: "at least two civilians", "3.5 million people", "$1.2bn",
 * "40%". Years, dates, durations and identifiers ("No. 5", "T-72") are not quantities.
 */
import type { QuantityFacet } from './types.js';
import type { Token } from '../../text/tokens.js';
import { DIGIT_NUM, overlaps, parseNumber, WORD_NUM } from './numbers.js';
import { HOUR_WORD } from './times.js';
import {
  IRREGULAR_NOUNS,
  isEventVerb,
  knownVerbLemma,
  looksPluralNoun,
  nounLemma,
} from '../../text/lemma.js';
import { GROUP_NOUNS, RECORDING_VERB as RECORDING } from './lexicon.js';
import { EXTRACTION_STOPWORDS as STOPWORDS } from '../../text/stopwords.js';

const VAGUE: Record<string, number> = {
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  'tens of thousands': 20000,
  'hundreds of thousands': 200000,
  // "Only a small number of residents have used the corridor", "a handful of fighters".
  'a small number': 2,
  'a handful': 2,
};

/**
 * The largest figure a vague word still covers. Loose by design: reports call a crowd of
 * 20,000 "thousands", though "hundreds" for 5,000 would be wrong.
 */
const VAGUE_MAX: Record<string, number> = {
  dozens: 199,
  scores: 199,
  hundreds: 1999,
  thousands: 49999,
  millions: 2e8,
  'tens of thousands': 199999,
  'hundreds of thousands': 1999999,
  'a small number': 999,
  'a handful': 12,
};

const CORE_RE = new RegExp(
  `(?<![\\p{L}\\d.,/:#\\-–])(${DIGIT_NUM}|tens\\s+of\\s+thousands|hundreds\\s+of\\s+thousands|a\\s+small\\s+number|a\\s+handful|dozens|scores|hundreds|thousands|millions|(?:a\\s+)?(?:${WORD_NUM}))(?![\\d])`,
  'giu',
);
const SCALE_AFTER = /^\s*-?\s*(hundred|thousand|million|billion|trillion|mln|bn)(?![\p{L}])/iu;
const GLUED_MONEY_SCALE = /^(bn|m|k)(?![\p{L}])/iu;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)(?![\p{L}])/iu;
// "two o'clock", "1:52", "330/110 kV" (a pair of ratings): no count.
// So are "ten past six", "twenty-five to midnight" and "eight minutes to six" ("ten to twelve
// people" stays a range).
const TIME_AFTER = new RegExp(
  String.raw`^(?::\d|\/\d|\s*(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|hrs)(?![\p{L}])|\s+o['’]clock\b|\s+minutes?\s+(?:past|to)\s|\s+past\s+(?:${HOUR_WORD}|midnight|noon|midday)\b|\s+to\s+(?:midnight|noon|midday)\b)`,
  'iu',
);
const RANGE_AFTER = new RegExp(
  `^\\s*(?:-|–|—|to)\\s*(${DIGIT_NUM}|${WORD_NUM})(?![\\p{L}\\d])`,
  'iu',
);
const BETWEEN_AND = new RegExp(`^\\s+and\\s+(${DIGIT_NUM}|${WORD_NUM})(?![\\p{L}\\d])`, 'iu');
const CURRENCY_BEFORE = /(US\$|\$|€|£|₽|₼|\b(?:USD|EUR|GBP|AZN|AMD|RUB))\s?$/u;
const IDENTIFIER_BEFORE =
  /\b(?:No|Nos|Article|Art|Resolution|Section|Chapter|Paragraph|Para|Flight|Route|Room|Unit|Height|Hill|Highway|Road|Building|Block|Gate|Checkpoint|Post|Camp|Sector|Zone|Ward|Bridge|Terminal|Reactor|Platform|Exit|Brigade|Battalion|Regiment|Division|Item|Point|Clause|Part|Number|Decree|Order|Law|Protocol|Code|page|p|pp)\.?\s*$/;
const APPROX_BEFORE =
  /(?:^|[^\p{L}])(at least|no fewer than|no less than|more than|over|in excess of|upwards of|at most|up to|no more than|fewer than|less than|under|as many as|about|around|approximately|nearly|almost|some|roughly|an estimated|estimated|close to|~)\s*$/iu;

const UNITS: Array<[RegExp, string]> = [
  [/^\s?(?:%|percent\b|per cent\b|percentage points?\b)/i, '%'],
  [/^\s?(?:square kilometres|square kilometers|sq\.? km|km2|km²)(?![\p{L}])/iu, 'km2'],
  // Speeds before lengths: "80 km/h" is no distance.
  [
    /^\s?(?:km\/h|kmh|kph|km\s+an\s+hour|km\s+per\s+hour|kilomet(?:re|er)s?\s+(?:per|an)\s+hour)(?![\p{L}])/iu,
    'km/h',
  ],
  [/^\s?(?:mph|miles\s+(?:per|an)\s+hour)(?![\p{L}])/iu, 'mph'],
  [/^\s?(?:knots?)(?![\p{L}])/iu, 'kn'],
  // A multiple of a level: "17 times the limit", "40 times higher than normal" (not "three
  // times this year", a count of occasions).
  [
    /^\s?times\s+(?=(?:the|its|their|a|an|higher|greater|more|above|over|below|lower|normal|background)\b)/iu,
    'x',
  ],
  // A flow: "2,400 cubic metres per second", "900 cubic metres of water per second", "m3/s".
  [
    /^\s?(?:m3\/s|m³\/s|cumecs|cubic\s+met(?:re|er)s?\s+(?:of\s+\p{L}+\s+)?(?:per|a)\s+second)(?![\p{L}])/iu,
    'm3/s',
  ],
  [/^\s?(?:cubic\s+met(?:re|er)s?|m3|m³)(?![\p{L}\d])/iu, 'm3'],
  [/^\s?(?:millimet(?:re|er)s?|mm)(?![\p{L}])/iu, 'mm'],
  [/^\s?(?:km|kilometres|kilometers|kilometre|kilometer)(?![\p{L}])/iu, 'km'],
  [/^\s?(?:nautical\s+miles?|nmi)(?![\p{L}])/iu, 'nmi'],
  [/^\s?(?:miles?|mi)(?![\p{L}])/iu, 'mi'],
  [/^\s?(?:metres|meters|metre|meter|m)(?![\p{L}])/iu, 'm'],
  [/^\s?(?:hectares?|ha)(?![\p{L}])/iu, 'ha'],
  [/^\s?(?:tonnes?|tons?)(?![\p{L}])/iu, 't'],
  [/^\s?(?:kg|kilograms?|kilogrammes?)(?![\p{L}])/iu, 'kg'],
  [/^\s?(?:US dollars|dollars|USD)(?![\p{L}])/iu, 'USD'],
  [/^\s?(?:euros?|EUR)(?![\p{L}])/iu, 'EUR'],
  [/^\s?(?:pounds sterling|GBP)(?![\p{L}])/iu, 'GBP'],
  [/^\s?(?:manats?|AZN)(?![\p{L}])/iu, 'AZN'],
  [/^\s?(?:drams?|AMD)(?![\p{L}])/iu, 'AMD'],
  [/^\s?(?:roubles?|rubles?|RUB)(?![\p{L}])/iu, 'RUB'],
  [/^\s?(?:barrels?)(?![\p{L}])/iu, 'bbl'],
];
const CURRENCY_SYMBOL: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₽': 'RUB',
  '₼': 'AZN',
};

const APPROX_KIND: Record<string, QuantityFacet['approx']> = {
  'at least': 'at_least',
  'no fewer than': 'at_least',
  'no less than': 'at_least',
  'more than': 'at_least',
  over: 'at_least',
  'in excess of': 'at_least',
  'upwards of': 'at_least',
  'at most': 'at_most',
  'up to': 'at_most',
  'no more than': 'at_most',
  'fewer than': 'at_most',
  'less than': 'at_most',
  under: 'at_most',
  'as many as': 'at_most',
};

// Adjectives that describe the outcome for the counted people: "left two soldiers dead".
const OUTCOME_EVENT: Record<string, string> = {
  dead: 'kill',
  killed: 'kill',
  wounded: 'wound',
  injured: 'injure',
  missing: 'disappear',
};

const AGE_AFTER = /^[-\s](?:year|month|week|day)s?[-\s]old\b/i;
/** "aged 19", "at the age of 19": an age. */
const AGE_BEFORE = /\b(?:aged|age\s+of)\s+$/i;
/**
 * "One of the dead, Teodor Amsel, was 19 and had been held for four months": a named person's
 * age, with nothing counted after it. A capitalised name just before "was" or "is" ("The toll
 * was 19" has none).
 */
const NAMED_AGE_BEFORE = /(?:\p{Lu}\p{Ll}+,?|,\s+who)\s+(?:was|is)\s+$/u;
/** "The driver, Anton Hurle, 51, of Kessing": an age set off by commas after a name. */
const NAMED_AGE_APPOSITION_BEFORE = /\p{Lu}\p{Ll}+,\s*$/u;
const NAMED_AGE_APPOSITION_AFTER = /^\s*,/;
const NAMED_AGE_AFTER = /^\s*(?:[,;.]|and\b|when\b)/i;

export function findQuantities(
  s: string,
  tokens: Token[],
  taken: Array<[number, number]>,
): QuantityFacet[] {
  const out: QuantityFacet[] = [];
  /** Counts that are a part of the count before them ("five of them children"). */
  const parts = new Set<QuantityFacet>();
  CORE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CORE_RE.exec(s)) !== null) {
    let start = m.index;
    let end = start + m[0].length;
    const core = m[1];
    if (overlaps(taken, start, end)) continue;
    let rest = s.slice(end);
    if (
      /^\p{L}/u.test(rest) &&
      !GLUED_MONEY_SCALE.test(rest) &&
      !UNITS.some(([re]) => re.test(rest))
    )
      continue;
    if (ORDINAL_AFTER.test(rest) || TIME_AFTER.test(rest)) continue;
    // "a 64-year-old farmer", "a 12-year-old": an age, not a count.
    if (AGE_AFTER.test(rest)) continue;
    const before = s.slice(Math.max(0, start - 30), start);
    if (AGE_BEFORE.test(before)) continue;
    if (/^\d{1,2}$/.test(core) && NAMED_AGE_BEFORE.test(before) && NAMED_AGE_AFTER.test(rest))
      continue;
    if (
      /^\d{1,2}$/.test(core) &&
      NAMED_AGE_APPOSITION_BEFORE.test(before) &&
      NAMED_AGE_APPOSITION_AFTER.test(rest)
    )
      continue;
    if (IDENTIFIER_BEFORE.test(before)) continue;

    const isDigits = /^\d/.test(core);
    const vague = VAGUE[core.toLowerCase().replace(/\s+/g, ' ')];
    let value = vague ?? parseNumber(core.replace(/^an?\s+/i, 'a '));
    if (value === null) continue;
    let approx: QuantityFacet['approx'] = vague !== undefined ? 'approximate' : 'exact';

    let unit: string | null = null;
    const cur = CURRENCY_BEFORE.exec(before);
    if (cur) {
      unit = CURRENCY_SYMBOL[cur[1]] ?? cur[1];
      start -= cur[0].length;
    }
    const scale = SCALE_AFTER.exec(rest);
    if (scale && vague === undefined) {
      value *= parseNumber(`1 ${scale[1]}`) ?? 1;
      end += scale[0].length;
    } else if (unit && GLUED_MONEY_SCALE.test(rest)) {
      const g = GLUED_MONEY_SCALE.exec(rest)![1].toLowerCase();
      value *= g === 'bn' ? 1e9 : g === 'm' ? 1e6 : 1e3;
      end += g.length;
    }
    rest = s.slice(end);

    const vagueKey = core.toLowerCase().replace(/\s+/g, ' ');
    let valueMax = vague !== undefined ? (VAGUE_MAX[vagueKey] ?? value) : value;
    const rng = RANGE_AFTER.exec(rest);
    const between = /\bbetween\s*$/i.test(before) ? BETWEEN_AND.exec(rest) : null;
    const hi = rng ?? between;
    if (hi) {
      const v = parseNumber(hi[1]);
      if (v !== null && v > value) {
        valueMax = v;
        approx = 'approximate';
        end += hi[0].length;
        if (between) start = s.toLowerCase().lastIndexOf('between', start);
        rest = s.slice(end);
      }
    }

    // "31 or more", "ten or fewer": a bound, not an exact figure.
    const bound = /^\s+or\s+(more|fewer|less)\b/i.exec(rest);
    if (bound && approx === 'exact') {
      approx = bound[1]!.toLowerCase() === 'more' ? 'at_least' : 'at_most';
      end += bound[0].length;
      rest = s.slice(end);
    }

    if (!unit) {
      // "eight 122-millimetre rockets", "a 900-kilogram bomb": the size of each thing, a figure
      // with its unit (the count before it is of the rockets).
      const glued = SIZE_MODIFIER_AFTER.test(rest) ? /^\s?-\s?/.exec(rest) : null;
      const read = glued ? ` ${rest.slice(glued[0].length)}` : rest;
      for (const [re, u] of UNITS) {
        const um = re.exec(read);
        if (um) {
          unit = u;
          end += um[0].length + (glued ? glued[0].length - 1 : 0);
          rest = s.slice(end);
          break;
        }
      }
    }

    let counted = unit ? null : countedNoun(rest, value);
    // "nine impact points", "four strike sites": what is counted is where shells landed.
    if (
      counted &&
      /^(?:points|sites)$/i.test(counted.word) &&
      /\b(?:impact|strike)\s+$/i.test(rest.slice(0, counted.end - counted.word.length))
    )
      counted = { word: 'impacts', end: counted.end };
    // "killing 14 people, five of them children": the part is named after "of them".
    const partOf = unit ? null : PART_OF_THEM.exec(rest);
    const part = partOf ? countedNoun(rest.slice(partOf[0].length), 2) : null;
    if (partOf && part) counted = { word: part.word, end: partOf[0].length + part.end };
    // "Eight of the dead were children": what is counted is named after the harmed.
    const ofHarmed = counted || unit ? null : OF_THE_HARMED.exec(rest);
    const harmed = ofHarmed ? countedNoun(rest.slice(ofHarmed[0].length), 2) : null;
    if (ofHarmed && harmed) counted = { word: harmed.word, end: ofHarmed[0].length + harmed.end };
    // Ellipsis: "200 soldiers were killed and 400 injured" counts soldiers twice.
    const prevCounted = out[out.length - 1]?.counted;
    if (
      !counted &&
      !unit &&
      prevCounted &&
      /^\s+(?:dead|killed|wounded|injured|missing|more)\b/i.test(rest)
    )
      counted = { word: prevCounted, end: 0 };
    // A bare year ("in 2023") or a lone "one" ("one of them") is not a count.
    if (
      isDigits &&
      !unit &&
      /^(1[89]\d\d|2[01]\d\d)$/.test(core) &&
      (counted === null || !looksPluralNoun(counted.word))
    )
      continue;
    if (!isDigits && value === 1 && (counted === null || /^\s+of\b/i.test(rest))) continue;
    // "about 300,000 children each summer": a rate, no count of one event's people.
    if (!unit && HABITUAL_AFTER.test(rest)) continue;
    // "The union, which represents 3,900 firefighters across the province": the size of a body
    // that speaks, no count of anything that happened.
    if (!unit && MEMBERSHIP_BEFORE.test(before)) continue;
    // "sessions of two or three weeks": the first end of a range of lengths.
    if (!unit && LENGTH_RANGE_AFTER.test(rest)) continue;
    // "the war between the two": a group named before, not a count of anything.
    if (!isDigits && !unit && counted === null && /\bthe\s+$/i.test(before)) continue;
    // "We treated 41 of the injured": a part of a group the sentence does not count, so it is
    // no total to set against another source's. ("Seven of them were killed when ..." is
    // kept, marked as a part of an earlier sentence's group.)
    // "Seven of the dead were killed when a shell struck School No. 2": like "seven of them",
    // a part of an earlier toll, the people killed in one incident.
    const deadPart = !unit && !counted ? DEAD_PART.exec(rest) : null;
    if (deadPart) counted = { word: 'people', end: deadPart[0].length };
    else if (!unit && !counted && OF_THE_GROUP.test(rest)) continue;
    // "Two of the men died from baton rounds; the others died from smoke inhalation": a group
    // broken down by cause, each count a part of a total given elsewhere.
    const breakdown = !unit && OF_THE_NOUN.test(rest) && THE_OTHERS.test(rest);
    // "The last three trapped miners", "the remaining 40": a part of a group counted elsewhere.
    // ("The first six of the nine carriages" names its whole: no part of another's group.)
    const lastOf =
      !unit &&
      /\bthe\s+(?:last|first|remaining|other|final)\s+$/i.test(before) &&
      !/^\s+(?:out\s+)?of\s+(?:the|its|their)\s/i.test(rest);
    // "Three of those buried were skiers": the buried broken down by kind, a part of them.
    // "Two of the derailed wagons ploughed through the fences": a part of a group the writer
    // marks by what happened to it, counted elsewhere.
    const ofMarked = !unit && OF_THE_MARKED.test(rest);
    const ofEarlier =
      ofMarked ||
      (!unit && !!partOf && !part && out.length === 0) ||
      !!deadPart ||
      breakdown ||
      lastOf ||
      (!!ofHarmed && !!harmed);

    const winStart = Math.max(0, start - 30);
    const ap = APPROX_BEFORE.exec(s.slice(winStart, start));
    if (ap && approx === 'exact') {
      approx = APPROX_KIND[ap[1].toLowerCase()] ?? 'approximate';
      start = winStart + ap.index + ap[0].indexOf(ap[1]);
    }
    const textStart = start;
    const facet: QuantityFacet = {
      text: s.slice(textStart, end).trim(),
      value,
      approx,
      unit,
      counted: counted ? nounLemma(counted.word) : null,
      event: null,
      at: textStart,
    };
    if (valueMax !== value || approx === 'at_most') facet.valueMax = valueMax;
    if (ofEarlier) facet.partOfEarlier = true;
    const countedEnd = counted ? end + counted.end : end;
    facet.event = findEvent(s, tokens, textStart, countedEnd);
    // "registered about 64,000 people leaving the region": what the people did is the verb
    // after them; the recording verb before only says how they were counted.
    if (facet.event && RECORDING.test(facet.event)) {
      const next = /^\s+(\p{L}+(?:ing|ed))\b/u.exec(s.slice(countedEnd, countedEnd + 30));
      const lemma = next ? knownVerbLemma(next[1]!.toLowerCase()) : null;
      if (lemma && !RECORDING.test(lemma)) facet.event = lemma;
    }
    // "Fourteen miners were cut off by the roof fall": trapped, not cut off from a supply.
    if (CUT_OFF_AFTER.test(s.slice(countedEnd, countedEnd + 40))) facet.event = 'trap';
    // "Nine hostages lost their lives": they died (no supply was lost).
    if (LOST_LIVES_AFTER.test(s.slice(countedEnd, countedEnd + 40))) facet.event = 'die';
    // "The number of hostages who died has risen to 23": a toll of the group named before it.
    const toll = NUMBER_OF_BEFORE.exec(s.slice(Math.max(0, textStart - 120), textStart));
    if (toll && !facet.counted) {
      facet.counted = nounLemma(toll[1]!.toLowerCase());
      facet.event = knownVerbLemma(toll[2]!.toLowerCase().split(/\s+/).pop()!) ?? facet.event;
    }
    // "The column, made up of three vehicles, was destroyed" / "our convoy was made up of eight
    // vehicles", "the group numbered no more than twelve": how many a group held, whatever
    // befell it.
    if (MADE_UP_OF.test(s.slice(Math.max(0, textStart - 24), textStart))) facet.event = 'comprise';
    // "37 children have been taken ill" / "58 children who fell ill": one event, sickness.
    if (FELL_ILL_AFTER.test(s.slice(countedEnd, countedEnd + 50))) facet.event = 'sicken';
    // "left 1.2 million homes without electricity": cut off, not people who left.
    if (facet.event === 'leave' && WITHOUT_AFTER.test(s.slice(countedEnd, countedEnd + 40)))
      facet.event = 'deprive';
    // "11 civilian deaths": the dead are civilians; a death is a killing's outcome.
    const deaths = DEATHS_OF.exec(s.slice(end, countedEnd));
    if (!unit && deaths) {
      facet.counted = nounLemma(deaths[1]!.toLowerCase());
      facet.event ??= 'death';
    }
    // "About 2,000 people took part", "30,000 people came out": a crowd, counted as one
    // with those who "marched" or "rallied".
    if (!unit && (facet.event === null || facet.event === 'take' || facet.event === 'come'))
      if (CROWD_AFTER.test(s.slice(countedEnd, countedEnd + 30))) facet.event = 'gather';
    // "Four of the nine carriages left the rails", "six came off the track": derailed.
    if (!unit && DERAILED_AFTER.test(s.slice(countedEnd, countedEnd + 50))) facet.event = 'derail';
    // "112 persons were delivered to police stations": people detained.
    if (!unit && POLICE_CUSTODY.test(s.slice(countedEnd, countedEnd + 70))) facet.event = 'detain';
    // "estimated the crowd in the square at between 15,000 and 20,000 people", "attended by
    // about 2,000 people": the size of a crowd.
    if (
      !unit &&
      (facet.event === null || facet.event === 'rally' || facet.event === 'estimate') &&
      CROWD_BEFORE.test(s.slice(Math.max(0, textStart - 80), textStart))
    )
      facet.event = 'gather';
    // "350 people on board": people a vessel carried.
    if (!unit && facet.event === null && /^\s+(?:on\s+board|aboard)\b/i.test(s.slice(countedEnd)))
      facet.event = 'carry';
    // "38 servicemen came home": people returned (no event verb says it).
    if (!unit && facet.event === null && HOME_RE.test(s.slice(countedEnd, countedEnd + 30)))
      facet.event = 'return';
    // "pulled 14 people alive from the rubble": people rescued.
    if (!unit && facet.event === null && ALIVE_AFTER.test(s.slice(countedEnd, countedEnd + 20)))
      facet.event = 'rescue';
    if (!unit) {
      // Ahead, only up to the next count or clause: "pulled 14 people alive, and 31 people
      // were taken to hospital" sends the 31 to hospital, not the 14.
      const ahead = s.slice(countedEnd, countedEnd + 60);
      const own = ahead.slice(0, NEXT_COUNT_OR_CLAUSE.exec(ahead)?.index ?? ahead.length);
      let care: RegExpExecArray | null = null;
      // "sent 11 people to hospital", "three employees were treated", "needed treatment":
      // people who needed care (a verb like "sent" or "taken" says nothing alone).
      if (facet.event === null || CARRIED.has(facet.event))
        care = CARE_RE.exec(s.slice(Math.max(0, textStart - 30), countedEnd) + own);
      // "seven people have been confirmed dead and 23 are being treated in hospital": the care
      // told after the count, in its own clause, is what befell those counted, not the deaths
      // of the clause before it.
      else if (DEATH_LEMMAS.has(facet.event)) care = CARE_AHEAD.exec(own);
      if (care) facet.event = /treat/i.test(care[0]) ? 'treat' : 'hospitalise';
    }
    // "four fatalities have been confirmed": people who died.
    if (!unit && facet.counted && /^fatalit(?:y|ie)$/.test(facet.counted)) {
      facet.counted = 'person';
      facet.event ??= 'death';
    }
    // "confirmed the death of one soldier", "the killing of two civilians".
    // "The bodies of 14 people have been recovered from the building": the dead, whatever
    // the verb says was done with them.
    const outcome = unit ? null : OUTCOME_OF_BEFORE.exec(s.slice(0, textStart));
    if (outcome && (facet.event === null || /^(?:bodies|remains)$/i.test(outcome[1]!)))
      facet.event = 'death';
    // "The death toll has risen to 15", "a death toll of 15": the figure counts the dead.
    if (
      !facet.counted &&
      !unit &&
      TOLL_BEFORE.test(s.slice(Math.max(0, textStart - 90), textStart))
    )
      facet.event = 'death';
    // Ellipsis: "two civilians were killed, while ... say four died", "three guards were killed
    // and five were wounded": a bare count counts what the count before it counted.
    // The count before, passing over a part of it ("30 people, including 12 children, and
    // wounded 40": the 40 are people).
    const prev = out.findLast((q) => !parts.has(q));
    if (!facet.counted && prev?.counted && (prev.unit ?? null) === (facet.unit ?? null))
      facet.counted = prev.counted;
    // "58 children who fell ill, not 37 as the ministry claims": the value set right is of the
    // count before, what it counts and what befell them.
    // "said more than 7,000 people were evacuated; the correct figure, recorded by ..., is
    // 5,312": the figure put in its place counts the same.
    if (
      prev &&
      (prev.unit ?? null) === (facet.unit ?? null) &&
      (SET_RIGHT_BEFORE.test(s.slice(Math.max(0, textStart - 12), textStart)) ||
        CORRECT_FIGURE_BEFORE.test(s.slice(Math.max(0, textStart - 90), textStart)))
    ) {
      facet.counted = prev.counted;
      facet.event = prev.event ?? null;
    }
    // "Twelve people were killed ..., among them nine patients", "killing 14 people, five of
    // them children": a part of the count before, counted for the same event (which a nearest
    // verb would miss, or take from another clause).
    if (
      prev?.event &&
      (prev.counted || prev.event === 'death') &&
      !unit &&
      (prev.unit ?? null) === null &&
      ((partOf && (part || !ownEventAfter(facet.event, s.slice(countedEnd, countedEnd + 40)))) ||
        PART_BEFORE.test(s.slice(Math.max(0, textStart - 40), textStart)))
    ) {
      facet.event = prev.event;
      facet.partWithin = true;
      parts.add(facet);
    }
    // "Four of the train's nine carriages left the rails", "twenty-three of the 69 people on
    // board were killed": the second figure is the whole the first is taken from, and what
    // happened is said of the part. Not a whole with a deed of its own ("four of the 27 people
    // taken to hospital were seriously hurt": 27 were taken to hospital).
    const before0 = out.at(-1);
    if (
      before0 &&
      before0.at !== undefined &&
      !unit &&
      WHOLE_AFTER_PART.test(s.slice(before0.at + before0.text.length, textStart))
    ) {
      before0.counted ??= facet.counted;
      if (!REDUCED_RELATIVE.test(s.slice(countedEnd, countedEnd + 80))) {
        facet.whole = true;
        before0.event ??= facet.event;
      }
    }
    // "the 175 children who did not fall ill": those the event spared, no count of it.
    if (facet.event && NEGATED_RELATIVE.test(s.slice(countedEnd, countedEnd + 30)))
      facet.event = `not ${facet.event}`;
    out.push(facet);
    taken.push([textStart, end]);
  }
  // "No casualties among Valdish servicemen": none of them hurt.
  addMatchedCounts(s, CASUALTY_ZERO_RE, out, taken, (z) => ({
    text: z[0],
    // "no casualties among Valdish servicemen", "no civilian casualties".
    // "no casualties among the civilian population": among civilians, as "the civilian
    // population was not harmed" (NOT_HARMED_RE) is.
    counted: z.groups?.among
      ? /civilian/i.test(z[0])
        ? 'civilian'
        : /\b(?:residents|population)\b/i.test(z.groups.among)
          ? 'resident'
          : nounLemma(z.groups.among.toLowerCase())
      : z.groups?.adj
        ? z.groups.adj.toLowerCase() === 'military'
          ? 'soldier'
          : z.groups.adj.toLowerCase()
        : 'person',
    event:
      CASUALTY_EVENT[z.groups!.kind!.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '')] ??
      'hurt',
  }));
  // "No lives were lost", "there was no loss of life": nobody died.
  addMatchedCounts(s, LIVES_ZERO_RE, out, taken, (z) => ({
    text: z[0],
    counted: 'person',
    event: 'die',
  }));
  // "No one was hurt", "no civilians were killed": a count of zero, which a report of two
  // wounded contradicts.
  addMatchedCounts(s, ZERO_RE, out, taken, (z) => ({
    text: z[1]!,
    counted: z[2] ? nounLemma(z[2].toLowerCase()) : 'person',
    event: ZERO_EVENT[z[3]!.toLowerCase()] ?? null,
  }));
  // "The civilian population was not harmed", "civilians were not affected": none of them hurt.
  addMatchedCounts(s, NOT_HARMED_RE, out, taken, (z) => {
    const who = z[2]!.toLowerCase();
    return {
      text: z[1]!,
      counted: /civilian/.test(who) ? 'civilian' : /resident/.test(who) ? 'resident' : 'person',
      event: 'hurt',
    };
  });
  // "No children were among the dead": none of them in the toll.
  addMatchedCounts(s, NONE_AMONG_RE, out, taken, (z) => ({
    text: z[1]!,
    counted: nounLemma(z[2]!.toLowerCase()),
    event: AMONG_EVENT[z[3]!.toLowerCase()] ?? null,
  }));
  addMatchedCounts(s, NONE_OF_RE, out, taken, (z) => ({
    text: z[1]!,
    counted: nounLemma(z[2]!.toLowerCase()),
    event: ZERO_EVENT[z[3]!.toLowerCase()] ?? null,
  }));
  // "It was the third police search of a newsroom this year" / "This is the fourth time this
  // year that police have raided a newsroom": how many times it has happened in a period.
  addMatchedCounts(s, ORDINAL_OCCURRENCE_RE, out, taken, (o) => ({
    text: o[1]!,
    value: ORDINALS.indexOf(o[1]!.toLowerCase()) + 2,
    counted: 'occurrence',
    event: 'occur',
  }));
  // "All passengers were accounted for": none of them missing.
  addMatchedCounts(s, ACCOUNTED_FOR_RE, out, taken, (z) => ({
    text: z[1]!,
    counted: /^(?:people|everyone|everybody)$/i.test(z[2]!)
      ? 'person'
      : nounLemma(z[2]!.toLowerCase()),
    event: OUTCOME_EVENT.missing!,
  }));
  addMatchedCounts(s, NOT_PRESENT_RE, out, taken, (z) => {
    const who = (z[2] ?? z[4])!.toLowerCase();
    return {
      text: (z[1] ?? z[3])!,
      counted: who === 'people' ? 'person' : nounLemma(who),
      event: 'hurt',
    };
  });
  markBreakdown(s, out);
  return out;
}

/**
 * "Twelve workers were trapped: nine employees of Vannock and three drillers": counts after a
 * colon or dash that add up to the count before it are its parts, not totals of their own.
 */
function markBreakdown(s: string, out: QuantityFacet[]): void {
  for (let i = 0; i < out.length; i++) {
    const whole = out[i]!;
    if (whole.unit || whole.at === undefined) continue;
    const end = whole.at + whole.text.length;
    const after = out.filter((q) => !q.unit && q.at !== undefined && q.at > end);
    if (after.length < 2) continue;
    if (!/[:\u2013\u2014]/.test(s.slice(end, after[0]!.at))) continue;
    // "nine impact points: five inside the terminal, where six of the eight tanks are burned
    // out, and four inside the power station": the parts are the counts of the same thing,
    // with counts of something else between them.
    if (!addUp(whole, after))
      addUp(
        whole,
        after.filter((q) => q.counted === whole.counted || bareCount(s, q)),
      );
  }
}

/** A count with nothing counted after it ("and three at the station"): of the whole's thing. */
function bareCount(s: string, q: QuantityFacet): boolean {
  return BARE_AFTER.test(s.slice(q.at! + q.text.length));
}
const BARE_AFTER =
  /^\s*(?:[,;.)]|(?:in|inside|at|on|near|from|among|across|around|outside|within)\b)/i;

/** Marks the first counts of `after` that sum to the whole as its parts; whether they did. */
function addUp(whole: QuantityFacet, after: QuantityFacet[]): boolean {
  let sum = 0;
  for (let k = 0; k < after.length; k++) {
    sum += after[k]!.value;
    if (sum === whole.value && k >= 1) {
      for (const q of after.slice(0, k + 1)) q.partOfEarlier = true;
      return true;
    }
    if (sum > whole.value) return false;
  }
  return false;
}

/**
 * A count for each match of `re` not already taken; `read` gives its words (part of the
 * match), its value (none unless said), what it counts and what happened to them.
 */
function addMatchedCounts(
  s: string,
  re: RegExp,
  out: QuantityFacet[],
  taken: Array<[number, number]>,
  read: (m: RegExpExecArray) => {
    text: string;
    value?: number;
    counted: string;
    event: string | null;
  },
): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const { text, value = 0, counted, event } = read(m);
    const start = m.index + m[0].indexOf(text);
    const end = start + text.length;
    if (overlaps(taken, start, end)) continue;
    out.push({ text, value, approx: 'exact', unit: null, counted, event, at: start });
    taken.push([start, end]);
  }
}

const ORDINALS = [
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
const ORDINAL_OCCURRENCE_RE = new RegExp(
  String.raw`\b(${ORDINALS.join('|')})\s+(?:[\p{L}-]+\s+){0,7}?(?:this\s+(?:year|month|week)|so\s+far\s+this\s+(?:year|month)|since\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|the\s+start\s+of)\b)`,
  'giu',
);

const HABITUAL_AFTER =
  /^\s+(?:[\p{L}-]+\s+){0,3}?(?:(?:each|every|per)\s+(?:year|summer|winter|spring|autumn|season|month|week|day)\b|annually\b|yearly\b)/iu;
const LENGTH_RANGE_AFTER =
  /^\s*(?:or|to|-|–)\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:minutes?|hours?|days?|nights?|weeks?|months?|years?)\b/i;

/** A group said to have come to no harm: "the civilian population was not harmed". */
const NOT_HARMED_RE =
  /\b((?:the\s+)?(civilian\s+population|civilians|local\s+residents|residents|local\s+population)(?:\s+of\s+(?:the\s+)?[\p{L}-]+)?\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:not|in\s+no\s+way)\s+(?:harmed|affected|hurt|injured|touched|endangered))\b/giu;

/** A group said to be all accounted for: "all passengers were accounted for". */
const ACCOUNTED_FOR_RE =
  /\b(all\s+(?:the\s+|of\s+the\s+|our\s+|its\s+|their\s+)?([\p{L}-]+s|everyone|everybody|people))\s+(?:(?:were|are|was|is|have\s+been|has\s+been|had\s+been)\s+)?(?:now\s+|safely\s+)?accounted\s+for\b/giu;
/**
 * A group said not to have been there: "there were no civilians in the building", "no
 * civilians were present". None of them there, none of them hurt, so a toll among them
 * contradicts it.
 */
const NOT_PRESENT_RE =
  /\b(?:there\s+(?:were|was|are|had\s+been)\s+(no\s+(civilians|residents|children|patients|people))\s+(?:in|at|inside|near)\b|(no\s+(civilians|residents|children|patients|people)\s+(?:were|was|had\s+been)\s+(?:present|inside)\b))/giu;

const ZERO_EVENT: Record<string, string> = {
  ...OUTCOME_EVENT,
  hurt: 'hurt',
  harmed: 'hurt',
  died: 'die',
  // "No one was detained": the event lemma a count of those held carries ("Police detained
  // 14 protesters").
  detained: 'detain',
  arrested: 'arrest',
};

/** A zero count of people with what happened to them: "No one was hurt", "no civilians died". */
const ZERO_RE =
  /\b((?:no(?:\s|-)one|nobody|(?:no|not\s+a\s+single)\s+(civilians?|people|persons?|soldiers?|servicem[ae]n|troops|residents?|child(?:ren)?|passengers?|police\s+officers?|participants?|protesters?|demonstrators?|marchers?|inmates?|prisoners?|workers?|miners?|patients?|journalists?))(?:\s+(?:of|at|in|on|aboard|inside|among)\s+(?:the\s+|either\s+|both\s+|any\s+)?(?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)?)\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|got|has|have|had)\s+)?(?:(?:seriously|badly|critically|gravely)\s+)?(killed|hurt|injured|wounded|harmed|died|dead|detained|arrested)\b/giu;

/**
 * People named in full who died ("Edda Vorn, who was 81, drowned"): each one of a toll given
 * elsewhere. Kept apart from the counts (facets.namedDeaths): the name stays a name for every
 * other reading, and relation analysis sets a named death only against a count of none.
 */
export function findNamedDeaths(s: string): { name: string; at: number }[] {
  return [...s.matchAll(NAMED_DEATH_RE)].map((m) => ({ name: m[1]!, at: m.index! }));
}

/**
 * A person named in full, perhaps with an age or what they were, who died: "Edda Vorn, who was
 * 81, drowned", "Ilse Marrow, a 71-year-old retired teacher, died in hospital".
 */
const NAMED_DEATH_RE =
  /(?<![\p{L}'’-])(?!(?:The|A|An|Later|Then|Yesterday|Today|On|In|At|By|After|Before|When|Our|Their|His|Her|Its|This|That)\b)(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2})(?:,\s+(?:who\s+was\s+\d{1,3}|aged\s+\d{1,3}|\d{1,3}|an?\s+[^,;.]{3,60}),)?\s+(?:died(?!\s+down)|drowned|was\s+killed|was\s+shot\s+dead|lost\s+(?:his|her)\s+life)\b/gu;

/** "No children were among the dead", "no civilians are among the injured". */
const NONE_AMONG_RE =
  /\b((?:no|not\s+a\s+single|not\s+one)\s+(children|civilians|women|soldiers|servicemen|residents|patients|passengers|journalists|foreigners|tourists|pupils|students|workers|miners|officers|police\s+officers))\s+(?:were|was|are|is|had\s+been|have\s+been)\s+among\s+(?:the\s+)?(dead|killed|injured|wounded|victims|casualties|missing)\b/giu;
const AMONG_EVENT: Record<string, string> = {
  dead: 'kill',
  killed: 'kill',
  victims: 'kill',
  injured: 'injure',
  wounded: 'wound',
  casualties: 'hurt',
  missing: 'disappear',
};

/** "None of the miners has died", "none of them was hurt": a count of zero of a group. */
const NONE_OF_RE =
  /\b(none\s+of\s+(?:the|our|their|its)\s+([\p{L}-]+s))\s+(?:(?:has|have|had)\s+(?:been\s+)?|(?:was|were)\s+)?(killed|hurt|injured|wounded|harmed|died|dead)\b/giu;

/** Just after a count of people, a crowd: "took part", "came out", "joined". */
const CROWD_AFTER =
  /^\s+(?:(?:have|has|had)\s+)?(?:took|take|taken|taking)\s+part\b|^\s+(?:came|come|turned|turn)\s+out\b|^\s+(?:joined|attended|gathered|rallied|(?:had\s+|have\s+)?filled)\b|^\s+(?:came|come|flocked|streamed|poured)\s+(?:in)?to\s+(?:the\s+)?(?:\p{Lu}|square|streets?|rally|protest|demonstration|march|centre|center)/iu;
/** Between a part and its whole: "four of the twelve", "four of the train's nine". */
const WHOLE_AFTER_PART =
  /^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\p{L}-]+['’]s\s+)?$/iu;
/**
 * After a whole's noun, a deed of its own before the sentence's verb: "taken to hospital ...
 * were", "who were held".
 */
const REDUCED_RELATIVE =
  /^\s+(?:(?:\p{L}+ed|taken|held|hurt|shot|sent|brought|seen|found|caught)\b[^,;.]*?\s(?:were|was|are|is|had|have)\b|(?:who|that)\s+(?:were|was|had|have|are)\b)/iu;
/** After a count of carriages or wagons: they left the track. */
const DERAILED_AFTER =
  /^\s+(?:(?:had|have|were|was)\s+)?(?:derailed|left\s+the\s+(?:rails|track|line)|came\s+off\s+the\s+(?:rails|track|line)|jumped\s+the\s+(?:rails|track))\b/i;
/** After a count: its people taken into custody ("were delivered to police stations"). */
const POLICE_CUSTODY =
  /^\s+(?:were|was|had\s+been|have\s+been)\s+(?:delivered|taken|brought|driven|transported)\s+to\s+(?:a\s+|the\s+)?(?:police\s+(?:stations?|custody)|custody)\b/i;
/** Before a figure: the crowd it sizes ("put the crowd at", "attended by"). */
const CROWD_BEFORE =
  /\b(?:(?:crowd|turnout|attendance)\b[^.;]{0,60}\b(?:at|of)|attended\s+by)\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$/i;
/** Just after what is counted: "came home", "returned home", "went home". */
const HOME_RE = /^\s+(?:came|come|returned|went|got|were\s+brought)\s+home\b/i;

/** Verbs that move people, which "to hospital" makes a count of people who needed care. */
const CARRIED = new Set(['take', 'send', 'rush', 'bring', 'admit', 'airlift', 'evacuate', 'fly']);

/** After a count: the people were found alive ("pulled 14 people alive from the rubble"). */
const ALIVE_AFTER = /^\s+(?:\p{L}+\s+)?alive\b/iu;
/** Where the words after a count stop being about it: another figure, or a new clause. */
const NEXT_COUNT_OR_CLAUSE = /\d|;|,\s+(?:and|while|but|whereas)\s/i;
/** People who needed medical care: taken to hospital, hospitalised, treated. */
const CARE_RE =
  /\b(?:(?:taken|took|takes|rushed|sent|sends|brought|brings|admitted|airlifted|flown|evacuated)\s+(?:[\p{L}\d][\p{L}\d,-]*\s+){0,3}?to\s+(?:a\s+|the\s+)?(?:\p{L}+\s+)?hospitals?|hospitali[sz]ed|(?:were|was|being|been)\s+treated|(?:treated|treating|treats)\s+(?:about\s+|around\s+|some\s+|at\s+least\s+|more\s+than\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)|(?:needed|needing|required|received|receiving)\s+(?:medical\s+|hospital\s+)?treatment)\b/iu;

/** A relative clause that negates the count's event: "who did not fall ill", "that were not hit". */
const NEGATED_RELATIVE =
  /^\s*,?\s*(?:who|that|which)\s+(?:did|do|does|had|have|has|were|was|are|is)\s*(?:not|n['’]t)\b/i;

/** Events of the dead, which a count's own care verb after it overrides. */
const DEATH_LEMMAS = new Set(['die', 'kill', 'death', 'dead']);

/** Care right after a count, as its own verb: "23 are being treated in hospital". */
const CARE_AHEAD =
  /^\s+(?:(?:are|were|is|was)\s+(?:being\s+|still\s+)?|have\s+been\s+|had\s+been\s+)(?:treated|hospitali[sz]ed|admitted)\b/i;

/** A part of a count, after it: "five of them children", "two of whom were women". */
/**
 * Whether a part's event is named after it: "six of them for rubber-bullet wounds" counts the
 * wounded; "six of them" after "injured during Saturday's protest" counts the injured, not the
 * protest (the word its nearest event found, before it).
 */
function ownEventAfter(event: string | null, after: string): boolean {
  if (!event) return false;
  const stem = event.toLowerCase().slice(0, Math.max(4, event.length - 2));
  return after.toLowerCase().includes(stem);
}

/** "of the derailed wagons", "of the injured soldiers": a group marked by what happened to it. */
const OF_THE_MARKED =
  /^\s+of\s+(?:the|those|these)\s+(?:\p{L}+ed|missing|dead|wounded|stranded)\s+\p{L}+/iu;

/** A figure of the harmed, with its group after the verb: "eight of the dead were children". */
const OF_THE_HARMED =
  /^\s+of\s+(?:the|those)\s+(?:dead|killed|injured|wounded|victims|casualties|buried|trapped|caught|rescued|missing)\s+(?:were|are|was)(?=\s)/iu;

const MEMBERSHIP_BEFORE =
  /\b(?:which|that|who)\s+(?:represents|represented|unites)\s+(?:(?:some|about|around|over|nearly|almost|more\s+than)\s+)?$/i;

/** "41 of the injured", "two of the victims": a part of the harmed with no group named. */
const OF_THE_GROUP =
  /^\s+of\s+(?:the|those)\s+(?:dead|killed|injured|wounded|victims|casualties|missing|detained|buried|trapped|caught|rescued|arrested|evacuated|displaced)\b/iu;

/** "of the dead were killed", "of the victims died": the part of a toll one incident killed. */
const DEAD_PART =
  /^\s+of\s+the\s+(?:dead|killed|victims)(?=\s+(?:were|was)\s+killed\b|\s+died\b)/iu;

/** "two of the men", "three of the officers". */
const OF_THE_NOUN = /^\s+of\s+(?:the|those)\s+\p{L}+/iu;
/** The rest of a group named after a part of it: "the others died", "the rest were injured". */
const THE_OTHERS = /\bthe\s+(?:others|rest|remaining\s+\p{L}+)\b/iu;

const PART_OF_THEM = /^\s+of\s+(?:them|whom)(?:\s+(?:were|are|being))?(?=\s)/u;

/**
 * Before a part of the count before it: "..., among them", "including", or a colon that breaks
 * a count down ("Three people remain missing: two passengers and one crew member").
 */
const PART_BEFORE =
  /(?:[,;(\u2013\u2014]\s*(?:among\s+(?:them|whom|those)|including|of\s+whom)|:)\s*$/iu;

/** An outcome noun just before "of" and the figure: "the death of one soldier", "the bodies of two miners". */
const OUTCOME_OF_BEFORE = /\b(deaths?|killings?|murders?|bodies|remains)\s+of\s+$/i;

/** Harm nouns of a zero count, by singular: casualties are the dead and the wounded. */
const CASUALTY_EVENT: Record<string, string> = {
  casualty: 'hurt',
  death: 'die',
  fatality: 'die',
  injury: 'injure',
};

/** "No casualties among Valdish servicemen", "no deaths", "caused no injuries". */
const CASUALTY_ZERO_RE =
  /\b(no\s+(?:(?<adj>civilian|military|child)\s+)?(?<kind>casualties|deaths|fatalities|injuries))(?:\s+(?:among|in\s+the\s+ranks\s+of)\s+(?:the\s+)?(?:\p{Lu}\p{L}*\s+)?(?<among>\p{L}+))?/giu;

/** "No lives were lost", "no loss of life", "not a single life was lost". */
const LIVES_ZERO_RE =
  /\b(?:no\s+(?:lives\s+(?:were|have\s+been|had\s+been)\s+lost|loss\s+of\s+(?:human\s+)?life|lives\s+lost)|(?:not\s+a\s+single|no)\s+life\s+(?:was|has\s+been|had\s+been)\s+lost)\b/giu;

/** A death toll named before its figure, in the same clause. */
const TOLL_BEFORE = /\b(?:death|casualty)\s+toll\b[^.,;]*$/i;

interface Counted {
  word: string;
  /** UTF-16 end of the noun, relative to the text after the number. */
  end: number;
}

/** What is counted before "deaths": "11 civilian deaths", "four child fatalities". */
const DEATHS_OF =
  /^\s+(?:\p{L}+\s+)?(civilian|child|infant|patient|soldier|military|police|combatant|worker|journalist|prisoner|migrant)\s+(?:deaths|fatalities)$/iu;

const WORD_AHEAD = /^(\s+|\s*-\s*)([\p{L}](?:[\p{L}’'-]|(?<=[\p{L}]-)\p{N}+)*)/u;

/** Units that give the size of each thing counted: a calibre, a weight. */
const SIZE_UNIT = String.raw`(?:millimet(?:re|er)|mm|calibre|caliber|inch|kilogram|kilogramme|kg|pound|lb)`;

/**
 * After a figure: it gives the size of each thing counted ("122-millimetre rockets", "a
 * 500-kilogram bomb", "152mm shells"): a figure with its unit, not a count.
 */
const SIZE_MODIFIER_AFTER = new RegExp(
  String.raw`^(?:\s?-\s?${SIZE_UNIT}\b|\s?mm\s+(?:[\p{L}-]+\s+)?(?:shells?|rockets?|rounds?|guns?|mortars?|howitzers?|bombs?|missiles?|projectiles?)\b)`,
  'iu',
);

/** A size between a count and what it counts: "eight [122-millimetre] rockets". */
const SIZE_MODIFIER_AHEAD = new RegExp(
  String.raw`^\s+\d+(?:[.,]\d+)?(?:\s?-\s?${SIZE_UNIT}\b|mm\b)`,
  'iu',
);

function countedNoun(rest: string, value: number): Counted | null {
  let pos = 0;
  let head: Counted | null = null;
  let lastWord: Counted | null = null;
  const size = SIZE_MODIFIER_AHEAD.exec(rest);
  if (size) pos = size[0].length;
  for (let i = 0; i < 4; i++) {
    const m = WORD_AHEAD.exec(rest.slice(pos));
    if (!m) break;
    const w = m[2];
    const lw = w.toLowerCase();
    const wordEnd = pos + m[0].length;
    if (i === 0 && lw === 'of') {
      // "two of the soldiers", "dozens of houses": skip the partitive, stop at pronouns.
      if (/^\s+(?:them|us|you|whom|which|those|these|it)\b/i.test(rest.slice(wordEnd))) break;
      const det = /^\s+(the|its|their|our|his|her)\b/i.exec(rest.slice(wordEnd));
      pos = wordEnd + (det ? det[0].length : 0);
      continue;
    }
    if (STOPWORDS.has(lw)) break;
    if (i > 0 && knownVerbLemma(lw) !== null && /(?:ed|en|ing)$/.test(lw) && !GROUP_NOUNS.has(lw))
      break;
    if (/ly$/.test(lw) && i < 3) {
      pos = wordEnd;
      continue;
    }
    if (looksPluralNoun(w) || IRREGULAR_NOUNS.has(lw) || GROUP_NOUNS.has(lw)) {
      head = { word: w, end: wordEnd };
    } else if (head) {
      break;
    }
    lastWord = { word: w, end: wordEnd };
    pos = wordEnd;
  }
  if (head) return head;
  // Singular counts ("one soldier") have no plural to anchor on.
  if (value === 1 && lastWord && !/(?:ed|ing)$/.test(lastWord.word.toLowerCase())) return lastWord;
  return null;
}

/** After a count of people: "were cut off by the fall", "had been cut off underground". */
const CUT_OFF_AFTER =
  /^\s+(?:were|was|have\s+been|had\s+been|are|remain|remained)\s+cut\s+off\s+(?:by|in|underground|below|behind|beyond)\b/i;

/** After a count: "lost their lives", "have lost their lives". */
const LOST_LIVES_AFTER = /^\s+(?:have\s+|had\s+|has\s+)?lost\s+(?:their|his|her)\s+lives?\b/i;
/** Before a count: "the number of hostages who died has risen to", "the toll of people killed stands at". */
const NUMBER_OF_BEFORE =
  /\bthe\s+(?:number|toll)\s+of\s+([\p{L}-]+)\s+(?:who\s+|that\s+)?(died|were\s+killed|(?:were\s+)?(?:killed|wounded|injured|detained|arrested|missing))\b[^.;:]{0,40}?\b(?:has\s+|had\s+)?(?:risen|rose|reached|stands|stood|climbed|is|was)\s+(?:to\s+|at\s+)?$/iu;

/** Just before a count of what a group is made of: "made up of", "consisting of". */
const MADE_UP_OF =
  /\b(?:made\s+up\s+of|consist(?:s|ed|ing)?\s+of|compris(?:es|ed|ing)|composed\s+of|number(?:s|ed|ing)|totall?(?:s|ed|ing))\s+(?:some\s+|about\s+|around\s+)?$/i;

/** Just before a figure set right: "58 children, not 37 as ...". */
const SET_RIGHT_BEFORE = /,\s*not\s+(?:the\s+)?$/i;
/** The figure a correction gives instead: "the correct figure, recorded by X, is". */
const CORRECT_FIGURE_BEFORE =
  /\b(?:correct|right|actual|accurate)\s+(?:figure|number|total|count|toll)\b[^.;]*\b(?:is|was|stands\s+at)\s+$/i;

/** After a count: its people fell ill ("who fell ill", "have been taken ill", "became sick"). */
const FELL_ILL_AFTER =
  /^[^.;,]{0,30}?\b(?:fell|fallen|falls|fall|taken|became|become|got|gone)\s+(?:seriously\s+|severely\s+|critically\s+)?(?:ill|sick)\b/i;

/** "... homes in Kessa without electricity": what a count was left without. */
const WITHOUT_AFTER = /^\s*(?:[\p{L}\p{N}.'’-]+\s+){0,3}without\b/u;

/** Month names that are also event verbs. */
const MONTH_VERB = new Set(['march', 'may']);

/** A relative clause after what is counted, then its outcome: "who were held ... are dead". */
const RELATIVE_THEN =
  /^\s+(?:who|that)\s+[^,;.]{1,60}?\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been)\s+(?:now\s+|all\s+)?(dead|killed|wounded|injured|missing)\b/i;

function findEvent(s: string, tokens: Token[], start: number, end: number): string | null {
  // "three people remain missing", "are still missing": the state after its verb.
  const after =
    /^\s+(?:(?:remain|remains|are|were|is|was)\s+(?:still\s+)?(?=missing))?(dead|killed|wounded|injured|missing)\b/i.exec(
      s.slice(end),
    );
  if (after) return OUTCOME_EVENT[after[1].toLowerCase()];
  // "Eleven people who were held in the school are dead": the verb after the relative clause
  // says what befell them, not the clause's own verb.
  const then = RELATIVE_THEN.exec(s.slice(end));
  if (then) return OUTCOME_EVENT[then[1]!.toLowerCase()]!;
  // Between the figure and what it counts: "six damaged houses", "14 wounded people". (The
  // search below skips the figure's own words, and found "burned" in "six damaged houses and
  // a school with its roof burned away".)
  for (const t of tokens) {
    if (!t.isWord || t.start <= start || t.end >= end) continue;
    const lemma = knownVerbLemma(t.lower);
    if (isEventVerb(lemma) && /(?:ed|en)$/.test(t.lower)) return lemma;
    if (OUTCOME_EVENT[t.lower]) return OUTCOME_EVENT[t.lower]!;
  }
  let best: string | null = null;
  let bestDist = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isWord || (t.start >= start && t.end <= end)) continue;
    const dist =
      t.end <= start ? countWords(tokens, t.end, start) : countWords(tokens, end, t.start);
    if (dist > 6) continue;
    // Do not reach across a clause boundary.
    const gap = t.end <= start ? s.slice(t.end, start) : s.slice(end, t.start);
    if (/[;:]/.test(gap)) continue;
    // "Two of them died despite surgery, and seven remain in intensive care": a count that opens
    // a clause of its own verb is not of the verb of the clause before.
    if (
      t.end <= start &&
      /,\s+(?:and|but|while|whereas)\s/i.test(gap) &&
      OWN_VERB_AFTER.test(s.slice(end))
    )
      continue;
    // "six burned-out trucks ... on 6 March": the month, not people marching.
    if (t.cap && MONTH_VERB.has(t.lower)) continue;
    // "Recovered from the building": a place, not anyone building anything.
    if (/^buildings?$/.test(t.lower)) continue;
    const lemma = knownVerbLemma(t.lower);
    if (!isEventVerb(lemma)) continue;
    // The bare word may be a noun ("the strike", "a mine"); an irregular past ("struck") is
    // only ever the verb.
    if (/^(?:fire|mine|strike|attack|count|record|block)$/.test(lemma!) && t.lower === lemma)
      continue;
    // "400 trucks carrying food passed along the road": a participle right after what is
    // counted says what they are, the verb after it what happened to them.
    const modifier = t.start >= end && dist === 0 && /ing$/.test(t.lower);
    const d = dist + (t.end <= start ? 0.5 : 0) + (modifier ? 3 : 0);
    if (d < bestDist) {
      bestDist = d;
      best = lemma;
    }
  }
  return best;
}

/** A verb right after a count: its clause says what it counts ("seven remain in intensive care"). */
const OWN_VERB_AFTER =
  /^\s+(?:\p{L}+\s+)?(?:remain|remains|remained|are|were|is|was|have|has|had|stay|stayed|stays)\b/iu;

function countWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (const t of tokens) if (t.isWord && t.start >= from && t.end <= to) n++;
  return n;
}
