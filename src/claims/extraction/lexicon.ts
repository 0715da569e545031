/**
 * Hand-written word lists. Kept small and focused on conflict and politics reporting, the
 * domain the service is tuned for; each list is a plain Set/Map so lookups cost nothing.
 */

import { pairs, words } from '../../text/word-lists.js';

function numberPairs(list: string): Map<string, number> {
  return new Map([...pairs(list)].map(([k, v]): [string, number] => [k, Number(v)]));
}

export { DEMONYMS } from '../../text/demonyms.js';

/** Country and place names (lower case) -> canonical key. */
export const PLACES: ReadonlyMap<string, string> = new Map([
  ...[
    ...words(
      'afghanistan albania algeria argentina armenia australia austria azerbaijan belarus ' +
        'belgium brazil bulgaria canada china croatia cyprus czechia denmark egypt estonia ' +
        'ethiopia finland france georgia germany greece hungary india indonesia iran iraq ' +
        'ireland israel italy japan jordan kazakhstan kyrgyzstan latvia lebanon libya ' +
        'lithuania moldova mexico morocco nigeria norway pakistan palestine poland portugal ' +
        'qatar romania russia serbia slovakia somalia spain sudan sweden switzerland syria ' +
        'tajikistan turkey türkiye turkmenistan ukraine uzbekistan venezuela vietnam yemen ' +
        'gaza crimea donbas karabakh nagorno-karabakh artsakh nakhchivan lachin shusha shushi ' +
        'fuzuli khankendi stepanakert aghdam kalbajar yerevan baku ganja moscow kyiv kiev ' +
        'tbilisi ankara istanbul tehran washington london paris berlin brussels geneva ' +
        'beijing caucasus europe asia africa syunik zangezur goris kherson kharkiv donetsk ' +
        'luhansk mariupol bakhmut odesa odessa jerusalem damascus aleppo idlib beirut baghdad ' +
        'kabul tripoli khartoum minsk warsaw vienna rome madrid',
    ),
  ].map((p): [string, string] => [p, p]),
  ...pairs(
    'kiev=kyiv|shushi=shusha|stepanakert=khankendi|türkiye=turkey|artsakh=karabakh|' +
      'nagorno-karabakh=karabakh|odessa=odesa|united states=united states|' +
      'united kingdom=united kingdom|us=united states|u.s=united states|uk=united kingdom|' +
      'u.s.=united states|u.k.=united kingdom|usa=united states|america=united states|britain=united kingdom|' +
      'great britain=united kingdom|european union=european union|saudi arabia=saudi arabia|' +
      'south caucasus=south caucasus|nagorno karabakh=karabakh|' +
      'mountainous karabakh=karabakh|united arab emirates=united arab emirates|' +
      'soviet union=soviet union|north korea=north korea|south korea=south korea|' +
      'west bank=west bank',
  ),
]);

/** Acronyms and names that are organisations on their own. */
export const KNOWN_ORGS: ReadonlyMap<string, string> = pairs(
  'u.n.=united nations|un=united nations|united nations=united nations|nato=nato|osce=osce|' +
    'eu=european union|icrc=icrc|red cross=icrc|reuters=reuters|afp=afp|' +
    'ap=associated press|associated press=associated press|bbc=bbc|cnn=cnn|tass=tass|' +
    'azertac=azertac|apa=apa|armenpress=armenpress|interfax=interfax|' +
    'ria novosti=ria novosti|xinhua=xinhua|kremlin=kremlin|pentagon=pentagon|who=who|' +
    'imf=imf|hrw=human rights watch|human rights watch=human rights watch|' +
    'amnesty international=amnesty international|icj=icj|icc=icc|unhcr=unhcr|csto=csto|' +
    'pace=pace|state department=state department|white house=white house',
);

/** Head nouns that make a capitalised phrase an organisation. */
export const ORG_HEADS = words(
  'ministry agency army forces troops council committee commission parliament ' +
    'government office service services police union nations organization organisation ' +
    'bank court department institute university party corps contingent mission assembly ' +
    'federation guard guards brigade battalion regiment division navy command front ' +
    'movement coalition league company corporation inc ltd group fund foundation ' +
    'administration authority prosecutor tribunal cabinet secretariat center centre ' +
    'network news agency press times post channel television tv radio board chamber ' +
    'senate congress duma milli majlis kremlin interior defence defense staff unit units ' +
    'directorate bureau watch',
);

/** Capitalised heads after which "of (the) X" still belongs to the same name. */
export const OF_JOINING_HEADS = words(
  'ministry minister republic kingdom bank university institute department secretary ' +
    'council office court commission committee federation union organization organisation ' +
    'league assembly chamber parliament state states president prime chief head ' +
    'prosecutor general house people ombudsman commissioner administration service ' +
    'chairman speaker emirates',
);

/** Titles that mark a following capitalised name as a person. */
export const PERSON_TITLES = words(
  'president prime minister gen general dr mr mrs ms prof professor colonel col lt ' +
    'lieutenant captain capt major maj sgt sergeant ambassador spokesman spokeswoman ' +
    'spokesperson senator sen rep governor gov mayor pope king queen prince sheikh ' +
    'chancellor premier secretary admiral adm commander chairman speaker deputy foreign ' +
    'defence defense envoy aide adviser advisor ombudsman patriarch archbishop bishop ' +
    'judge justice sir lord lady mrs marshal commissioner',
);

/** Nouns that make "Armenian ___" a group of people rather than an adjective on a thing. */
export const GROUP_NOUNS = words(
  'forces force troops army armies soldiers soldier servicemen serviceman military ' +
    'units unit formations side government authorities officials official residents ' +
    'population people civilians civilian separatists separatist citizens refugees ' +
    'peacekeepers contingent police guards militants fighters rebels leadership leaders ' +
    'leader regime community diaspora delegation diplomats diplomat troop navy sappers ' +
    'servicemembers personnel volunteers mercenaries groups group battalion brigade state ' +
    'president ministry parliament media officers prisoners hostages detainees ombudsman ' +
    'lobby nationals settlers villagers',
);

/** The head of a place of care's name: "Sallet District Hospital", "Orm Medical Centre". */
export const CARE_SITE_HEAD = /(?:Hospital|Clinic|Infirmary|Medical\s+(?:Centre|Center))/;

/** Verbs that count or record, not what the counted did: "registered", "we counted". */
export const RECORDING_VERB =
  /^(?:register|record|count|document|verify|confirm|report|tally|log|note)$/;

/** Lower-case nouns after a capitalised name that make it a place ("Lachin road"). */
export const PLACE_NOUNS = words(
  'highway road corridor village villages city town region district province border ' +
    'river valley mountains heights settlement area territory territories airport ' +
    'checkpoint direction sector bridge port street square oblast raion governorate ' +
    'county state',
);

/** Lower-case months for date parsing. */
export const MONTHS: ReadonlyMap<string, number> = numberPairs(
  'january=1|jan=1|february=2|feb=2|march=3|mar=3|april=4|apr=4|may=5|june=6|jun=6|' +
    'july=7|jul=7|august=8|aug=8|september=9|sep=9|sept=9|october=10|oct=10|november=11|' +
    'nov=11|december=12|dec=12',
);

export const WEEKDAYS: ReadonlyMap<string, number> = numberPairs(
  'sunday=0|monday=1|tuesday=2|wednesday=3|thursday=4|friday=5|saturday=6',
);

/** A month or weekday name, lower-cased ("sept.", "monday"): a capital that names no one. */
export function isCalendarWord(lw: string): boolean {
  return MONTHS.has(lw.replace(/\.$/, '')) || WEEKDAYS.has(lw);
}
