/**
 * Synthetic news articles for the benchmarks: deterministic for a seed, about 600 words, written
 * from templates with a vocabulary large enough that full-text and trigram indexes see realistic
 * term distributions (common words everywhere, invented names rare). Articles are grouped into
 * stories that several outlets cover, sometimes with different figures, so linking finds real
 * candidates (corroborations and contradictions) instead of an empty workspace. Pure.
 */
import { mulberry32 as rng } from '../eval/lib/random.js';

/** Seeded random numbers for generated test data (mulberry32, one copy for the tools). */
export { rng };

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// Invented proper names from syllables: millions of combinations, so names behave like the rare
// terms of real news (each shared by the handful of articles about one story).
const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p'];
const ONSETS2 = ['r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z', 'j', 'kl', 'pl', 'sk', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'ar', 'el', 'in', 'or'];
const CODAS = ['', 'n', 'r', 'l', 's', 'th', 'nd', 'rk', 'lt', 'ck', 'm', 'x', 'ng'];
const PLACE_SUFFIXES = ['ford', 'ville', 'burg', 'abad', 'port', 'stad', 'ham', 'ia', 'ova', 'ton'];
const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Olga',
  'Pedro',
  'Fatima',
  'David',
  'Ingrid',
  'Kwame',
  'Sofia',
  'Ahmed',
  'Elena',
  'Tomas',
  'Priya',
  'Lucas',
  'Hana',
  'Omar',
  'Grace',
  'Ivan',
  'Nadia',
  'Samuel',
  'Yuki',
  'Carlos',
  'Leila',
  'Peter',
  'Amara',
  'Jonas',
  'Rosa',
  'Felix',
];

function syllable(r: Rand) {
  return pick(r, r() < 0.5 ? ONSETS : ONSETS2) + pick(r, VOWELS) + pick(r, CODAS);
}
function properName(r: Rand, syllables = int(r, 2, 3)) {
  let s = '';
  for (let i = 0; i < syllables; i++) s += syllable(r);
  return s[0]!.toUpperCase() + s.slice(1);
}

const ROLES = [
  'spokesperson',
  'minister',
  'mayor',
  'police chief',
  'director',
  'chief executive',
  'senior analyst',
  'union leader',
  'governor',
  'professor',
  'commander',
  'prosecutor',
  'health official',
  'economist',
  'lawmaker',
  'regional administrator',
];
const ORG_KINDS = [
  'Ministry of Health',
  'Interior Ministry',
  'National Bank',
  'Workers Union',
  'Red Crescent',
  'Electoral Commission',
  'Energy Agency',
  'Supreme Court',
  'Port Authority',
  'University',
  'Chamber of Commerce',
  'Civil Defence',
  'Water Board',
  'Transport Authority',
  'Army',
];
const AGENCIES = ['Reuters', 'AFP', 'AP', 'local media', 'state television', 'the ministry'];

interface EventKind {
  noun: string;
  verbs: string[];
  counted: string[];
  effects: string[];
  extra: string[];
}
const EVENTS: EventKind[] = [
  {
    noun: 'flood',
    verbs: ['swept through', 'submerged', 'devastated', 'inundated'],
    counted: ['people', 'homes', 'villages', 'families'],
    effects: ['killed', 'displaced', 'evacuated', 'stranded'],
    extra: ['rainfall', 'river', 'embankment', 'monsoon', 'dam', 'rescue boats'],
  },
  {
    noun: 'earthquake',
    verbs: ['struck', 'shook', 'rattled', 'hit'],
    counted: ['people', 'buildings', 'residents', 'schools'],
    effects: ['killed', 'injured', 'trapped', 'left homeless'],
    extra: ['magnitude', 'aftershock', 'epicentre', 'rubble', 'seismologists', 'tremor'],
  },
  {
    noun: 'strike',
    verbs: ['paralysed', 'disrupted', 'halted', 'shut down'],
    counted: ['workers', 'flights', 'trains', 'factories'],
    effects: ['joined', 'cancelled', 'idled', 'affected'],
    extra: ['wages', 'pension reform', 'negotiations', 'picket lines', 'overtime', 'contract'],
  },
  {
    noun: 'wildfire',
    verbs: ['burned across', 'tore through', 'engulfed', 'spread into'],
    counted: ['hectares', 'homes', 'residents', 'firefighters'],
    effects: ['destroyed', 'evacuated', 'deployed', 'threatened'],
    extra: ['drought', 'wind gusts', 'containment', 'water bombers', 'smoke', 'heatwave'],
  },
  {
    noun: 'election',
    verbs: ['was held in', 'took place across', 'drew voters in', 'concluded in'],
    counted: ['votes', 'seats', 'polling stations', 'candidates'],
    effects: ['counted', 'won', 'opened', 'registered'],
    extra: ['turnout', 'ballot', 'coalition', 'runoff', 'opposition', 'observers'],
  },
  {
    noun: 'outbreak',
    verbs: ['spread through', 'was detected in', 'hit', 'emerged in'],
    counted: ['cases', 'patients', 'deaths', 'clinics'],
    effects: ['confirmed', 'hospitalised', 'recorded', 'treated'],
    extra: ['vaccine', 'quarantine', 'infection rate', 'symptoms', 'laboratory', 'contact tracing'],
  },
  {
    noun: 'merger',
    verbs: ['was announced in', 'reshaped the market in', 'was approved in', 'was blocked in'],
    counted: ['jobs', 'shares', 'stores', 'employees'],
    effects: ['cut', 'sold', 'closed', 'transferred'],
    extra: ['regulators', 'shareholders', 'valuation', 'antitrust', 'dividend', 'takeover bid'],
  },
  {
    noun: 'protest',
    verbs: ['erupted in', 'filled the streets of', 'spread across', 'gathered in'],
    counted: ['protesters', 'people', 'officers', 'arrests'],
    effects: ['detained', 'injured', 'dispersed', 'arrested'],
    extra: ['tear gas', 'curfew', 'demands', 'riot police', 'march', 'square'],
  },
  {
    noun: 'budget vote',
    verbs: ['divided lawmakers in', 'passed in', 'stalled in', 'was debated in'],
    counted: ['million dollars', 'billion dollars', 'lawmakers', 'programmes'],
    effects: ['allocated', 'cut', 'approved', 'rejected'],
    extra: ['deficit', 'spending', 'tax', 'amendment', 'austerity', 'treasury'],
  },
  {
    noun: 'train crash',
    verbs: ['occurred near', 'happened outside', 'shocked', 'struck a line near'],
    counted: ['passengers', 'carriages', 'people', 'rescuers'],
    effects: ['killed', 'injured', 'derailed', 'rescued'],
    extra: ['signal failure', 'investigation', 'track', 'driver', 'speed', 'inquiry'],
  },
];

const ADJECTIVES = [
  'severe',
  'unprecedented',
  'sudden',
  'prolonged',
  'controversial',
  'widespread',
  'heavy',
  'modest',
  'sharp',
  'significant',
  'preliminary',
  'official',
  'independent',
  'local',
  'rural',
  'coastal',
  'northern',
  'southern',
  'eastern',
  'western',
  'major',
  'minor',
  'growing',
];
const BACKGROUND = [
  'The region has faced similar problems in recent years, according to records kept by {org}, which has long warned about the lack of investment.',
  'Critics said the response had been too slow and called for a {adj} review of the decisions taken by the authorities in the first hours.',
  'Analysts warned that the {adj} effects could last for several months, with the poorest households likely to bear most of the burden.',
  'The government has promised to publish a full report once the situation stabilises, although no date has been set for its release.',
  'Residents described scenes of confusion as officials tried to coordinate the response, and several said they had waited hours for help.',
  'It was not immediately clear how the figures had been compiled, or whether they included people reported missing by their relatives.',
  'Opposition politicians demanded answers about the handling of the {noun} and accused ministers of ignoring earlier warnings.',
  'International observers said they were monitoring developments closely and offered technical assistance if it was requested.',
  'Local businesses reported {adj} losses in the days that followed, and some shopkeepers said they did not expect to reopen this year.',
  'Schools in {place} remained closed while inspections continued, leaving thousands of children at home for the rest of the week.',
  'The {org} said it would hold a press conference later in the week to answer questions from journalists and the public.',
  'Emergency services were stretched as calls increased throughout the night, according to a statement released early the next morning.',
  'A similar {noun} in {year} prompted changes to national guidelines, but campaigners say many of those changes were never applied.',
  'Some residents said they had received no warning before the {noun}, while others said the alerts arrived too late to be useful.',
  'Officials urged the public to rely only on verified information and to avoid sharing unconfirmed reports on social media.',
  'Insurance companies estimated that claims could rise sharply, and the share prices of several insurers fell in early trading.',
  'The debate is expected to shape the coming parliamentary session, with several parties already drafting competing proposals.',
  'Several roads leading to {place} were closed to traffic, and travellers were advised to postpone all journeys that were not essential.',
  'Volunteers distributed food, water and blankets at temporary shelters set up in sports halls, churches and community centres.',
  'The figures could not be independently verified, and aid groups cautioned that the real numbers were probably higher.',
  'Engineers from the {org} began a {adj} assessment of the damage, which officials said could take several weeks to complete.',
  'Neighbouring countries sent supplies and specialist teams, and the United Nations said it stood ready to coordinate further support.',
  'Economists said the {noun} would weigh on growth in the current quarter, particularly in agriculture, tourism and retail.',
  'Community leaders in {place} called for calm and asked residents to check on elderly neighbours who lived alone.',
  'Human rights groups said the authorities must ensure that the investigation was transparent and that its findings were made public.',
  'The prime minister cut short a foreign visit to return home, her office said in a brief statement that gave few further details.',
  'Television footage showed crowds gathering outside the main hospital, where relatives waited for news of those who had been admitted.',
  'A spokesperson for the {org} declined to comment on the specific allegations but said an internal review had already begun.',
  'Markets reacted calmly to the news, although the national currency weakened slightly against the dollar in afternoon trading.',
  'Experts said {adj} planning and better early warning systems could have reduced the impact, pointing to lessons from other countries.',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface Story {
  id: number;
  event: EventKind;
  place: string;
  country: string;
  org: string;
  actors: { name: string; role: string }[];
  date: Date;
  figures: number[];
}

/** The facts several articles share; `id` makes it reproducible alone. */
export function story(seed: number, id: number): Story {
  const r = rng(seed * 1_000_003 + id * 7919 + 1);
  const country = properName(r, 2) + pick(r, ['ia', 'land', 'stan', 'a', 'ea']);
  const date = new Date(Date.UTC(int(r, 2018, 2026), int(r, 0, 11), int(r, 1, 28), 12));
  return {
    id,
    event: pick(r, EVENTS),
    place: properName(r, 2) + pick(r, PLACE_SUFFIXES),
    country,
    org: `${country} ${pick(r, ORG_KINDS)}`,
    actors: Array.from({ length: 4 }, () => ({
      name: `${pick(r, FIRST_NAMES)} ${properName(r)}`,
      role: pick(r, ROLES),
    })),
    date,
    figures: Array.from({ length: 4 }, () =>
      r() < 0.3 ? int(r, 2, 40) : r() < 0.7 ? int(r, 41, 2_000) : int(r, 2_001, 250_000),
    ),
  };
}

export interface SyntheticArticle {
  title: string;
  url: string;
  publisher: string;
  author: string;
  publishedAt: string;
  text: string;
}

const fmtNumber = (n: number) => (n >= 10_000 ? n.toLocaleString('en-US') : String(n));
const fmtDate = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

/**
 * Article `index` of a corpus of `stories` stories: the story is picked with a skew (some
 * stories get many articles, most few), and one article in five reports different figures, so
 * the workspace holds contradictions as well as corroborations.
 */
export function article(
  seed: number,
  index: number,
  stories: number,
  options: { sentences?: number; outlets?: { part: number; parts: number } } = {},
): SyntheticArticle {
  const r = rng(seed * 2_654_435_761 + index * 40_503 + 17);
  // Square of a uniform: low story ids are covered more often, like big news.
  const s = story(seed, Math.floor(r() * r() * stories));
  const disagrees = r() < 0.2;
  const figure = (i: number) => {
    const base = s.figures[i % s.figures.length]!;
    return disagrees && i === 0 ? Math.max(1, Math.round(base * (0.4 + r() * 1.4))) : base;
  };
  // A few hundred outlets, as in a real monitoring workspace (publishers are upserted by name).
  // `outlets` restricts the article to one slice of them (see ingest.bench.ts for why).
  const parts = options.outlets?.parts ?? 1;
  const outlet = rng(seed + Math.floor((r() * 300) / parts) * parts + (options.outlets?.part ?? 0));
  const publisher = `${properName(outlet, 2)} ${pick(outlet, ['Times', 'Herald', 'Post', 'Daily', 'Observer', 'News'])}`;
  const author = `${pick(r, FIRST_NAMES)} ${properName(r)}`;
  const published = new Date(s.date.getTime() + int(r, 0, 3) * 86_400_000);
  const ev = s.event;
  const actor = () => pick(r, s.actors);
  const adj = () => pick(r, ADJECTIVES);
  const fill = (t: string) =>
    t
      .replaceAll('{org}', s.org)
      .replaceAll('{adj}', adj())
      .replaceAll('{noun}', ev.noun)
      .replaceAll('{place}', s.place)
      .replaceAll('{year}', String(s.date.getUTCFullYear() - int(r, 2, 15)));

  // Fact sentences carry the story's figures, dates and names: what linking compares.
  const facts: (() => string)[] = [
    () =>
      `At least ${fmtNumber(figure(0))} ${ev.counted[0]} were ${ev.effects[0]} after the ${adj()} ${ev.noun} ${pick(r, ev.verbs)} ${s.place} on ${fmtDate(s.date)}.`,
    () =>
      `The ${ev.noun} ${pick(r, ev.verbs)} ${s.place}, where ${fmtNumber(figure(1))} ${ev.counted[1]} were ${ev.effects[1]}, officials said.`,
    () => {
      const a = actor();
      return `"We have never seen a ${ev.noun} like this," said ${a.name}, ${a.role} at the ${s.org}, adding that ${fmtNumber(figure(0))} ${ev.counted[0]} had been ${ev.effects[0]}.`;
    },
    () => {
      const a = actor();
      return `${a.name} told ${pick(r, AGENCIES)} that about ${fmtNumber(figure(2))} ${ev.counted[2]} were ${ev.effects[2]} within ${int(r, 2, 72)} hours.`;
    },
    () =>
      `According to the ${s.org}, the ${ev.extra[0]} and the ${ev.extra[1]} made the situation worse in ${s.place}.`,
    () =>
      `By ${fmtDate(new Date(s.date.getTime() + 2 * 86_400_000))}, ${fmtNumber(figure(3))} ${ev.counted[3]} had been ${ev.effects[3]} across ${s.country}.`,
    () => {
      const a = actor();
      return `"The ${ev.extra[2]} is our priority now, and we will not stop until everyone is safe," ${a.name} said on ${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.`;
    },
    () =>
      `The ${s.org} denied reports that ${fmtNumber(figure(0) + int(r, 1, 50))} ${ev.counted[0]} had been ${ev.effects[0]}, calling the claim ${pick(r, ['false', 'exaggerated', 'premature', 'unfounded'])}.`,
    () => {
      const a = actor();
      return `${a.name}, the ${a.role}, said the ${ev.extra[3]} would cost roughly ${int(r, 2, 900)} million dollars over ${int(r, 2, 10)} years.`;
    },
    () =>
      `Officials in ${s.place} said ${int(r, 10, 95)}% of the ${ev.counted[1]} were affected by the ${ev.extra[4]}.`,
    () =>
      `The ${ev.noun} was the worst to hit ${s.country} since ${s.date.getUTCFullYear() - int(r, 3, 40)}, when ${fmtNumber(int(r, 5, 5_000))} ${ev.counted[0]} were ${ev.effects[0]}.`,
    () => {
      const a = actor();
      const b = actor();
      return `${a.name} and ${b.name} met in ${s.place} on ${fmtDate(published)} to discuss the ${ev.extra[5]}.`;
    },
  ];

  const sentences: string[] = [
    `${s.place.toUpperCase()}, ${s.country} (${pick(r, AGENCIES)}) — ${facts[0]!()}`,
  ];
  let words = sentences[0]!.split(' ').length;
  const background = [...BACKGROUND];
  // Mix facts and background until the article reaches ~600 words (or exactly `sentences`).
  while (options.sentences ? sentences.length < options.sentences : words < 590) {
    // Background is drawn without replacement: a real article does not repeat its paragraphs.
    const t =
      r() < 0.5 || background.length === 0
        ? pick(r, facts)()
        : fill(background.splice(Math.floor(r() * background.length), 1)[0]!);
    sentences.push(t);
    words += t.split(' ').length;
  }
  // Paragraphs of 2-4 sentences.
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = int(r, 2, 4);
    paragraphs.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  const title = `${fmtNumber(figure(0))} ${ev.counted[0]} ${ev.effects[0]} as ${ev.noun} ${pick(r, ev.verbs)} ${s.place}`;
  return {
    title,
    url: `https://news.example/${seed}/${index}`,
    publisher,
    author,
    publishedAt: published.toISOString(),
    text: paragraphs.join('\n\n'),
  };
}
