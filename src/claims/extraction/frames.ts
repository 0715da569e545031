/**
 * Event frames: what kind of event a statement is about, who did it, where and when, and in
 * which voice the writer puts it. Two reports of one operation rarely share their words ("the
 * measures lasted 23 hours" / "the offensive lasted two days"), but they share the event class
 * and a place, an actor or a week; the frame makes that comparable and indexable.
 *
 * Dates of the speech act ("officials said on Saturday") are not dates of the event, so they
 * are kept out of the frame (and out of date comparisons, see `isSpeechDate`).
 */
import type {
  ActorFacet,
  ClaimFacets,
  DateFacet,
  DurationFacet,
  EventFrame,
  Voice,
} from './types.js';
import {
  VOICE_CORRECTION_RE as CORRECTION_RE,
  VOICE_DENIAL_RE as DENIAL_RE,
  VOICE_HEDGE_RE as HEDGE_RE,
  VOICE_REPORT_RE as REPORT_RE,
  FIGURE_PUT_AT_RE,
  STAGED_EVENT_RE,
  saidByNobody,
  toldInTimeClause,
} from '../../text/cues.js';
import { isMonthMay } from './cues.js';
import { partyWord } from '../../text/demonyms.js';

/**
 * Event classes by word prefix (lower case). A class groups the words that outlets on opposite
 * sides use for one kind of event, loaded or neutral: "anti-terror measures", "offensive",
 * "aggression" and "hostilities" all name one military action.
 */
const CLASS_WORDS: readonly [string, readonly string[]][] = [
  [
    'military_action',
    [
      'offensive',
      'operation',
      'attack',
      'assault',
      'shelling',
      'shelled',
      'bombard',
      'bombing',
      'bombed',
      'airstrike',
      'strikes',
      'hostilities',
      'fighting',
      'clashes',
      'incursion',
      'invasion',
      'aggression',
      'escalation',
      'counter-terror',
      'counterterror',
      'anti-terror',
    ],
  ],
  ['ceasefire', ['ceasefire', 'cease-fire', 'truce', 'armistice', 'cessation']],
  ['explosion', ['mine', 'blast', 'explosion', 'explosive', 'bomb', 'detonat', 'landmine']],
  [
    'deployment',
    ['troops', 'deploy', 'contingent', 'peacekeep', 'garrison', 'forces', 'units', 'soldiers'],
  ],
  ['detention', ['detain', 'detention', 'arrest', 'abduct', 'custody', 'captur', 'kidnap', 'seiz']],
  ['displacement', ['displac', 'fled', 'flee', 'evacuat', 'refugee', 'exodus']],
  // Shots at people: "was shot dead", "came under fire", "gunfire". Armies' exchanges of fire
  // ("opened fire on positions") stay military actions (QUALIFIED).
  ['shooting', ['shot', 'shooting', 'gunfire', 'gunshot', 'gunman', 'gunmen', 'firearm']],
  // Killed and wounded are apart: a count of the wounded says nothing about the dead.
  ['killing', ['killed', 'kill', 'dead', 'death', 'died', 'casualt']],
  ['wounding', ['wounded', 'wound', 'injur']],
  ['crossing', ['crossing', 'checkpoint', 'corridor']],
  // Protesters and rioters, a rally and unrest: one event in the words of either side.
  [
    'protest',
    ['protest', 'riot', 'demonstrat', 'rally', 'rallies', 'unrest', 'uprising', 'disturbanc'],
  ],
  // A fire, in the words a fire service or a wire uses ("the blaze", "flames"); the bare noun
  // "fire" is as often shooting, so it names this class only in a phrase (QUALIFIED).
  ['fire', ['blaze', 'flames', 'inferno', 'wildfire']],
  // A vessel lost: "capsized", "sank", "the shipwreck".
  ['sinking', ['capsiz', 'sank', 'sunk', 'sinking', 'shipwreck', 'foundered']],
  // Who was brought out afterwards: "the rescue took two hours", "rescuers reached the site".
  ['rescue', ['rescu']],
  // An aircraft or vehicle lost: "crashed", "the crash", "plunged into the bay".
  ['crash', ['crash', 'plunged', 'ditched']],
  // A roof, a building or a mine gallery that fell in.
  ['collapse', ['collaps', 'cave-in', 'caved']],
  // Power lost: "the blackout", "the outage", "left the city without electricity".
  ['outage', ['blackout', 'outage']],
];

/** Words that only name an event class next to a qualifier: "security measures", "the statement halting hostilities". */
const QUALIFIED: readonly [RegExp, string][] = [
  // "The flight came down in the bay", "the aircraft struck the water".
  [
    /\b(?:came|come|comes|went|go|goes)\s+down\s+(?:in|on|near|into|over|short)\b|\b(?:struck|hit)\s+the\s+(?:water|ground|sea|runway)\b/i,
    'crash',
  ],
  // "The roof of the longwall fell", "a rock fall", "the building gave way".
  [
    /\b(?:roof|rock|ceiling|walls?|floor|building|gallery|tunnel)\s+(?:of\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:at\s+[\p{L}\d-]+\s+)?)?(?:fell|fall|gave\s+way|caved\s+in)\b|\brock\s*falls?\b/iu,
    'collapse',
  ],
  // Police clearing or storming a camp or a building.
  [
    /\b(?:clear(?:ed|ing)?|storm(?:ed|ing)?|raid(?:ed|ing)?|entered)\s+(?:it|(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:camp|encampment|building|premises|square|tents?|homes?|house|office|offices))\b/iu,
    'raid',
  ],
  // Police moving on a crowd: "riot police charged the crowd", "the first police charge", "the
  // dispersal lasted about two and a half hours", "began to advance on the crowd".
  [
    /\b(?:charged|charging|advanc(?:e|ed|ing)\s+on|dispers(?:e|ed|ing)|broke\s+up|break(?:ing)?\s+up|kettl(?:ed|ing))\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,2}(?:crowds?|protesters|demonstrators|marchers|rally|protest|gathering|sit-in)\b|\bpolice\s+charges?\b|\b(?:the|its|a)\s+dispersal\b|\bclearing\s+of\s+the\s+(?:square|camp|street)\b/iu,
    'raid',
  ],
  [
    /\b(?:anti-?terror(?:ist)?|counter-?terror(?:ism|ist)?|military|security|local)\s+measures\b/i,
    'military_action',
  ],
  [
    /\b(?:halt(?:ed|ing)?|end(?:ed|ing)?|stop(?:ped|ping)?)\s+(?:the\s+)?hostilities\b/i,
    'ceasefire',
  ],
  [/\bfighting\s+(?:stopped|ended|ceased|halted)\b/i, 'ceasefire'],
  [/\bmilitary\s+(?:activity|activities)\b/i, 'military_action'],
  [/\bcame\s+under\s+(?:heavy\s+|gun\s*)?fire\b/i, 'shooting'],
  // "was struck from the air", "struck by a missile": "struck" alone also strikes deals and mines.
  [
    /\b(?:struck|hit)\s+(?:from\s+the\s+air|by\s+(?:an?\s+)?(?:air\s*strikes?|airstrikes?|missiles?|drones?|rockets?|shells?|bombs?|artillery|aircraft|warplanes?))\b/i,
    'military_action',
  ],
  // "ordered her held for 30 days", "remanded", "held without charge": "held" alone also holds
  // talks and rallies.
  [
    /\b(?:ordered\s+(?:him|her|them|[\p{Lu}][\p{L}-]+)\s+held|remand(?:ed|s)?|held\s+(?:in\s+(?:custody|detention|prison|jail)|without\s+charge|incommunicado))\b/iu,
    'detention',
  ],
  // "A fire broke out", "the fire was brought under control", "put out the fire".
  [
    /\bfire\s+(?:broke\s+out|started|spread|raged|gutted|engulfed|destroyed)\b|\bfire\s+(?:was|has\s+been|had\s+been)\s+(?:put\s+out|extinguished|brought\s+under\s+control|contained)\b|\b(?:put\s+out|extinguish(?:ed|ing)?)\s+(?:the\s+)?(?:fire|blaze|flames)\b/i,
    'fire',
  ],
  // "opened fire on", "returned fire", "fired on": the noun alone is as often a blaze.
  // "Artillery has hit the market", "shells struck the school", "shells fired from Rendovian
  // positions struck the hospital": fire as the doer.
  [
    /\b(?:artillery|shells?|rockets?|mortars?|missiles?|drones?|bombs?|(?:mortar|artillery|tank)\s+rounds?)\s+(?:(?:fired|launched)\s+from\s+(?:[\p{L}-]+\s+){1,3})?(?:(?:has|have|had)\s+)?(?:hit|struck|landed|fell)\b/iu,
    'military_action',
  ],
  [/\bwithout\s+(?:electricity|power|light|heating)\b|\bpower\s+cuts?\b/i, 'outage'],
  // A system that stopped: "the flight-data processing system ... went down at 07:10", "the
  // failure of Halmvar's air-traffic systems" ("the failure of the talks" is no outage).
  [
    /\b(?:system|systems|network|servers?|computers?)\b[^.;]{0,100}?\b(?:failed|went\s+down|broke\s+down|crashed|stopped\s+working)\b|\b(?:failure|breakdown|malfunction)s?\s+(?:of|at|in)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}(?:system|systems|network|servers?|control\s+centre)\b|\bsystem\s+(?:failure|breakdown|malfunction)\b/iu,
    'outage',
  ],
  // "Recorded 2,340 artillery and rocket impacts", "missile strikes": fire told by what landed.
  [
    /\b(?:artillery|rocket|shell|mortar|missile|drone)s?\s+(?:and\s+(?:artillery|rocket|shell|mortar|missile|drone)s?\s+)?(?:impacts?|salvos?|launches)\b/i,
    'military_action',
  ],
  // "Only military infrastructure was targeted", "were struck": an attack told in the passive.
  [/\b(?:was|were|been)\s+(?:targeted|struck|shelled|bombed)\b/i, 'military_action'],
  // "Sustained fire", "heavy fire", "artillery fire": an exchange of fire heard or seen.
  [
    /\b(?:sustained|heavy|intense|intensive|artillery|mortar|machine-gun|automatic|small-arms|tank)\s+fire\b/i,
    'military_action',
  ],
  [
    /\b(?:open(?:ed|s|ing)?|return(?:ed|s|ing)?|exchang(?:ed|es|ing)?)\s+fire\b|\bfir(?:ed|ing)\s+(?:on|at|upon)\b/i,
    'military_action',
  ],
];

/** Verbs that say an event began, or that it ended ("was successfully concluded", "ceased"). */
const START_RE =
  /\b(?:began|begun|begins|start(?:ed|s)|launch(?:ed|es)|commenced|opened\s+fire)\b|\b(?:has|have|had)\s+been\s+\p{L}+ing\b[^.;]{0,60}?\bsince\b/iu;
const END_RE =
  /\b(?:ended|ends|concluded|ceased|stopped|halted|completed|came\s+to\s+an\s+end|was\s+over|died\s+down|subsided|fell\s+silent)\b|\b(?:declared|announced|called)\s+(?:a\s+|an\s+)?(?:halt|ceasefire|truce|end)\b/i;

/** Whether the statement dates the start or the end of its event; both or neither: undefined. */
export function phaseOf(sentence: string): 'start' | 'end' | undefined {
  const start = START_RE.test(sentence);
  const end = END_RE.test(sentence);
  return start === end ? undefined : start ? 'start' : 'end';
}

const SPEECH_BEFORE =
  /\b(?:said|says|told\s+(?:\p{L}+\s+){0,2}|stated|announced|reported|added|declared|confirmed|denied|claimed|wrote|insisted|noted|warned|statement(?:\s+(?:issued|released|published))?|briefing|interview)\s*(?:in\s+a\s+statement\s*)?$/iu;
const SPEECH_AFTER =
  /^\s*,?\s*(?:said|told|announced|stated|declared|confirmed|denied|claimed|wrote|added|insisted)\b/i;
/** A speaker who gives a figure, right after the day: "... Lutha's government put the number". */
const PUT_AT_AFTER =
  /^\s*,?\s*(?:[\p{L}'’-]+\s+){1,4}(?:put|puts|placed|estimated)\s+(?:the\s+)?(?:death\s+toll|toll|number|figure|count|total)\b/iu;
/** "In Tuesday's Courier", "in Monday's edition": the day a paper appeared. */
const EDITION_BEFORE = /\bin\s+$/i;
const EDITION_AFTER =
  /^['\u2019]s\s+(?:\p{Lu}|(?:edition|issue|paper|report|story|article|bulletin|broadcast)\b)/u;

/**
 * Whether a date dates the speech act rather than the event: "said on Saturday", "told
 * reporters on Monday", "in a statement on 20 September", "on Sunday announced", "a report in
 * Tuesday's Courier" (the day of an edition).
 */
export function isSpeechDate(sentence: string, d: { text: string; at?: number }): boolean {
  let at = d.at ?? -1;
  if (at < 0 || sentence.slice(at, at + d.text.length) !== d.text) at = sentence.indexOf(d.text);
  if (at < 0) return false;
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(at + d.text.length, at + d.text.length + 20);
  return (
    SPEECH_BEFORE.test(before) ||
    SPEECH_AFTER.test(after) ||
    // "On Thursday evening Lutha's government put the number of dead at 44".
    PUT_AT_AFTER.test(sentence.slice(at + d.text.length, at + d.text.length + 80)) ||
    (EDITION_BEFORE.test(before) && EDITION_AFTER.test(after))
  );
}

const REPORT_ALL = new RegExp(REPORT_RE.source, 'gi');
/** "... that it claims to have withdrawn", "..., which officials say": a relative clause's speaker. */
const ASIDE_BEFORE = /\b(?:which|that|whom)\s+(?:[\p{L}’'-]+\s+){1,3}$/iu;
const SPEECH_THAT =
  /\b(?:said|says|told|stated|announced|claimed|claims|alleged|reported)\s+that\s/i;

/**
 * A reporting word outside a relative clause: "used heavy artillery that it claims to have
 * withdrawn" is the writer's report of its use.
 */
function reportedOutsideAside(sentence: string): boolean {
  for (const m of sentence.matchAll(REPORT_ALL)) {
    if (toldInTimeClause(sentence, m.index)) continue;
    if (saidByNobody(sentence, m.index)) continue;
    const before = sentence.slice(0, m.index);
    const aside = ASIDE_BEFORE.exec(before);
    if (!aside || aside.index < 12 || SPEECH_THAT.test(before.slice(Math.max(0, aside.index - 12))))
      return true;
  }
  return false;
}

/** The voice in which the writer puts the statement's proposition. */
export function voiceOf(sentence: string): Voice {
  if (CORRECTION_RE.test(sentence)) return 'corrected';
  if (DENIAL_RE.test(sentence) || STAGED_EVENT_RE.test(sentence)) return 'denied';
  if (reportedOutsideAside(sentence) || FIGURE_PUT_AT_RE.test(sentence)) return 'reported';
  // "on the evening of May 13" is no modal "may".
  for (const m of sentence.matchAll(HEDGE_RE))
    if (!isMonthMay(sentence, m.index, m[0])) return 'hedged';
  return 'asserted';
}

/** Words of a sentence about a pit mine, where "mine" is no explosive. */
const PIT_CONTEXT =
  /\b(?:coal|gold|copper|iron|salt|ore|diamond|uranium|potash|lithium|colliery|collieries|longwall|shafts?|seams?|miners?|mining|pit|underground)\b/;

/** The event class of one word ("troops": deployment), or null. */
export function wordClass(lower: string): string | null {
  // "miners", "minerals": people and ores, not a mine that blew up.
  if (/^mine(?:rs?|rals?)$/.test(lower)) return null;
  for (const [cls, prefixes] of CLASS_WORDS)
    if (prefixes.some((p) => lower.startsWith(p))) return cls;
  return null;
}

/**
 * Words that take a side in naming a party or an event. Two statements that name the same event
 * with different words, one of them loaded, differ in framing, not in fact.
 */
const LOADED_RE =
  /\b(?:anti-?terror\p{L}*|counter-?terror\p{L}*|terrorists?|separatists?|regime|junta|puppet|illegal(?:ly)?|occup(?:ation|ying|iers?|ied)|liberat\p{L}*|aggress(?:ion|or|ors)|provocations?|so-called|militants?|bandits?|invaders?|sovereign(?:ty)?|constitutional order|ethnic cleansing|genocide|criminal|fascists?|saboteurs?|riots?|rioters?|provocateurs?|hooligans?|thugs?|mobs?)\b/giu;

/** The loaded words of a sentence, verbatim, in order. */
export function loadedTerms(sentence: string): string[] {
  return [...sentence.matchAll(LOADED_RE)].map((m) => m[0]);
}

const PLACE_AFTER = /^\s+(?:centres?|centers?|facilit|camps?|cells?|units?|blocks?|sites?|suites?)/;
const LABOUR_BEFORE =
  /\b(?:general|hunger|labou?r|workers[’']?|national|teachers[’']?|rail|transport|sit-down|on)\s+$/;

/** Event classes named in a sentence, in order of first mention (at most two). */
export function eventClasses(sentence: string): { cls: string; trigger: string }[] {
  const out: { cls: string; trigger: string; at: number }[] = [];
  const lower = sentence.toLowerCase();
  for (const [re, cls] of QUALIFIED) {
    const m = re.exec(sentence);
    if (m) out.push({ cls, trigger: m[0], at: m.index });
  }
  const words = /[\p{L}-]+/gu;
  let m: RegExpExecArray | null;
  while ((m = words.exec(lower)) !== null) {
    const w = m[0];
    // "Lorne detention centre No. 2", "a custody suite": a place, not the event.
    if (
      (w === 'detention' || w === 'custody') &&
      PLACE_AFTER.test(lower.slice(m.index + w.length, m.index + w.length + 14))
    )
      continue;
    // "the strike lasted less than a minute": a military strike, unless workers or the hungry
    // strike ("a general strike", "a hunger strike").
    if (w === 'strike' && !LABOUR_BEFORE.test(lower.slice(Math.max(0, m.index - 16), m.index))) {
      out.push({
        cls: 'military_action',
        trigger: sentence.slice(m.index, m.index + 6),
        at: m.index,
      });
      continue;
    }
    // "Eleven miners", "the Pell-2 coal mine": a pit and those who work it, not an explosive.
    if (/^mine/.test(w) && (!/^mines?$|^mined$/.test(w) || PIT_CONTEXT.test(lower))) continue;
    // "The shelling died down on Wednesday": it eased, no one died.
    if (
      /^(?:die|died|dies|dying)$/.test(w) &&
      /^\s+(?:down|away)\b/.test(lower.slice(m.index + w.length))
    )
      continue;
    for (const [cls, prefixes] of CLASS_WORDS) {
      if (prefixes.some((p) => w.startsWith(p))) {
        out.push({ cls, trigger: sentence.slice(m.index, m.index + w.length), at: m.index });
        break;
      }
    }
  }
  // "the measures lasted 23 hours": in a sentence that names no other event, bare "measures"
  // refers back to the operation (state media's word for it).
  if (out.length === 0) {
    const bare = /\bmeasures\b/i.exec(sentence);
    if (bare) out.push({ cls: 'military_action', trigger: bare[0], at: bare.index });
  }
  // Soldiers, troops and units are who acts, not the event: their class only counts when no
  // other does ("no troops there since 2021" is a deployment; "troops opened fire, violating
  // the ceasefire" a military action and a ceasefire).
  const rank = (e: { cls: string; trigger: string }) =>
    e.cls === 'deployment' && !/^(?:deploy|contingent|garrison)/i.test(e.trigger) ? 1 : 0;
  out.sort((a, b) => rank(a) - rank(b) || a.at - b.at);
  const seen = new Set<string>();
  const res: { cls: string; trigger: string }[] = [];
  for (const e of out) {
    if (seen.has(e.cls)) continue;
    seen.add(e.cls);
    res.push({ cls: e.cls, trigger: e.trigger });
    if (res.length === 2) break;
  }
  return res;
}

/** "Kestrian" and "Kestria", "Aldorian units" and "Aldoria": one party key. */
export function partyKey(a: ActorFacet): string {
  if (a.country) return a.country;
  return partyWord(a.key.split(/\s+/)[0] ?? a.key);
}

/** After a length: "within a second of each other", a gap between two things, no length. */
export const OF_EACH_OTHER = /^\s+of\s+(?:each\s+other|one\s+another)\b/i;

/** A duration that gives how long the event took, not how long ago or since when. */
function eventDuration(sentence: string, d: DurationFacet): boolean {
  const at = sentence.indexOf(d.text);
  if (at < 0) return false;
  // Long enough for "battled the blaze for more than ".
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(at + d.text.length, at + d.text.length + 4);
  // "disconnected within a second of each other": the gap between two things.
  if (OF_EACH_OTHER.test(sentence.slice(at + d.text.length))) return false;
  return (
    /\b(?:lasted|lasting|last|took|spanned|continued|after|within|(?:a|the)\s+span\s+of)\s+(?:just\s+)?(?:about\s+|around\s+|nearly\s+|some\s+|approximately\s+|almost\s+|just\s+|only\s+|barely\s+|under\s+|over\s+|up\s+to\s+|(?:less|more|fewer)\s+than\s+)?$/i.test(
      before,
    ) ||
    // "held for 30 days", "shelled for two days", "detention for two months", "went on for".
    // "kept up the shelling for nearly two days", "its guns kept firing for almost two days".
    /\b(?:(?:completed|ended|finished|concluded|over)\s+in|(?:\p{L}+ed|held|kept|detention|custody|went\s+on|go\s+on|goes\s+on|without\s+\p{L}+|(?:battled|fought)\s+(?:the\s+)?\p{L}+|kept\s+up\s+(?:the\s+|its\s+|their\s+)?\p{L}+|kept\s+\p{L}+ing)\s+for)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+over\s+|over\s+|some\s+|approximately\s+|up\s+to\s+|(?:less|more|fewer)\s+than\s+)?$/iu.test(
      before,
    ) ||
    // "..., and for almost three days the Highlands were shelled": a length opening a clause.
    /(?:^|[,;:]\s*|\band\s+)for\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|(?:more|less)\s+than\s+)?$/i.test(
      before,
    ) ||
    /^\s+of\b/i.test(after) ||
    /^-/.test(after) ||
    /-/.test(d.text)
  );
}

/** Who an army "loses" are its dead: "lost 192 servicemen", "losing 40 lives". */
const LOSS_RE = /^(?:lose|loses|lost|losing)$/i;
const FIGHTERS_RE =
  /^(?:soldier|troop|serviceman|servicemen|servicemember|personnel|fighter|life|lives)s?$/i;

/** Whether a figure counts an army's dead as its losses ("it lost 192 servicemen"). */
export function lostFighters(q: { event?: string | null; counted?: string | null }): boolean {
  return !!q.event && LOSS_RE.test(q.event) && !!q.counted && FIGHTERS_RE.test(q.counted);
}

/** The event class a figure counts, or null. */
function countClass(q: ClaimFacets['quantities'][number]): string | null {
  if (!q.event) return null;
  return lostFighters(q) ? 'killing' : wordClass(q.event.toLowerCase());
}

export function buildFrame(sentence: string, f: Omit<ClaimFacets, 'frame'>): EventFrame | null {
  const classes = eventClasses(sentence);
  // "Eleven militants were detained": the counted event is a frame even when no event noun is.
  if (classes.length === 0) {
    const q = f.quantities.find((x) => countClass(x) !== null);
    if (!q) return null;
    classes.push({ cls: countClass(q)!, trigger: q.event! });
  }
  const agents = new Set<string>();
  const parties = new Set<string>();
  for (const a of f.actors) {
    const k = partyKey(a);
    if (!k) continue;
    parties.add(k);
    if (a.role === 'agent') agents.add(k);
  }
  const dates: DateFacet[] = f.dates.filter((d) => !isSpeechDate(sentence, d));
  const phase = phaseOf(sentence);
  // A publisher speaking of itself ("the mission confirmed") speaks in its own voice.
  const voice = voiceOf(sentence);
  return {
    classes: classes.map((c) => c.cls),
    triggers: classes.map((c) => c.trigger),
    agents: [...agents].slice(0, 3),
    parties: [...parties].slice(0, 4),
    dates: dates.map((d) => ({ start: d.start, end: d.end, precision: d.precision })),
    lengths: f.durations.filter((d) => eventDuration(sentence, d)).map((d) => d.seconds),
    counts: f.quantities.flatMap((q) => {
      const cls = countClass(q);
      return cls && (q.approx ?? 'exact') === 'exact' && q.unit === null
        ? [`${cls}:${q.value}`]
        : [];
    }),
    voice: voice === 'reported' && f.attribution?.self ? 'asserted' : voice,
    ...(phase ? { phase } : {}),
  };
}
