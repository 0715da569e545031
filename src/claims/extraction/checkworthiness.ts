/**
 * Check-worthiness: how much a sentence asserts something a fact-checker could verify.
 *
 * A hand-weighted additive score squashed by a logistic. Weights favour the anchors that make
 * a statement checkable against another source (counts, dates, durations, named actors doing
 * concrete things, attributed statements) and penalise what cannot be checked (questions,
 * slogans, evaluation, page furniture).
 */
import type { ClaimFacets } from './types.js';
import { tokenize } from '../../text/tokens.js';
import { isEventVerb, knownVerbLemma } from '../../text/lemma.js';
import { negatedGeneralRows } from '../../text/general-kinds.js';
import { clockTimesOfDay } from './times.js';

/**
 * 0.5 is the logistic midpoint: a sentence passes when its checkable anchors outweigh its
 * evaluative language. In practice one concrete anchor (a count, a full date, a named actor
 * with an event verb, or an attributed statement) is enough, while pure evaluation
 * ("These measures represented a political decision to ensure peace", ~0.3), slogans,
 * questions and boilerplate (< 0.1) stay below. Low scorers are still stored; the threshold
 * only decides what is shown and linked by default.
 */
export const DEFAULT_CHECKWORTHINESS_THRESHOLD = 0.5;

const BOILERPLATE = [
  /^(?:By|BY|by)\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|and|de|van|von|al-\p{L}+))*\s*(?:[,|–—-].*)?$/u,
  /^(?:read more|read also|see also|related|share this|share on|follow us|subscribe|sign up|click here|advertisement)\b/i,
  // "Photo: Reuters", "Video | 2:14", "Source - AFP": a caption or credit line. "Video from a
  // nearby farm shows that the strike lasted less than a minute" is a claim.
  /^(?:photo|image|video|watch|listen|source|credit)s?\s*(?:[:|©–—-]|$)/i,
  /(?:©|\(c\)|copyright|all rights reserved)/i,
  /^(?:tags?|categories|filed under|posted in|updated|published)\s*:/i,
  /^(?:comments?|leave a reply|log in|login|register|newsletter)\b/i,
];
const DATELINE =
  /^(?:date\s+\d{4}-\d{2}-\d{2}\s+)?\p{Lu}{2,}[\p{Lu}’'.-]*(?:\s\p{Lu}{2,}[\p{Lu}’'.-]*)*(?:,\s*[\p{L}\d .]+?){0,3}(?:\s*\([\p{L}\s.&]+\))?\s*[.:—–-]?$/u;
const EVALUATIVE = new Set([
  'represented',
  'represents',
  'demonstrated',
  'demonstrates',
  'symbol',
  'testament',
  'courage',
  'historic',
  'triumph',
  'proudly',
  'legitimate',
  'illegitimate',
  'glorious',
  'heroic',
  'shameful',
  'disgraceful',
  'unacceptable',
  'deliberate',
  'brutal',
  'barbaric',
  'terrible',
  'great',
  'greatest',
  'important',
  'significant',
  'crucial',
  'vital',
  'unity',
  'determination',
  'professionalism',
  'discipline',
  'justice',
  'peace',
  'sovereign',
  'sovereignty',
  'shame',
  'hope',
  'believe',
  'believes',
  'think',
  'thinks',
  'feel',
  'feels',
  'undermined',
  'posed',
  'threat',
  'challenge',
  'defiance',
  'sham',
  'foremost',
  'duty',
  'irreversibly',
  'firmly',
  'decisive',
  'swift',
  'complete',
  'victory',
  'glory',
  'hero',
  'heroes',
  'evil',
  'enemy',
  'aggression',
  'aggressor',
  'destiny',
  'honor',
  'honour',
  'pride',
  'proud',
  'freedom',
  'ensure',
  'restore',
  'uphold',
  'policy',
  'stability',
  'brave',
  'bravery',
]);
const DOCUMENT_NOUN = String.raw`(?:report|update|statement|note|bulletin|document|release|letter|notice|analysis|paper|briefing|page|article)`;
const DOCUMENT_ABOUT_ITSELF = [
  new RegExp(
    String.raw`^(?:this|the\s+present)\s+(?:[\p{L}-]+\s+){0,2}${DOCUMENT_NOUN}\s+(?:sets\s+out|describes|summari[sz]es|presents|covers|lists|outlines|gives\s+an?\s+(?:account|overview|summary))\b`,
    'iu',
  ),
  new RegExp(
    String.raw`^this\s+is\s+(?:the|an?|our)\s+(?:[\p{L}-]+\s+){0,2}${DOCUMENT_NOUN}\b`,
    'iu',
  ),
  // "..., the Warning Service sets out the danger ratings it published": present-tense framing.
  /\bsets\s+out\s+(?:the|what|how|its|our)\b/i,
];
const DEMAND =
  /^(?:[Ww]e|[Tt]he\s+[\p{L}'’ -]{1,50}?|\p{Lu}[\p{L}'’ -]{1,50}?)\s+(?:(?:also|again|once\s+more)\s+)?(?:call|calls|urge|urges|demand|demands|appeal|appeals)\s+((?:on|upon|for|to)\b)/u;
/** "The first call for help", "an emergency call to": the noun, not the verb. */
const NOUN_CALL_BEFORE =
  /\b(?:first|second|last|emergency|distress|phone|telephone|radio|an?|the|this|that|its|their|his|her|our)\s+(?:call|calls|appeal|appeals|demand|demands)\s+$/i;
const SYMPATHY =
  /\b(?:(?:is|are|am)\s+(?:deeply\s+|profoundly\s+|greatly\s+)?(?:saddened|shocked|grieved|heartbroken)\b|(?:offers?|extends?|expresses?|sends?)\s+(?:its|our|their|his|her|my)\s+(?:deepest\s+|sincere\s+|heartfelt\s+)?(?:condolences|sympathy|sympathies))/i;
const DUTY_POST =
  /^(?:service|officers?|stations?|desk|doctors?|managers?|engineers?|nurses?|shifts?|teams?|room|controllers?|dispatchers?)$/;
const NEGATED_FACT =
  /^(?:there\s+(?:was|were|is|are|had\s+been|has\s+been)\s+no\s|no\s+(?:[\p{L}-]+\s+){1,4}(?:of\s+any\s+kind\s+)?(?:was|were|has\s+been|have\s+been|had\s+been)\s+\p{L}+(?:ed|en|wn|ung|ot|eld)\b)|\bnever\s+(?:\p{L}+ed|came|went|got|took|gave|saw|left|began|reached|fired|crossed)\b|\bat\s+no\s+(?:point|time|stage)\b|\bat\s+any\s+(?:time|point|stage)\b/iu;
const PRESCRIPTIVE = /\b(?:must|should|ought to|need to|needs to|have to|has to|let us|let's)\b/i;
const FIRST_SECOND_PERSON = /\b(?:we|our|us|you|your)\b/i;
const IMPERATIVE_START =
  /^(?:join|stand|support|share|follow|subscribe|read|click|watch|listen|remember|never forget|long live|glory to|down with|say no|vote|act|stop|help|donate)\b/i;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function scoreCheckworthiness(sentence: string, facets: ClaimFacets): number {
  const s = sentence.trim();
  const tokens = tokenize(s);
  const words = tokens.filter((t) => t.isWord);
  const n = words.length;

  if (n === 0) return 0;
  if (BOILERPLATE.some((re) => re.test(s))) return round(0.02);
  if (DATELINE.test(s) && n <= 10) return round(0.05);
  // "This report sets out the casualty figures as they stood at 08:00", "This is the second
  // update from the Monitor": the document describing itself, which nothing can contradict.
  if (DOCUMENT_ABOUT_ITSELF.some((re) => re.test(s))) return round(0.1);
  // "We call for a full independent inquiry", "The union calls on the government to ...": a
  // demand, which no other source can confirm or refute. (A wire's "called for" reports one.)
  const demand = DEMAND.exec(s);
  if (
    demand &&
    !NOUN_CALL_BEFORE.test(s.slice(0, demand.index + demand[0].length - demand[1]!.length))
  )
    return round(0.12);
  // "The company is deeply saddened by the avalanche", "offers its condolences to the family of
  // the pupil": sympathy, not a statement of fact. One that counts the dead ("saddened to
  // confirm that at least 21 people lost their lives", "the two soldiers who lost their lives")
  // states the toll.
  if (SYMPATHY.test(s) && facets.quantities.length === 0) return round(0.12);

  let x = -1.0;
  const q = facets.quantities;
  const countedEvents = q.filter((v) => v.counted !== null && v.event).length;
  x += Math.min(q.length, 2) * 0.9;
  x += Math.min(countedEvents, 2) * 0.8;
  x += q.some((v) => v.counted !== null) ? 0.3 : 0;
  // "Edda Vorn, who was 81, drowned": a death, counted as one.
  const namedDeath = (facets.namedDeaths?.length ?? 0) > 0;
  if (q.length === 0 && namedDeath) x += 1.7;
  const dayDates = facets.dates.filter((d) => d.precision === 'day').length;
  x += Math.min(dayDates, 2) * 0.6 + Math.min(facets.dates.length - dayDates, 2) * 0.3;
  // "The siege lasted 43 hours and 20 minutes": a length is as checkable as a count.
  const lengths = facets.durations.length;
  x += lengths > 0 ? 1.1 + Math.min(lengths - 1, 1) * 0.6 : 0;
  // "The master alerted the coast guard at 23:52", "At 01:41 ammonia began to escape": a time
  // to the minute dates a deed as sharply as a day does, and another source's 00:41 can
  // contradict it. A clock time is seldom anything but the time of something that happened.
  const clocks = clockTimesOfDay(s).length;
  x += clocks > 0 ? 1.0 + Math.min(clocks - 1, 1) * 0.3 : 0;
  const negatedFact = NEGATED_FACT.test(s) && !facets.question;
  const anchored =
    q.length > 0 || namedDeath || dayDates > 0 || lengths > 0 || clocks > 0 || negatedFact;

  const named = facets.actors.filter((a) => a.kind !== 'OTHER');
  x += Math.min(named.length, 3) * 0.35;
  x += named.some((a) => a.role === 'agent') ? 0.3 : 0;

  let events = 0;
  let evaluative = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isWord) continue;
    // "the attack" is a noun; only verbs count as reported events.
    if (isEventVerb(knownVerbLemma(t.lower)) && !/^(?:the|a|an)$/.test(tokens[i - 1]?.lower ?? ''))
      events++;
    // "The duty service", "the duty officer": a post, not a call to duty.
    const post =
      t.lower === 'duty' && DUTY_POST.test(tokens.slice(i + 1).find((n) => n.isWord)?.lower ?? '');
    if (EVALUATIVE.has(t.lower) && !post) evaluative++;
  }
  x += Math.min(events, 2) * 0.5;
  // "No force was used", "no shots were fired": a denial of a kind of deed another report can
  // refute by naming one (batons, live ammunition), however short.
  if (negatedGeneralRows(s, tokens).length > 0) x += 2.6;
  // "There were no weapons in the hall", "No warning of any kind was given", "The sprinklers
  // never came on", "At no point did the levels exceed the limit": a denial that something
  // was there or happened, which a report of it contradicts.
  else if (negatedFact) x += 1.5;
  if (facets.attribution) x += facets.attribution.speaker ? 0.8 : 0.4;
  if (/["“”]/.test(s) && facets.attribution) x += 0.3;

  // Evaluation dilutes the checkable content in proportion to how much of the sentence it is.
  x -= Math.min(evaluative, 4) * 0.25;
  if (PRESCRIPTIVE.test(s)) x -= 0.8;
  // "We must remember", "our heroes": a party speaking of itself in words no one can check.
  // A party's own account of its deed with a figure or a time ("Our control room alerted the
  // directorate at 01:50", "Our crew had put it out within 25 minutes") is the claim another
  // source contradicts, so the first person costs it nothing.
  if (FIRST_SECOND_PERSON.test(s) && !facets.attribution && !anchored) x -= 0.7;
  if (/!\s*["”’]?$/.test(s)) x -= 1.2;
  if (IMPERATIVE_START.test(s)) x -= 1.5;
  if (facets.question) x -= 2.5;
  // A short sentence is usually a fragment, unless it counts what happened to whom ("No one
  // was hurt.").
  if (n < 5) x -= countedEvents > 0 ? 0.4 : 1.5;
  else if (n < 8 && !anchored) x -= 0.4;
  // Hedged claims are still checkable (often the ones most worth checking); no penalty.

  let score = sigmoid(x);
  if (facets.question) score = Math.min(score, 0.2);
  if (n < 4) score = Math.min(score, 0.15);
  return round(score);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
