/**
 * What a figure counts: the counted noun and the event class. Shared by the signals (which
 * compare figures) and topic.ts (for which a comparable figure is shared topic).
 */
import type { DurationFacet, QuantityFacet } from '../../claims/extraction/types.js';
import { analyze, tokenIndexAt, type Analysis } from './analyze.js';
import { wordKey } from '../../text/relation-words.js';
import { nounLemma } from '../../text/lemma.js';
import { DEMONYMS } from '../../text/demonyms.js';
import { OF_EACH_OTHER, lostFighters, wordClass } from '../../claims/extraction/frames.js';
import { RECORDING_VERB, isCalendarWord } from '../../claims/extraction/lexicon.js';

/**
 * Events that count the same outcome in different words. Counts are compared only within
 * one class: "2 killed" vs "4 died" is a conflict, "2 killed" vs "4 wounded" is not.
 */
const EVENT_CLASSES: readonly string[][] = [
  // "Eight militants were eliminated", "liquidated": killed, in a side's own words.
  [
    'kill',
    'die',
    'dead',
    'death',
    'slay',
    'murder',
    'fatal',
    'perish',
    'execut',
    'eliminat',
    'liquidat',
  ],
  ['wound', 'injur', 'hurt'],
  [
    'detain',
    'arrest',
    'abduct',
    'captur',
    'seiz',
    'kidnap',
    'apprehend',
    'custodi',
    'held',
    'hold',
  ],
  ['flee', 'fled', 'leav', 'left', 'displac', 'evacuat', 'escap'],
  // People who needed care: "sent 11 people to hospital" / "three needed treatment".
  ['hospital', 'treat'],
  // People set free: "returned 40 servicemen", "38 came home", "38 soldiers were freed".
  ['releas', 'free', 'return', 'repatriat', 'swap', 'exchang'],
  // Vehicles, people or goods that got through: "400 trucks passed along the road" / "32 trucks
  // entered the region", "3 percent of the grain reached" / "received 20 percent of the grain".
  ['pass', 'enter', 'cross', 'arriv', 'reach', 'receiv'],
  // Who a vessel or vehicle carries: "carrying 100 migrants", "350 people on board".
  ['carr', 'aboard', 'board'],
  // A crowd: "20,000 people marched", "a gathering of about 300 people", "a protest by thousands".
  ['march', 'rall', 'protest', 'gather', 'demonstrat', 'dispers'],
  // Homes or people cut off from a supply: "lost power", "left without electricity" (the
  // extractor reads "left N without" as "deprive").
  ['lose', 'lost', 'depriv', 'cut'],
  // "destroyed six drones", "shot down six drones", "intercepted six missiles".
  ['destroy', 'damag', 'demolish', 'rais', 'flatten', 'down', 'intercept', 'neutraliz'],
  // Weapons sent at a target: "27 drones were launched at the city" / "had been fired at".
  ['launch', 'fire'],
];
const eventClassOf = new Map<string, number>();
EVENT_CLASSES.forEach((group, i) => {
  for (const w of group) eventClassOf.set(w, i);
});

/** Where a facet's words start in its sentence: its offset hint when right, else a search. */
export function facetAt(sentence: string, f: { text: string; at?: number }): number {
  const at = f.at ?? -1;
  return at >= 0 && sentence.slice(at, at + f.text.length) === f.text
    ? at
    : sentence.indexOf(f.text);
}

/** A comparable event key: its class when listed, else its alignment key. */
export function eventKey(event: string | null | undefined): string | null {
  if (!event) return null;
  const lower = event.toLowerCase();
  for (const [prefix, cls] of eventClassOf) if (lower.startsWith(prefix)) return `#${cls}`;
  return wordKey(lower);
}

/**
 * Nouns one side or the other uses for the same people: "200 soldiers", "192 servicemen" and
 * "200 troops" count one army's dead. Each group maps to its first member.
 */
const COUNTED_GROUPS: readonly string[][] = [
  ['soldier', 'troop', 'serviceman', 'servicemen', 'servicemember', 'personnel'],
  ['civilian', 'noncombatant', 'non-combatant'],
  ['child', 'kid', 'minor'],
  ['policeman', 'policemen', 'police'],
  ['employee', 'worker', 'staff', 'staffer', 'miner'],
  // Who a boat or a lorry carries: "100 migrants", "400 asylum seekers", "refugees".
  ['migrant', 'seeker', 'refugee', 'passenger'],
  // Who a prison holds, in the service's word or the families': "two convicts", "seven prisoners".
  ['prisoner', 'convict', 'inmate'],
  // Where shells or drones landed: "twelve hits" / "nine impact points".
  ['impact', 'hit', 'strike'],
  // What fell on a place, in each side's word for it: "twelve rockets" / "two artillery shells".
  ['shell', 'rocket', 'round', 'projectile', 'munition'],
  // "212 flights were cancelled" / "212 cancelled departures and arrivals".
  ['flight', 'departure', 'arrival'],
];
const countedGroupOf = new Map<string, string>();
for (const group of COUNTED_GROUPS)
  for (const w of group) countedGroupOf.set(wordKey(w), wordKey(group[0]));

function countedKey(counted: string | null | undefined): string | null {
  if (!counted) return null;
  const key = wordKey(counted.toLowerCase());
  return countedGroupOf.get(key) ?? key;
}

/** Whether a count counts a thing one listed group names in several words ("hits", "impacts"). */
export function countsListedThing(q: QuantityFacet): boolean {
  return !!q.counted && countedGroupOf.has(wordKey(q.counted.toLowerCase()));
}

/** The displacement class's key, and the nouns its counts use for one group of people. */
const FLEE = eventKey('flee');
const DISPLACED = new Set(
  ['people', 'person', 'resident', 'civilian', 'inhabitant', 'villager'].map(wordKey),
);
/**
 * A crowd and those detained from it: "Twelve participants were detained" / "143 people
 * detained", "2,000 people took part" / "30,000 protesters marched".
 */
const DETAIN = eventKey('detain');
const GATHER = eventKey('gather');
const CROWD = new Set(
  ['people', 'person', 'participant', 'protester', 'demonstrator', 'marcher'].map(wordKey),
);

/** The class of getting through or across ("crossed", "arrived", "entered"). */
const PASS = eventKey('pass');
const LAUNCH = eventKey('launch');
/** Shells, rockets and rounds, one group; and the verbs that say where they came down. */
const PROJECTILE = wordKey('shell');
const LANDED = new Set(['strike', 'hit', 'fall', 'land'].map((w) => eventKey(w)!));
/** What is launched or fired at a target, counted: "14 drones", "four cruise missiles". */
const WEAPONS = new Set(
  ['drone', 'missile', 'rocket', 'shell', 'bomb', 'round', 'projectile', 'uav'].map(wordKey),
);
/** A sentence that tells an attack: the weapons it counts are the ones used in it. */
const ATTACK_TOLD = /\b(?:strike|struck|attack(?:ed)?|hit|targeted|delivered|carried\s+out)\b/i;
/** Refugees count with those who fled, by their own key (the 'migrant' group of COUNTED_GROUPS). */
const REFUGEE = countedKey('refugee');

/** Who is on a boat: "carrying 100 migrants", "350 people on board". */
const CARRY = eventKey('carry');
const PEOPLE = countedKey('person')!;
/** Vehicles a side sends for an operation, counted by fleet (sameThing). */
const VEHICLES = new Set(
  ['bus', 'buses', 'truck', 'lorry', 'lorries', 'ambulance', 'coach', 'coaches', 'vehicle'].map(
    (w) => countedKey(w)!,
  ),
);
/** The same verbs as written, for a count whose event was not read. */
const SUPPLY_VERB = /\b(?:provided|sent|supplied|dispatched|deployed|allocated)\b/i;
/** Verbs that put vehicles at an operation's disposal, or say they took part in it. */
const SUPPLIED = new Set(
  ['carry', 'send', 'provide', 'supply', 'dispatch', 'deploy', 'allocate', 'take'].map((w) =>
    eventKey(w)!,
  ),
);
const ABOARD = new Set(['people', 'person', 'migrant'].map((w) => countedKey(w)!));

/** Nouns that name people by nothing but being people. */
const PLAIN_PEOPLE = new Set(['person', 'people', 'man', 'men'].map((w) => countedKey(w)!));

/**
 * A noun for people by what they do or are ("miners", "passengers", "residents"), not for those
 * who do such things to others ("gunmen", "officers") nor for things ("laptops"): read by its
 * ending, as no list holds every trade.
 */
function namesPeople(key: string): boolean {
  if (PLAIN_PEOPLE.has(key) || ARMED_PEOPLE.has(key)) return PLAIN_PEOPLE.has(key);
  return /(?:er|or|ist|ee|ian|ant|ent|man|men|child|woman|women)$/.test(key) || HUMAN.has(key);
}
/**
 * Whether a count of people of one kind ("at least 22 workers") is larger than a count of
 * people of any kind ("nine people") for one event, beyond what either figure's wording
 * allows: the part cannot outnumber the whole. Not for armed people, whom namesPeople leaves
 * out (a toll may not count them).
 */
function partExceedsWhole(a: QuantityFacet, b: QuantityFacet, ca: string, cb: string): boolean {
  const order: [QuantityFacet, QuantityFacet] | null =
    PLAIN_PEOPLE.has(ca) && !PLAIN_PEOPLE.has(cb) && namesPeople(cb)
      ? [a, b]
      : PLAIN_PEOPLE.has(cb) && !PLAIN_PEOPLE.has(ca) && namesPeople(ca)
        ? [b, a]
        : null;
  if (!order) return false;
  const [whole, part] = order;
  const wholeMost =
    whole.approx === 'at_least'
      ? Infinity
      : (whole.valueMax ?? whole.value) * (whole.approx === 'approximate' ? 1 + ROUGH : 1);
  const partLeast =
    part.approx === 'at_most' ? 0 : part.value * (part.approx === 'approximate' ? 1 - ROUGH : 1);
  return partLeast > wholeMost;
}
/** How far an approximate count may be from its figure, for partExceedsWhole. */
const ROUGH = 0.25;
const ARMED_PEOPLE = new Set(
  (
    'gunman gunmen attacker militant fighter soldier officer policeman police troop rebel ' +
    'assailant hijacker kidnapper guard raider captor'
  )
    .split(' ')
    .map((w) => countedKey(w)!),
);
/** People named by age or sex: a part of a group, never another name for it. */
const AGE_OR_SEX = new Set(
  'child children baby infant woman women girl boy minor'.split(' ').map((w) => countedKey(w)!),
);
const HUMAN = new Set(
  'resident villager hostage pupil patient prisoner detainee victim child employee'
    .split(' ')
    .map((w) => countedKey(w)!),
);

/** The kill class's key: "lost 192 servicemen" counts dead soldiers. */
const KILL = eventKey('kill');
/** How many a group held: "numbered eleven", "made up of three vehicles" (quantities.ts). */
const COMPRISE = eventKey('comprise');
/** The wounding class's key ("hurt", "harmed", "injured"). */
const WOUND = eventKey('wound');

/**
 * Who a group of people takes in, for a count of none: "no civilians were harmed" is
 * contradicted by "nine patients were killed", and "no one was hurt" by any count of people
 * hurt. Only a zero is compared with a part: "two civilians were killed" and "five children
 * were killed" may both be true.
 */
const CIVILIAN_PARTS = [
  'child',
  'baby',
  'infant',
  'woman',
  'girl',
  'boy',
  'patient',
  'nurse',
  'doctor',
  'medic',
  'paramedic',
  'resident',
  'villager',
  'inhabitant',
  'passenger',
  'student',
  'pupil',
  'teacher',
  'journalist',
  'reporter',
  'employee',
  'farmer',
  'shopper',
  'worshipper',
  'refugee',
  'pensioner',
  'family',
  'neighbour',
  'neighbor',
  'spectator',
  'driver',
  'tourist',
  'visitor',
  'customer',
  'guest',
  'occupant',
  'firefighter',
  'rescuer',
  'miner',
];
/** Whether a figure counts civilians (or a kind of them) killed, dead or hurt. */
export function civilianHarmCount(q: QuantityFacet): boolean {
  if (q.value <= 0 || q.unit || !q.counted) return false;
  const c = countedKey(q.counted);
  const e = countEventKey(q);
  return (
    (c === countedKey('civilian') || CIVILIAN_PARTS.some((w) => countedKey(w) === c)) &&
    (e === KILL || e === WOUND || e === eventKey('die') || e === eventKey('death'))
  );
}

const PEOPLE_PARTS = [
  ...CIVILIAN_PARTS,
  'civilian',
  'soldier',
  'policeman',
  'officer',
  'guard',
  'fighter',
  'militant',
  'rebel',
  'prisoner',
  'hostage',
  'protester',
  'demonstrator',
  'supporter',
  'participant',
  'marcher',
  'activist',
  'detainee',
  'migrant',
  'worker',
  'man',
  'men',
  'crew',
  'sailor',
  'seaman',
  'seamen',
  'fisherman',
  'fishermen',
  'scientist',
];
const PARTS_OF = new Map<string, Set<string>>([
  [countedKey('civilian')!, new Set(CIVILIAN_PARTS.map((w) => countedKey(w)!))],
  [countedKey('person')!, new Set(PEOPLE_PARTS.map((w) => countedKey(w)!))],
  [countedKey('people')!, new Set(PEOPLE_PARTS.map((w) => countedKey(w)!))],
  [
    countedKey('child')!,
    new Set(['baby', 'infant', 'girl', 'boy', 'pupil'].map((w) => countedKey(w)!)),
  ],
]);

/**
 * A count of none of a group against a count of some of a part of it, for harm: none hurt is
 * contradicted by some killed or wounded, none killed only by some killed.
 */
function noneOfPart(
  zero: QuantityFacet,
  other: QuantityFacet,
  ez: string | null,
  eo: string | null,
  cz: string | null,
  co: string | null,
): boolean {
  if (zero.value !== 0 || other.value <= 0 || !cz || !co) return false;
  if (ez === KILL ? eo !== KILL : ez !== WOUND || (eo !== KILL && eo !== WOUND)) return false;
  // "No participants of the gathering were injured" / "60 people were injured by the police":
  // at a rally, the people hurt are its crowd, whatever each side calls them.
  return cz === co || !!PARTS_OF.get(cz)?.has(co) || (CROWD.has(cz) && CROWD.has(co));
}

/** The event a figure counts, with an army's "lost N soldiers" read as its dead. */
function countEventKey(q: QuantityFacet): string | null {
  if (lostFighters(q)) return KILL;
  // "Twelve hits were recorded" / "we counted nine impact points": one count of hits. (A count
  // "reported" stays one of reports: "reported 40 cases".)
  if (q.event && q.event !== 'report' && RECORDING_VERB.test(q.event)) return null;
  const key = eventKey(q.event);
  // "64,300 residents had crossed into Tervia", "65,000 refugees have arrived": people who got
  // across a border count with those who fled (trucks that crossed do not).
  const counted = countedKey(q.counted);
  if (key === PASS && counted !== null && (DISPLACED.has(counted) || counted === REFUGEE))
    return FLEE;
  return key;
}

/**
 * Whether a statement uses a word of an event (of its class, for a listed class) anywhere ("the
 * deaths of 2 civilians").
 */
function mentionsClass(text: string | undefined, cls: string): boolean {
  if (!text) return true;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) if (eventKey(w) === cls) return true;
  return false;
}

/** Capitalised words before a noun that name no side: "The servicemen", "Three servicemen". */
const NO_SIDE =
  /^(?:the|our|their|its|his|her|these|those|all|some|many|several|a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/;

/** A side's key from the word that names it: "Ostavian" -> "ostavia", "Teshvari" as it is. */
function sideKey(word: string): string {
  const lower = word.replace(/['’]s$/, '').toLowerCase();
  return DEMONYMS.get(lower) ?? (lower.endsWith('ian') ? lower.slice(0, -1) : lower);
}

/**
 * The side a count belongs to, named between the figure and what it counts ("two Ostavian
 * servicemen", "no casualties among Valdish servicemen"): the adjective's party key, or null.
 */
function ownerOf(q: QuantityFacet, text: string): string | null {
  if (!q.counted || q.at === undefined) return null;
  const from = q.at;
  const stem = q.counted.toLowerCase().slice(0, Math.max(3, q.counted.length - 2));
  const end = text.toLowerCase().indexOf(stem, from + 1);
  // "23 Ambrelian servicemen have been killed and 58 wounded": a bare count is of the side of
  // the count whose noun it takes.
  if (end < 0) {
    const before = text.slice(Math.max(0, from - 120), from);
    for (let at = before.lastIndexOf(stem); at > 0; at = before.lastIndexOf(stem, at - 1)) {
      const side = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(before.slice(0, at));
      if (!side) continue;
      return NO_SIDE.test(side[1]!.replace(/['’]s$/, '').toLowerCase()) ? null : sideKey(side[1]!);
    }
    return null;
  }
  if (end - from > 80) return null;
  const words = text.slice(from, end).match(/[\p{L}'’-]+/gu) ?? [];
  // The figure's own word ("Two", "No") is capitalised by position.
  const first = /^\p{L}/u.test(text.charAt(from)) ? 1 : 0;
  for (let i = words.length - 1; i >= first; i--) {
    const w = words[i]!.replace(/['’]s$/, '');
    if (/^\p{Lu}/u.test(w)) return sideKey(w);
  }
  return null;
}

/**
 * Whether two figures count the same thing. `textA`/`textB` (the statements) let a figure with
 * no event found count for an event its statement names elsewhere ("documented the deaths of
 * 2 civilians"); without them such a figure is taken as comparable.
 */
export function sameThing(
  a: QuantityFacet,
  b: QuantityFacet,
  textA?: string,
  textB?: string,
): boolean {
  if ((a.unit ?? null) !== (b.unit ?? null)) return false;
  // "Edda Vorn drowned" is one of the dead, whatever the toll: it meets only "no one died".
  if ((a.named || b.named) && a.value !== 0 && b.value !== 0) return false;
  // The whole a part is taken from ("nine" in "four of the nine carriages") is compared only
  // with another whole.
  if (!!a.whole !== !!b.whole) return false;
  // Percentages compare only when they measure one thing in one way: "real wages fell by 1
  // percent" and "unemployment fell to 4.1 percent" are two measures.
  // Speeds compare only as the same kind: how fast something went, or the limit there.
  if (a.unit && SPEED_UNITS.has(a.unit) && textA && textB) {
    const ka = speedKind(textA, a);
    return ka !== null && ka === speedKind(textB, b);
  }
  if (a.unit === '%' && textA && textB) {
    const pa = percentReading(textA, a);
    const pb = percentReading(textB, b);
    // Shares of one whole compare when both are nobody's in particular or share an owner.
    const all = (r: PercentReading) => (r.firstOwner ? [r.firstOwner, ...r.owners] : r.owners);
    const owned =
      (pa.owners.length === 0 && pb.owners.length === 0) ||
      all(pa).some((o) => all(pb).includes(o));
    return (
      pa.measure !== null &&
      pa.measure === pb.measure &&
      pa.mode === pb.mode &&
      pa.mode !== 'prior' &&
      owned
    );
  }
  // A flow ("reached 2,400 cubic metres per second", "released no more than 900") is one
  // measure whatever the verb.
  // Not when one measures what left a dam and the other the river at a named gauge downstream
  // ("The flow in the Dessen at the Tessick gauge, which also receives the Harn tributary").
  if (a.unit === 'm3/s') {
    const sa = textA ? flowSite(textA) : null;
    const sb = textB ? flowSite(textB) : null;
    return sa === null || sb === null || sa === sb;
  }
  // "7.5 nautical miles north-east of Skerrin Point" / "15.1 nautical miles south-west of
  // Skerrin Point": two distances from one landmark place one thing twice.
  if (a.unit && DISTANCE_UNITS.has(a.unit) && textA && textB) {
    const la = landmarkOf(textA, a);
    const lb = landmarkOf(textB, b);
    if (la !== null && lb !== null) return la === lb;
  }
  if (textA && textB && partOfWhole(a, b, textA, textB)) return false;
  if (textA && textB && namedPart(a, b, textA, textB)) return false;
  if (textA && textB && (noneElsewhere(a, textA, textB) || noneElsewhere(b, textB, textA)))
    return false;
  const ea = countEventKey(a);
  const eb = countEventKey(b);
  const ca = countedKey(a.counted);
  const cb = countedKey(b.counted);
  // "Two Ostavian servicemen" and "no casualties among Valdish servicemen" count two sides.
  if (textA && textB) {
    const oa = ownerOf(a, textA);
    const ob = ownerOf(b, textB);
    if (oa && ob && oa !== ob) return false;
  }
  // None of a group against some of a part of it ("no civilians" / "eight of the dead were
  // children") is compared whatever else the part is.
  if (noneOfPart(a, b, ea, eb, ca, cb) || noneOfPart(b, a, eb, ea, cb, ca)) return true;
  // "Seven of them were killed when the hospital in Fendrel was struck" counts a part of a
  // toll: it meets a count of that incident (a name both give), not the toll itself.
  // (Two parts of one kind, "Seven of the dead were children" / "Three of the dead were
  // children", are one count told twice.)
  const sameKindParts = !!a.partOfEarlier && !!b.partOfEarlier && !!ca && ca === cb;
  if (
    (a.partOfEarlier || b.partOfEarlier) &&
    !sameKindParts &&
    textA &&
    textB &&
    !shareName(textA, textB)
  )
    return false;
  // "Three of those buried were skiers" / "Fourteen people were buried": a part of a kind
  // against the whole group is no second count of either.
  if (!!a.partOfEarlier !== !!b.partOfEarlier && ca && cb && ca !== cb) {
    const partKind = a.partOfEarlier ? ca : cb;
    if (!PLAIN_PEOPLE.has(partKind)) return false;
  }
  if (ca && cb) {
    // "2,000 people were evacuated" / "5,000 residents were evacuated": who flees a place are
    // its people, however each side calls them.
    if (ca !== cb)
      return (
        !!ea &&
        ea === eb &&
        ((ea === FLEE &&
          (DISPLACED.has(ca) || ca === REFUGEE) &&
          (DISPLACED.has(cb) || cb === REFUGEE)) ||
          ((ea === DETAIN || ea === GATHER) && CROWD.has(ca) && CROWD.has(cb)) ||
          (ea === CARRY && ABOARD.has(ca) && ABOARD.has(cb)) ||
          // "Twelve men were trapped" / "nine miners were trapped": one group, one named by
          // what they are. Not for the harmed: a toll's people hold its soldiers.
          // Not children or women among people ("5,312 people" / "among them more than 1,500
          // children"): a part, not another name.
          (ea !== KILL &&
            ea !== WOUND &&
            !AGE_OR_SEX.has(ca) &&
            !AGE_OR_SEX.has(cb) &&
            ((PLAIN_PEOPLE.has(ca) && namesPeople(cb)) ||
              (PLAIN_PEOPLE.has(cb) && namesPeople(ca)))) ||
          // "Nine people lost their lives" / "at least 22 workers died": the workers are among
          // the people, so more of them than people in all is a conflict (fewer, a part).
          ((ea === KILL || ea === WOUND) && partExceedsWhole(a, b, ca, cb)))
      );
    // "The gunmen numbered eleven" / "ten gunmen had held the hostages".
    if (groupSize(ea, eb, ca) || groupSize(eb, ea, ca)) return true;
    // Same noun but different events ("2 killed" vs "4 wounded") are not comparable. Vehicles
    // sent, provided or carrying people for one operation ("the ministry provided 62 buses" /
    // "Aundria sent only 38 buses") are one fleet, whatever the verb.
    if (ea && eb)
      return (
        ea === eb ||
        (VEHICLES.has(ca) && SUPPLIED.has(ea) && SUPPLIED.has(eb)) ||
        // "Twelve rockets struck the market" / "two shells fell on the market": what landed.
        (ca === PROJECTILE && LANDED.has(ea) && LANDED.has(eb))
      );
    // "The strike was delivered by 14 drones" / "27 drones were launched at the city": the
    // weapons an attack used are the weapons launched in it.
    if (WEAPONS.has(ca) && (ea ?? eb) === LAUNCH && ATTACK_TOLD.test((ea ? textB : textA) ?? ''))
      return true;
    // "Two bombs struck the east wing" / "the craters fit two bombs of that weight": the weapons
    // that came down are the ones counted.
    const oneEvent = ea && eb ? null : (ea ?? eb);
    if (WEAPONS.has(ca) && oneEvent !== null && LANDED.has(oneEvent)) return true;
    // A count of an event ("300 residents fled", "could find no trace of two people") against
    // a count of the same noun with no event found ("interviewed 27 residents", "treated 14
    // wounded people") counts two groups, unless the other statement names that event
    // elsewhere.
    // "47 buses provided by the transport ministry ... took part" against "sent only 38 buses".
    if (VEHICLES.has(ca) && textA && textB) {
      if (ea && SUPPLIED.has(ea) && !eb && SUPPLY_VERB.test(textB)) return true;
      if (eb && SUPPLIED.has(eb) && !ea && SUPPLY_VERB.test(textA)) return true;
    }
    if (ea) return mentionsClass(textB, ea);
    if (eb) return mentionsClass(textA, eb);
    // "employs about 1,200 people" / "26 people have been treated": "people" with nothing
    // read of what befell them names no group, so two such counts are two groups.
    return ca !== PEOPLE;
  }
  // "The gunmen who held them numbered eleven" / "ten gunmen had held the hostages": the group
  // whose size is told stands before the verb, the count names no noun of its own.
  if (textA && textB) {
    const names = (text: string, counted: string) =>
      text
        .split(/[^\p{L}'-]+/u)
        .some((w) => w && countedKey(nounLemma(w.toLowerCase())) === counted);
    if (!ca && cb && groupSize(ea, eb, cb) && names(textA, cb)) return true;
    if (!cb && ca && groupSize(eb, ea, ca) && names(textB, ca)) return true;
  }
  // A toll ("put the death toll at 31") counts everyone killed: a different count of one side's
  // fighters ("killed two of its soldiers") is a part of it or of another event, not a conflict.
  if ((ca || cb) && a.value !== b.value && (ea === KILL || eb === KILL)) {
    if (COMBATANTS.has(ca ?? cb!)) return false;
  }
  // A unit alone (%, USD) or the same event with one side's noun missing.
  return !!ea && ea === eb;
}

/**
 * A group's size ("numbered eleven", `size`) against what the same group did (`other`, any
 * event or none): one count of a kind of people or things. Not for people in general nor
 * against a toll ("the group numbered 34" / "six people died": some of them).
 */
function groupSize(size: string | null, other: string | null, counted: string): boolean {
  return (
    size === COMPRISE &&
    other !== KILL &&
    other !== WOUND &&
    !PLAIN_PEOPLE.has(counted) &&
    !AGE_OR_SEX.has(counted)
  );
}

const STRIKE_NOUN = String.raw`(?:shell|missile|rocket|bomb|air\s?strike|strike|blast|explosion|drone|round|mine|grenade)`;
const ONE = String.raw`(?:an?|the|one|a\s+single|[\p{L}-]+['’]s)\s+(?:[\p{L}-]+\s+){0,2}`;
/** One strike named: "a shell struck the market", "killed by the shell that hit", "in the blast". */
const ONE_STRIKE = [
  new RegExp(
    String.raw`\b${ONE}${STRIKE_NOUN}\s+(?:that\s+|which\s+)?(?:struck|hit|landed|exploded|fell|slammed|killed|wounded|injured)\b`,
    'iu',
  ),
  new RegExp(String.raw`\b(?:by|when|in|from|of|after)\s+${ONE}${STRIKE_NOUN}\b(?!s)`, 'iu'),
  // "Quendaran shells hit the bus station": several rounds, one place struck.
  new RegExp(
    String.raw`\b${STRIKE_NOUN}s\s+(?:hit|struck|slammed\s+into|landed\s+on)\s+(?:the|a)\s`,
    'iu',
  ),
  // "the militants fired a rocket into the covered market": one round, one place.
  new RegExp(
    String.raw`\b(?:fired|launched|dropped|threw|hurled)\s+${ONE}${STRIKE_NOUN}\s+(?:into|at|on)\s`,
    'iu',
  ),
];
/** A count said to be everything: "In all, ...", "the death toll", "across the plateau". */
const WHOLE_COUNT = /\b(?:in\s+all|in\s+total|altogether|overall|across\s+the|toll)\b/i;

/**
 * One strike's dead against a toll that holds them: "eight civilians were killed by the shell
 * that hit the market" / "In all, Maskeran fire killed 31 civilians on the plateau". The part
 * is no conflict with a larger whole; it is when the whole is smaller. A whole that names
 * every name the strike's statement gives ("14 died at the Corran Mill market") may be that
 * strike's count, and is compared.
 */
function partOfWhole(a: QuantityFacet, b: QuantityFacet, textA: string, textB: string): boolean {
  if (a.value <= 0 || b.value <= 0) return false;
  // Only the harmed are a toll: "two bombs" against "two craters ... fit two bombs" is no part.
  const harm = (q: QuantityFacet) => {
    const e = countEventKey(q);
    return e === KILL || e === WOUND;
  };
  if (!harm(a) || !harm(b)) return false;
  const ia = ONE_STRIKE.some((re) => re.test(textA));
  const ib = ONE_STRIKE.some((re) => re.test(textB));
  if (ia === ib) return false;
  const [part, whole, partText, wholeText] = ia ? [a, b, textA, textB] : [b, a, textB, textA];
  if ((whole.valueMax ?? whole.value) < (part.valueMax ?? part.value)) return false;
  if (WHOLE_COUNT.test(wholeText)) return true;
  // A day or month is when, not where: "on 10 April" names no other incident.
  const names = analyze(wholeText).names;
  for (const n of analyze(partText).names) if (!names.has(n) && !isCalendarWord(n)) return true;
  return false;
}

/** Where a flow was measured: what a dam let out, or the river at a named place downstream. */
function flowSite(text: string): 'outflow' | 'river' | null {
  if (/\b(?:spillway|sluices?|release[ds]?|discharged?|outflow|let\s+out)\b/i.test(text))
    return 'outflow';
  if (
    /\b(?:(?:flow|level)\s+(?:in|of)\s+the\s+\p{Lu}|at\s+the\s+\p{Lu}[\p{L}'’-]*\s+(?:gauge|gauging\s+station|bridge))/u.test(
      text,
    )
  )
    return 'river';
  return null;
}

/**
 * "Not a single civilian in Tolvane was hurt", "no one was injured at Merrin": none in one named
 * place. A toll that does not name the place (the isles' 14 civilians, three passengers killed
 * at sea) may be of anywhere else, so it is no conflict; one that names it is compared.
 */
function noneElsewhere(q: QuantityFacet, text: string, other: string): boolean {
  if (q.value !== 0 || q.at === undefined) return false;
  const place = NONE_IN_PLACE.exec(text.slice(q.at, q.at + 80))?.[1];
  return !!place && !other.includes(place);
}
/** After a zero count, the one named place it is said of: "civilian in Tolvane was hurt". */
const NONE_IN_PLACE = /^[^.;,:]{0,50}?\b(?:in|at|inside|aboard)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+)/u;

/**
 * "At School No. 5 alone, 27 children were taken to hospital", "On the Stavey road alone they
 * counted more than forty dead": the writer says the count is a part. It is no conflict with a
 * larger count that is not so marked; a smaller one is still compared (no whole is smaller
 * than its part).
 */
function namedPart(a: QuantityFacet, b: QuantityFacet, textA: string, textB: string): boolean {
  const ia = PART_ALONE.test(textA);
  const ib = PART_ALONE.test(textB);
  if (ia === ib) return false;
  const [part, whole] = ia ? [a, b] : [b, a];
  return (whole.valueMax ?? whole.value) >= (part.valueMax ?? part.value);
}
const PART_ALONE =
  /\b(?:(?:at|in|on|from|among|for)\s+(?:[\p{L}\d.'’-]+\s+){1,5}|there\s+)alone\b/iu;

/** Whether two statements name one thing (their analyses' names, cached per text). */
function shareName(a: string, b: string): boolean {
  const nb = analyze(b).names;
  for (const n of analyze(a).names) if (nb.has(n)) return true;
  return false;
}

/** What a percentage measures and how: a level ("fell to 4.1 percent"), a change ("grew by 3
 * percent", "prices rose 22 percent") or an earlier level ("down from 7.9 percent"). */
export interface PercentReading {
  /** The measured thing's words, without neutral modifiers ("wage real", "unemployment"); null when unread. */
  measure: string | null;
  mode: 'level' | 'change' | 'prior';
  /** For a change: +1 up, -1 down, 0 unknown. */
  sign: -1 | 0 | 1;
  /** Whose share of a whole it is: the names before "N percent of the vote" (lower case). */
  owners: string[];
  /** The sentence's capitalised first word, which may or may not be a name. */
  firstOwner?: string;
}

/** Capitalised words before a share that name no owner. */
const OWNER_NOISE = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'by', 'our', 'its', 'their']);

const UP_WORD =
  /^(?:rose|rise|rises|risen|rising|grew|grow|grows|grown|growing|increased|increase|increases|climbed|climbs|jumped|jumps|soared|surged|gained|gains|accelerated|up)$/;
const DOWN_WORD =
  /^(?:fell|fall|falls|fallen|falling|dropped|drops|declined|declines|decreased|decreases|shrank|shrunk|shrinks|lost|loses|slowed|slows|eased|eases|contracted|plunged|plummeted|slumped|tumbled|down)$/;
const LEVEL_WORD = /^(?:was|were|is|are|stood|stands|remained|reached|hit|at|to|of)$/;
const QUALIFIER = String.raw`(?:(?:about|around|nearly|almost|roughly|some|approximately|just|over|under|(?:more|less)\s+than)\s+)?`;
const CHANGE_BEFORE = new RegExp(String.raw`\bby\s+${QUALIFIER}$`, 'i');
const PRIOR_BEFORE = new RegExp(String.raw`\bfrom\s+${QUALIFIER}$`, 'i');
/** Where a measured subject's phrase ends: a preposition opens a modifier. */
const SUBJECT_END = /^(?:in|of|for|on|across|among|during|since|from|at|over|between|by)$/;
/** Words after which a figure's clause starts: "that", reporting verbs. */
const CLAUSE_OPENER =
  /^(?:that|say|says|said|show|shows|showed|shown|find|finds|found|suggest|suggests|suggested|estimate|estimates|estimated|report|reports|reported|claim|claims|claimed)$/;
/** Words of a modifier that make the measure a sample: "at the stations we monitored". */
const SAMPLE = /^(?:we|our|monitored|observed|surveyed|sampled|visited|some|several|selected)$/;
/** Modifiers that leave the measure as it is: annual inflation is inflation as news means it. */
const NEUTRAL_MEASURE = new Set([
  'annual',
  'yearly',
  'year-on-year',
  'official',
  'overall',
  'headline',
  'consumer',
  'the',
  'a',
  'its',
  'their',
  'rate',
  'level',
  'figure',
  'country',
  'national',
]);
const MEASURE_SYNONYM: Record<string, string> = {
  jobless: 'unemployment',
  joblessness: 'unemployment',
};

/**
 * Reads a percentage in its sentence: the subject before its verb is what it measures ("Real
 * wages grew by 3 percent": wages, real; "Calvia's unemployment rate stood at 4.1 percent":
 * unemployment), "by N" or a direction verb right before it makes it a change, "to", "at" or a
 * copula a level, "from" an earlier level. A change in prices is the inflation rate.
 */
export function percentReading(text: string, q: QuantityFacet): PercentReading {
  const at = facetAt(text, q);
  const none: PercentReading = { measure: null, mode: 'level', sign: 0, owners: [] };
  if (at < 0) return none;
  const before = text.slice(0, at);
  const words = [...before.matchAll(/[\p{L}][\p{L}'’-]*|[,;:]/gu)].map((m) => m[0]);
  const lower = words.map((w) => w.toLowerCase());
  let mode: PercentReading['mode'] = CHANGE_BEFORE.test(before)
    ? 'change'
    : PRIOR_BEFORE.test(before)
      ? 'prior'
      : 'level';
  // The predicate: the nearest direction verb or copula before the figure, in its clause.
  let verb = -1;
  let sign: PercentReading['sign'] = 0;
  for (let i = lower.length - 1; i >= 0; i--) {
    const w = lower[i]!;
    if (w === ',' || w === ';' || w === ':') break;
    if (UP_WORD.test(w) || DOWN_WORD.test(w)) {
      verb = i;
      sign = UP_WORD.test(w) ? 1 : -1;
      break;
    }
    if (LEVEL_WORD.test(w) && verb < 0 && !/^(?:at|to|of)$/.test(w)) verb = i;
  }
  // "prices rose 22 percent": a direction verb right before the figure gives a change.
  if (mode === 'level' && verb === lower.length - 1 && sign !== 0) mode = 'change';
  if (mode === 'level') sign = 0;
  // "The lira lost 20 percent of its value": the subject is measured; "3 percent of the grain".
  const after =
    /^\s*(?:(?:percent|per\s+cent|%)\s+)?of\s+(?:the\s+|its\s+|their\s+)?([\p{L}-]+)/iu.exec(
      text.slice(at + q.text.length),
    );
  let subject: string[] = [];
  let owners: string[] = [];
  let firstOwner: string | undefined;
  if (verb > 0) {
    let start = verb - 1;
    // The clause of the figure: after a comma, "that" or a reporting verb ("researchers say
    // the vaccine is 50 percent effective": the vaccine, not the researchers).
    while (start >= 0 && !/^[,;:]$/.test(lower[start]!) && !CLAUSE_OPENER.test(lower[start]!))
      start--;
    const phrase: string[] = [];
    let modifier = false;
    for (let i = start + 1; i < verb; i++) {
      const w = lower[i]!;
      // "Turnout at the stations we monitored": a sample, not the whole the other side measures.
      if (modifier) {
        if (SAMPLE.test(w)) {
          phrase.push('sample');
          break;
        }
        continue;
      }
      if (SUBJECT_END.test(w)) {
        modifier = true;
        continue;
      }
      // Names and possessives say whose ("Calvia's"), not what.
      if (/^\p{Lu}/u.test(words[i]!) && i > start + 1) continue;
      if (/['’]s$/.test(w)) continue;
      phrase.push(w);
    }
    subject = phrase.filter(
      (w) => !NEUTRAL_MEASURE.has(w) && !/^(?:has|have|had|been|will|would)$/.test(w),
    );
  }
  // "78 percent effective", "70 percent protection": the word after the figure is the measure.
  const named =
    /^\s*(?:percent|per\s+cent|%)?\s*(effective|efficacy|efficient|protection|protective|accurate|accuracy|turnout|support|approval)\b/iu.exec(
      text.slice(at + q.text.length),
    );
  if (named) {
    const w = named[1]!.toLowerCase();
    subject = [/^effic|^effective/.test(w) ? 'efficacy' : /^protect/.test(w) ? 'efficacy' : w];
    mode = 'level';
    sign = 0;
  }
  if (subject.length === 0 && after && !/^(?:value|worth|total)$/i.test(after[1]!)) {
    // "Lena Varga received 45 percent of the vote" / "Tamm won 82 percent of the vote": shares
    // of one whole, each someone's; the names before the figure say whose.
    // A sentence's first word is capitalised whatever it is ("Only 3 percent of the grain"):
    // it counts as an owner only when the other side names it too (`firstOwner`).
    const from = lower.lastIndexOf(',') + 1;
    const clean = (w: string) => w.toLowerCase().replace(/['’]s$/, '');
    const ownerWord = (w: string) =>
      /^\p{Lu}/u.test(w) && !isCalendarWord(clean(w)) && !OWNER_NOISE.has(clean(w));
    owners = words
      .slice(from)
      .filter((w, k) => ownerWord(w) && (k > 0 || from > 0))
      .map(clean);
    if (from === 0 && words[0] && ownerWord(words[0])) firstOwner = clean(words[0]);
    subject = [after[1]!.toLowerCase()];
  }
  if (subject.length === 0) return { measure: null, mode, sign, owners, firstOwner };
  let keys = subject.map((w) => MEASURE_SYNONYM[w] ?? wordKey(w));
  // A change in prices is the inflation rate: "consumer prices rose 6.2 percent from a year
  // earlier" / "annual inflation was 6.2 percent".
  if (mode === 'change' && keys.length === 1 && keys[0] === wordKey('prices')) {
    keys = [wordKey('inflation')];
    mode = 'level';
    sign = 0;
  }
  return { measure: [...new Set(keys)].sort().join(' '), mode, sign, owners, firstOwner };
}

const SPEED_UNITS = new Set(['km/h', 'mph', 'kn']);
/** Units of a measured distance (signals.ts gives two measures of one a little spread). */
export const DISTANCE_UNITS = new Set(['km', 'nmi', 'mi', 'm']);
/** After a distance: the place it is measured from ("north-east of Skerrin Point"). */
const FROM_LANDMARK =
  /^\s*(?:(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ward)?\s+|away\s+)?(?:of|from)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u;

/** The named place a distance is measured from, lower-cased, or null. */
function landmarkOf(text: string, q: QuantityFacet): string | null {
  const at = facetAt(text, q);
  if (at < 0) return null;
  const m = FROM_LANDMARK.exec(text.slice(at + q.text.length));
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * What a speed is: how fast something went ("was travelling at 127 km/h") or a limit ("where
 * the limit is 90 km/h", "the permitted 90 km/h"); null when the words do not say.
 */
export function speedKind(text: string, q: QuantityFacet): 'actual' | 'limit' | null {
  const at = facetAt(text, q);
  if (at < 0) return null;
  const before = text.slice(Math.max(0, at - 40), at);
  if (/\b(?:limit|limited|permitted|allowed|maximum|max)\b[^.;,]*$/i.test(before)) return 'limit';
  if (
    /\b(?:travell?(?:ed|ing)|going|moving|driving|running|flying|sailing|speeding|speed\s+of|at\s+a\s+speed\s+of|hit|reached|doing)\b[^.;,]*$/i.test(
      before,
    )
  )
    return 'actual';
  return null;
}

/** Who fights: a count of them killed is one side's loss, not a toll of everyone killed. */
const COMBATANTS = new Set(
  ['soldier', 'serviceman', 'fighter', 'militant', 'guard', 'policeman', 'officer', 'rebel'].map(
    (w) => countedKey(w)!,
  ),
);

/**
 * Equal counts of the same kind of event agree even when the counted noun differs: "11
 * militants were detained" and "abducted 11 residents" frame the same people differently.
 * Only for agreement; a mismatch needs the same counted thing.
 */
export function sameEventCount(a: QuantityFacet, b: QuantityFacet): boolean {
  const ea = countEventKey(a);
  // "14 people, three of them children" / "three people died": a part of a toll meets only a
  // count of the same people; "four of the twelve turnstiles" counts no turnstile opened.
  if (!!a.whole !== !!b.whole) return false;
  if ((a.partWithin || b.partWithin) && countedKey(a.counted) !== countedKey(b.counted))
    return false;
  return (
    !!ea &&
    ea.startsWith('#') &&
    ea === countEventKey(b) &&
    (a.unit ?? null) === (b.unit ?? null) &&
    a.value === b.value &&
    a.value >= 2 &&
    // "At least 40 people were injured" / "at least 40 of our supporters": one bound, one count.
    (a.approx ?? 'exact') === (b.approx ?? 'exact') &&
    ((a.approx ?? 'exact') === 'exact' || a.approx === 'at_least')
  );
}

/** Words just before "for N" that say an event went on that long. */
const SPAN_OF =
  /\b(?:a|the)\s+span\s+of\s+(?:just\s+)?(?:(?:over|under|about|around|nearly|almost|some|(?:more|less)\s+than)\s+)?$/i;
const ONGOING =
  /^(?:on|continued|raged|lasted|persisted|dragged|escaping|escaped|leaking|leaked|flowing|flowed|gushing|spilling|pouring|burning)$/;

/** Verbs whose "for N" gives how long a state they began lasted. */
const HELD =
  /^(?:held|detained|kept|jailed|imprisoned|remanded|detention|custody|arrest|blocked|closed|shut|besieged|cut|battled|fought|burned|burnt|blazed)$/;

/** A duration that gives how long an event took: "lasted 3 days", "three days of fighting", "a one-day operation". */
export function eventLength(a: Analysis, d: DurationFacet): boolean {
  const at = a.text.indexOf(d.text);
  if (at < 0) return false;
  // "disconnected within a second of each other": the gap between two things, no length.
  if (OF_EACH_OTHER.test(a.text.slice(at + d.text.length))) return false;
  if (SINCE_OWN_START.test(a.text.slice(at + d.text.length))) return true;
  if (firstToLast(a, at, d)) return true;
  if (
    /^\s+later\b/i.test(a.text.slice(at + d.text.length)) &&
    (UNTIL_END.test(a.text.slice(0, at)) || START_THEN_END.test(a.text.slice(0, at)))
  )
    return true;
  // "The shelling ran into a third day": how long it went on, at least.
  if (/\binto\s+(?:a|its|the)\s+$/i.test(a.text.slice(Math.max(0, at - 12), at))) return true;
  // "recorded the first impacts at 23:35 on 14 April and the last at 19:40 on 16 April, a span
  // of just over 44 hours": from the first to the last.
  if (SPAN_OF.test(a.text.slice(Math.max(0, at - 40), at))) return true;
  const first = tokenIndexAt(a.tokens, at);
  const after = tokenIndexAt(a.tokens, at + d.text.length);
  if (/-/.test(d.text) && after < a.tokens.length && a.tokens[after].content) return true;
  if (lengthOfEventNoun(a, first)) return true;
  if (after < a.tokens.length && a.tokens[after].lower === 'of')
    // "Two days of mourning", "a minute of silence": a period declared, not an event's length.
    return !/^(?:mourning|silence|rest|leave|holiday|holidays|celebration|prayer)$/.test(
      a.tokens[after + 1]?.lower ?? '',
    );
  for (let i = Math.max(0, first - 3); i < first; i++) {
    // "stopped after about 24 hours", "ended within a day": the length of what stopped.
    if (
      /^(last|lasted|lasting|took|spanned|continued|after|within|spent|needed|required)$/.test(
        a.tokens[i].lower,
      )
    )
      return true;
    // "was completed in 31 hours", "ended in two days".
    if (
      a.tokens[i].lower === 'in' &&
      i > 0 &&
      /^(?:completed|ended|finished|concluded|over|done)$/.test(a.tokens[i - 1].lower)
    )
      return true;
  }
  // "held at the border post for six hours", "detained for two days": how long a detention or
  // a closure lasted ("remained unfulfilled for three years" is no event's length).
  for (let i = Math.max(0, first - 3); i < first; i++) {
    if (a.tokens[i].lower !== 'for') continue;
    // "the fighting went on for 36 hours", "raged for two days".
    if (i > 0 && ONGOING.test(a.tokens[i - 1].lower)) return true;
    // "left 1.2 million homes without electricity for nine hours": how long a loss lasted.
    for (let j = Math.max(0, i - 3); j < i; j++) if (a.tokens[j].lower === 'without') return true;
    for (let j = Math.max(0, i - 8); j < i; j++) if (HELD.test(a.tokens[j].lower)) return true;
    // "For two days artillery shelled the town", "shelled the town for two days": how long an
    // event went on, when an event word is its verb (not "remained unfulfilled for years").
    const after = tokenIndexAt(a.tokens, at + d.text.length);
    // "For about two and a half days, from before dawn on Monday until ..., the aggression went
    // on without pause": an opening length of what the sentence says went on.
    if (i === 0 && OPENING_ONGOING.test(a.text)) return true;
    // "..., and for almost three days the Highlands were shelled without pause": a length that
    // opens a clause is read forward, as at the start of the sentence.
    const opens =
      i === 0 ||
      a.tokens[i - 1]!.lower === 'and' ||
      /[,;:]/.test(a.text.slice(a.tokens[i - 1]!.end, a.tokens[i]!.start));
    const from = opens ? after : Math.max(0, i - 4);
    const to = opens ? Math.min(a.tokens.length, after + 6) : i;
    for (let j = from; j < to; j++) {
      const t = a.tokens[j];
      if (!t.content || ACTOR_NOUN.test(t.lower)) continue;
      const c = wordClass(t.lower);
      if (c !== null && !AFTERMATH.has(c) && /(?:ed|ing)$/.test(t.lower)) return true;
    }
  }
  return false;
}

/**
 * Before the length at token `first`: "an outage of some 15 hours", "a blockade of three days",
 * the length of the event the noun names.
 */
function lengthOfEventNoun(a: Analysis, first: number): boolean {
  let k = first - 1;
  while (k >= 0 && APPROX_WORD.test(a.tokens[k].lower)) k--;
  const noun = a.tokens[k - 1];
  if (k <= 0 || a.tokens[k].lower !== 'of' || !noun || ACTOR_NOUN.test(noun.lower)) return false;
  const c = wordClass(noun.lower);
  return c !== null && !AFTERMATH.has(c);
}
const APPROX_WORD = /^(?:some|about|around|nearly|almost|roughly|over|more|than|just|under)$/;

/**
 * After a length: the time since the event's own start ("were completed at 03:10, 21 hours and
 * 20 minutes after they started", "ended 30 hours after the operation began"): its length.
 */
const SINCE_OWN_START =
  /^\s+after\s+(?:it|they|the\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:had\s+)?(?:started|began|begun|opened|went\s+down|broke\s+out|failed|(?:was|were|had\s+been)\s+launched)\b/iu;

/**
 * Before "N later": the event went on until its end ("The bombardment went on until Thursday
 * evening, more than two and a half days later", "did not end until ..."), so N is the time from
 * its start to that end: its length.
 */
const UNTIL_END =
  /\b(?:went\s+on|continued|lasted|raged|ran|did\s+not\s+(?:end|stop|cease|finish)|(?:was|were)\s+not\s+(?:over|halted|stopped))\s+until\b/i;

/**
 * Before "N later": the event began and then ended ("The measures began at 05:30 yesterday and
 * ended at 02:45 this morning, 21 hours and 15 minutes later"), so N is its length.
 */
const START_THEN_END =
  /\b(?:began|begun|started|opened|(?:was|were)\s+launched)\b[^.;]*\b(?:ended|finished|concluded|stopped|ceased|(?:was|were)\s+(?:completed|over|halted))\b/i;

/** Classes whose length is not that of the event a report is about. */
const AFTERMATH = new Set([
  'displacement',
  'ceasefire',
  'detention',
  'wounding',
  'killing',
  'rescue',
]);

/**
 * Nouns for soldiers and units: who acts in an event, not the event. As class words they would
 * tie every report of a war together, say which event a length measures, or read "troops" and
 * "forces" as one event framed twice.
 */
export const ACTOR_NOUN = /^(?:forces|units|soldiers|troops)$/i;

/**
 * The event class of what a length measures: the class word nearest to it ("one-day anti-terror
 * measures", "lasted two days" after "the aggression", "within a week" after "fled"). Null when
 * the statement names no event class at all.
 */
export function lengthClass(a: Analysis, d: DurationFacet): string | null {
  const at = a.text.indexOf(d.text);
  if (at < 0) return null;
  const first = tokenIndexAt(a.tokens, at);
  const after = tokenIndexAt(a.tokens, at + d.text.length);
  const classOf = (t: { content: boolean; lower: string } | undefined) =>
    !t || !t.content || ACTOR_NOUN.test(t.lower)
      ? null
      : /^(?:held|kept|jailed|imprisoned)$/.test(t.lower)
        ? 'detention'
        : wordClass(t.lower);
  // "For about two days, from before dawn on Monday until the ceasefire, the aggression went
  // on": the length is of what went on, named before its verb.
  const going = first <= 2 && a.tokens[0]?.lower === 'for' ? OPENING_ONGOING.exec(a.text) : null;
  if (going) {
    // "For more than 61 hours, ..., the republic was under uninterrupted fire": the fire's.
    const under = /\bunder\b/i.test(going[0]) ? going[0].split(/\s+/).pop()! : null;
    if (under !== null && wordClass(under.toLowerCase()) !== null)
      return wordClass(under.toLowerCase());
    for (let i = tokenIndexAt(a.tokens, going.index) - 1; i >= after; i--) {
      const c = classOf(a.tokens[i]);
      if (c !== null) return c;
    }
  }
  let before: string | null = null;
  for (let i = first - 1; i >= 0 && before === null; i--) before = classOf(a.tokens[i]);
  let next: string | null = null;
  for (let i = after; i < a.tokens.length && next === null; i++) next = classOf(a.tokens[i]);
  // "a one-day operation", "three days of fighting" name their event after the length; "the
  // aggression lasted two days and killed 200" before it.
  const compound = /-/.test(d.text) || a.tokens[after]?.lower === 'of';
  return compound ? (next ?? before) : (before ?? next);
}

/** The verb of a sentence that opens with a length ("For two days, ... went on"). */
const OPENING_ONGOING =
  /\b(?:went|goes|go)\s+on\b|\b(?:continued|raged|lasted|persisted)\b|\b(?:was|were)\s+under\s+(?:[\p{L}-]+\s+)?(?:fire|shelling|bombardment|attack)\b/iu;

/** Words just before a length that make it how long something went on, not a delay. */
const LENGTH_LEAD =
  /^(?:last|lasted|lasting|lasts|for|took|takes|spanned|continued|went|raged|over|during|in|after|into)$/;

const AFTER_THE_FIRST = /^\s+after\s+the\s+first\b/i;
const WENT_ON_UNTIL =
  /\b(?:(?:continued|went\s+on|lasted|kept\s+up)\b[^.;]*\buntil|(?:was|were)\s+(?:completed|concluded|finished|over)|the\s+last)\b/i;

/**
 * "Strikes continued until about 21:10 on 15 March, some 39 hours after the first", "the
 * evacuation was completed at 01:00, 19 hours after the first buses left", "the last buses
 * crossed ... two days after the first of them set out": from the first to the last is how
 * long they went on (not "a second blast 20 minutes after the first").
 */
function firstToLast(a: Analysis, at: number, d: DurationFacet): boolean {
  return (
    AFTER_THE_FIRST.test(a.text.slice(at + d.text.length)) &&
    WENT_ON_UNTIL.test(a.text.slice(0, at))
  );
}

/**
 * What a length is a delay after: "derailment" in "within 15 minutes of the derailment" and in
 * "more than an hour after the derailment". Null when the length is no delay.
 */
function lagAfter(a: Analysis, d: DurationFacet): string | null {
  const at = a.text.indexOf(d.text);
  if (at < 0) return null;
  if (SINCE_OWN_START.test(a.text.slice(at + d.text.length))) return null;
  if (firstToLast(a, at, d)) return null;
  const first = tokenIndexAt(a.tokens, at);
  let i = tokenIndexAt(a.tokens, at + d.text.length);
  const link = a.tokens[i]?.lower;
  const within = a.tokens[first - 1]?.lower === 'within';
  if (!(link === 'after' || link === 'before' || (link === 'of' && within))) return null;
  // "lasted two days before the ceasefire", "for 36 hours after the blast": a length that
  // ends or starts at a thing, not a delay.
  const lead = a.tokens.slice(Math.max(0, first - 2), first).map((t) => t.lower);
  if (lead.some((w) => LENGTH_LEAD.test(w))) return null;
  i++;
  // A delay after a thing named as one: "after the derailment", not "before local leaders
  // agreed".
  if (!/^(?:the|its|their|this|that)$/.test(a.tokens[i]?.lower ?? '') && !within) return null;
  while (i < a.tokens.length && /^(?:the|a|an|its|their|this|that|first)$/.test(a.tokens[i]!.lower))
    i++;
  const t = a.tokens[i];
  return t && t.content && /^\p{L}/u.test(t.lower) ? t.key : null;
}

/**
 * Whether two lengths can measure one event: both name how long an event took, of one class
 * ("the one-day measures" and "a 44-day war" ended by a ceasefire, or "fled within a week",
 * measure other things).
 */
export function comparableLengths(
  la: Analysis,
  l: DurationFacet,
  ra: Analysis,
  r: DurationFacet,
): boolean {
  // "within 15 minutes of the derailment" / "more than an hour after the derailment": two
  // delays after one thing compare, whatever came after it; a delay is no event's length.
  const ll = lagAfter(la, l);
  const rl = lagAfter(ra, r);
  if (ll !== null || rl !== null) return ll !== null && ll === rl;
  if (!eventLength(la, l) || !eventLength(ra, r)) return false;
  const lc = lengthClass(la, l);
  const rc = lengthClass(ra, r);
  // A length of an unnamed event ("within just 23 hours, the forces were compelled to ...",
  // "the blockade lasted 6 hours") is taken for the event the report is about; it is not
  // compared with how long people took to flee, a truce held or someone was detained.
  // Two spans from the first to the last of a series ("completed at 01:00, 19 hours after the
  // first buses left" / "the last buses crossed ... two days after the first of them set out")
  // measure one thing even when one names it by its aftermath (an evacuation).
  if (lc === null || rc === null)
    return !AFTERMATH.has(lc ?? rc ?? '') || (seriesSpan(la, l) && seriesSpan(ra, r));
  return lc === rc;
}

/**
 * Whether a length runs from the first to the last of something: firstToLast, or "lasted 51
 * hours, from the departure of the first convoy ... to that of the last".
 */
function seriesSpan(a: Analysis, d: DurationFacet): boolean {
  const at = a.text.indexOf(d.text);
  return (
    at >= 0 && (firstToLast(a, at, d) || FROM_FIRST_TO_LAST.test(a.text.slice(at + d.text.length)))
  );
}
const FROM_FIRST_TO_LAST = /^,?\s+from\b[^.;]*\bfirst\b[^.;]*\bto\b[^.;]*\blast\b/i;

/** The words before a deed named as the subject: "The", "Yesterday's", "At 11:40, the". */
const THE_EVENT = String.raw`^(?:[\p{L}\d:,\s]{0,30}\s)?(?:the|this|today['’]s|yesterday['’]s)\s+`;

/**
 * A statement about "the incident" by that word alone ("The incident began at about 11:40
 * today"): in a source about one event it names that event, of whatever class the other side
 * gives it ("the shooting began at 09:15 yesterday").
 */
const GENERIC_INCIDENT = new RegExp(
  THE_EVENT +
    String.raw`(?:incident|event)\s+(?:began|started|happened|occurred|took\s+place|ended|lasted)\b`,
  'iu',
);

/** Whether either side speaks of "the incident" and the other gives its event a class. */
export function incidentOfTheirClass(
  aText: string,
  aClasses: ReadonlySet<string>,
  bText: string,
  bClasses: ReadonlySet<string>,
): boolean {
  return (
    (GENERIC_INCIDENT.test(aText) && bClasses.size > 0) ||
    (GENERIC_INCIDENT.test(bText) && aClasses.size > 0)
  );
}

/**
 * A statement whose subject is the deed itself, with a definite article and nothing else to say
 * which: "The strike was carried out at 03:40 local time", "The explosion happened at 21:10".
 */
const DEFINITE_DEED = new RegExp(
  THE_EVENT +
    String.raw`(?:strike|attack|raid|explosion|blast|assault|bombing|shelling|collision|derailment|crash)\s+(?:was\s+(?:carried\s+out|launched|made|delivered|conducted)|happened|occurred|took\s+place)\b`,
  'iu',
);
export function definiteDeed(text: string): boolean {
  return DEFINITE_DEED.test(text);
}

/** Nouns a listed part may count with no other noun: "212 passengers and 38 crew". */
const WHOLE_GROUPS = new Set([PEOPLE, countedKey('migrant')!]);

/** Between two counts of one list: "212 passengers and ", "nineteen men, ", "eight women and ". */
const LIST_JOIN = /^\S+(?:\s+[\p{L}'’-]+){1,2}(?:,\s+and\s+|,\s+|\s+and\s+)$/u;
/** A verb between two counts ends a list: "three soldiers were killed and two civilians wounded". */
const VERB_BETWEEN = /\s(?:were|was|are|is|have|has|had|\p{L}+ed)\s/u;

export interface ListedSum {
  /** The counts of the list, each a part of the sum. */
  parts: Set<QuantityFacet>;
  /** The other side's counts of the whole group the list adds up to. */
  wholes: Set<QuantityFacet>;
  /** The sum, as a count of the list's first event. */
  sum: QuantityFacet;
}

/**
 * Counts of a group listed part by part ("nineteen men, eight women and seven children", "212
 * passengers and 38 crew") against the other side's count of the whole group ("a group of 34
 * migrants", "more than 300 people on board"): the parts add up to the whole, so each part alone
 * is no count of it. Null when `mine` lists no parts or `theirs` counts no such whole.
 */
export function listedSum(
  mine: readonly QuantityFacet[],
  text: string,
  theirs: readonly QuantityFacet[],
): ListedSum | null {
  const counts = mine
    .filter(
      (q) =>
        !q.unit &&
        q.counted &&
        (q.approx ?? 'exact') === 'exact' &&
        !q.partOfEarlier &&
        !q.whole &&
        typeof q.at === 'number' &&
        // "seven of them children": a part of the count before it, not the next item.
        !/^\S+\s+of\s+(?:them|whom|those|these|the)\b/i.test(text.slice(q.at)),
    )
    .sort((a, b) => a.at! - b.at!);
  let run: QuantityFacet[] = [];
  let best: QuantityFacet[] = [];
  for (const q of counts) {
    const prev = run[run.length - 1];
    const between = prev ? text.slice(prev.at!, q.at!) : '';
    const sameEvent =
      !prev || !prev.event || !q.event || eventKey(prev.event) === eventKey(q.event);
    if (prev && sameEvent && LIST_JOIN.test(between) && !VERB_BETWEEN.test(between)) run.push(q);
    else run = [q];
    if (run.length > best.length) best = [...run];
  }
  if (best.length < 2) return null;
  // An enumeration ends in "and" ("A, B and C"); "with 42 crew, 318 people were on board" is a
  // part and its whole.
  const lastJoin = text.slice(best[best.length - 2]!.at!, best[best.length - 1]!.at!);
  if (!/\band\s+$/.test(lastJoin)) return null;
  const keys = new Set(best.map((q) => countedKey(q.counted)));
  if (keys.has(PEOPLE)) return null;
  // Parts of one group: not one noun repeated ("three soldiers and two soldiers").
  if (keys.size < 2) return null;
  const classes = new Set(
    best.map((q) => eventKey(q.event)).filter((k): k is string => !!k && k.startsWith('#')),
  );
  const wholes = new Set(
    theirs.filter((q) => {
      const key = countedKey(q.counted);
      if (q.unit || !key || !WHOLE_GROUPS.has(key) || keys.has(key)) return false;
      // "Nobody was seriously injured" counts none hurt, no whole the list adds up to.
      if (q.value === 0) return false;
      const cls = eventKey(q.event);
      return !(cls?.startsWith('#') && classes.size > 0 && !classes.has(cls));
    }),
  );
  if (wholes.size === 0) return null;
  const first = best[0]!;
  const last = best[best.length - 1]!;
  const end = last.at! + (/^\S+(?:\s+[\p{L}'’-]+)?/u.exec(text.slice(last.at!))?.[0].length ?? 0);
  const sum: QuantityFacet = {
    text: text.slice(first.at!, end),
    value: best.reduce((n, q) => n + q.value, 0),
    approx: 'exact',
    unit: null,
    counted: 'people',
    event: best.find((q) => q.event)?.event ?? null,
    at: first.at!,
  };
  return { parts: new Set(best), wholes, sum };
}
