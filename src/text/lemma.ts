/**
 * Tiny rule-based lemmatiser for the two jobs extraction needs: the counted noun of a
 * quantity ("civilians" -> "civilian") and the event verb ("killed" -> "kill"). Verbs are only
 * recognised against the known lists, which keeps "were" or "based" from becoming events.
 *
 * Claim extraction's word normaliser. Relation classification uses `stem`/`wordKey` in
 * relation-words.ts instead: a suffix stemmer with synonym and number-word keys, which the
 * trained relation model depends on; this one returns real base forms only for listed verbs.
 */

import { pairs, words } from './word-lists.js';

/** Reporting verbs (base form) used for attribution. */
export const SPEECH_VERBS = words(
  'say state claim tell report allege announce add note confirm deny insist warn ' +
    'declare write tweet post assert accuse argue explain stress emphasize emphasise ' +
    'reveal disclose acknowledge admit estimate quote cite mention indicate inform ' +
    'maintain suggest testify',
);

/**
 * Event verbs (base form) whose counts and dates are worth checking. Used for quantity
 * events, agent/patient roles and check-worthiness.
 */
export const EVENT_VERBS = words(
  'kill wound injure die detain arrest attack launch sign shell destroy capture ' +
    'evacuate displace flee shoot strike bomb fire deploy withdraw release free abduct ' +
    'kidnap execute neutralize neutralise seize surrender damage hit target occupy ' +
    'liberate take deport exchange rescue register lose invade down raid storm ambush ' +
    'murder massacre torture hold transfer return leave cross enter ban sanction block ' +
    'blockade suspend halt establish agree conclude approve adopt vote elect appoint ' +
    'resign dismiss fine sentence convict charge accuse pay sell buy supply deliver send ' +
    'receive build plant mine demine explode detonate blow collapse burn loot occupy ' +
    'annex recognize recognise ratify veto impose lift open close shut cut restore raise ' +
    'lower increase decrease rise fall drop grow shrink record count hospitalize ' +
    'hospitalise bury identify find discover carry conduct violate ceasefire compel ' +
    'defeat win invoke introduce pass arrive reach march rally protest gather ' +
    'demonstrate disperse trap strand eliminate liquidate cancel divert reroute delay',
);

/** Irregular verb forms -> base form. */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = pairs(
  'said=say|says=say|told=tell|wrote=write|written=write|fled=flee|shot=shoot|' +
    'struck=strike|stricken=strike|took=take|taken=take|held=hold|lost=lose|left=leave|' +
    'hit=hit|died=die|dies=die|dying=die|sent=send|built=build|found=find|blew=blow|' +
    'blown=blow|fell=fall|fallen=fall|rose=rise|risen=rise|grew=grow|grown=grow|' +
    'shrank=shrink|shrunk=shrink|won=win|cut=cut|shut=shut|paid=pay|sold=sell|bought=buy|' +
    'brought=bring|began=begin|begun=begin|came=come|went=go|gone=go|gave=give|given=give|' +
    'made=make|met=meet|saw=see|seen=see|knew=know|known=know|thought=think|fought=fight|' +
    'caught=catch|drove=drive|driven=drive|beaten=beat|led=lead|laid=lay|kept=keep|' +
    'spoke=speak|spoken=speak|overran=overrun|withdrew=withdraw|withdrawn=withdraw|' +
    'undertook=undertake|undertaken=undertake|stood=stand|dead=die|buried=bury|' +
    'carried=carry|was=be|were=be|is=be|are=be|been=be|had=have|has=have',
);

/** Irregular plural nouns -> singular. */
export const IRREGULAR_NOUNS: ReadonlyMap<string, string> = pairs(
  'people=person|persons=person|children=child|men=man|women=woman|' +
    'servicemen=serviceman|policemen=policeman|servicewomen=servicewoman|lives=life|' +
    'wives=wife|feet=foot|personnel=personnel|police=police|aircraft=aircraft|media=media|' +
    'data=data|sheep=sheep|crises=crisis|analyses=analysis|thieves=thief|militia=militia|' +
    'news=news|series=series|species=species|headquarters=headquarters|gunmen=gunman|' +
    'congressmen=congressman|spokesmen=spokesman|fishermen=fisherman|firemen=fireman|' +
    'countrymen=countryman|crew=crew|crewmen=crewman',
);

const KNOWN_VERBS = new Set<string>([...EVENT_VERBS, ...SPEECH_VERBS]);

/** Base form of a known event or reporting verb, or null for anything else. */
const lemmaCache = new Map<string, string | null>();

export function knownVerbLemma(word: string): string | null {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached;
  const lemma = computeVerbLemma(word);
  // News vocabulary is bounded, but guard against unbounded growth on odd input.
  if (lemmaCache.size > 50000) lemmaCache.clear();
  lemmaCache.set(word, lemma);
  return lemma;
}

function computeVerbLemma(word: string): string | null {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_VERBS.get(w);
  if (irregular) return KNOWN_VERBS.has(irregular) ? irregular : null;
  if (KNOWN_VERBS.has(w)) return w;
  for (const c of verbCandidates(w)) if (KNOWN_VERBS.has(c)) return c;
  return null;
}

export function isEventVerb(lemma: string | null): boolean {
  return lemma !== null && EVENT_VERBS.has(lemma);
}

export function isSpeechVerb(lemma: string | null): boolean {
  return lemma !== null && SPEECH_VERBS.has(lemma);
}

function verbCandidates(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    out.push(stem, w.slice(0, -1));
    if (/([bdfgklmnprtvz])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    out.push(stem, stem + 'e');
    if (/([bdfgklmnprtvz])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

const IRREGULAR_PARTICIPLES = new Set([
  'taken',
  'held',
  'lost',
  'left',
  'shot',
  'struck',
  'fled',
  'hit',
  'sent',
  'built',
  'found',
  'blown',
  'fallen',
  'given',
  'made',
  'seen',
  'known',
  'caught',
  'driven',
  'beaten',
  'led',
  'laid',
  'kept',
  'spoken',
  'withdrawn',
  'undertaken',
  'told',
  'written',
  'cut',
  'shut',
  'paid',
  'sold',
  'bought',
  'brought',
  'begun',
  'won',
  'overrun',
  'thought',
  'fought',
  'done',
  'put',
]);

/** Looks like a past participle ("killed", "taken"): used to spot passives. */
export function looksParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return /^[a-z]{2,}ed$/.test(w) || IRREGULAR_PARTICIPLES.has(w);
}

/** Singular form of a noun ("civilians" -> "civilian", "casualties" -> "casualty"). */
export function nounLemma(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_NOUNS.get(w);
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (/(?:ss|us|is|ics)$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:sses|ches|shes|xes|zzes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Plural-looking lower-case word: a cheap stand-in for a noun tag after a number. */
export function looksPluralNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_NOUNS.has(w)) return true;
  return /^[a-z][a-z-]+s$/.test(w) && !/(?:ss|us|is|ous)$/.test(w);
}
