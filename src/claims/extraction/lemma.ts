/**
 * Tiny rule-based lemmatiser for the two jobs extraction needs: the counted noun of a
 * quantity ("civilians" -> "civilian") and the event verb ("killed" -> "kill"). Verbs are only
 * recognised against the known lists, which keeps "were" or "based" from becoming events.
 */
import { EVENT_VERBS, IRREGULAR_NOUNS, IRREGULAR_VERBS, SPEECH_VERBS } from './lexicon.js';

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
