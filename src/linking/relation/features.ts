/**
 * Pair features for the learned relation model. Every feature is symmetric in the two
 * statements (sums, min/max, set overlaps), so the classifier is symmetric by construction:
 * classify(a, b) and classify(b, a) see the identical vector.
 */
import type { Analysis } from './analyze.js';
import type { Alignment, IdfTable } from './alignment.js';
import { areAntonyms, hasAntonym, otherSense, stem } from '../../text/relation-words.js';
import { ALL_SIGNAL_KINDS } from './signals.js';
import type { LinkSignal } from './types.js';
import type { Token } from '../../text/relation-words.js';

// Re-exported so existing importers of features.js keep working; new code imports alignment.js.
export type { IdfTable } from './alignment.js';

/**
 * Stance words whose presence is fed to the model as indicators (either side, summed).
 * They are the ones published FNC systems found useful (refuting and reporting vocabulary).
 */
export const STANCE_WORDS: readonly string[] = [
  'fake',
  'hoax',
  'false',
  'deny',
  'denied',
  'denies',
  'debunk',
  'debunked',
  'not',
  "n't",
  'no',
  'never',
  'doubt',
  'bogus',
  'prank',
  'retract',
  'satire',
  'rumor',
  'rumour',
  'reportedly',
  'allegedly',
  'claims',
  'claimed',
  'reports',
  'reported',
  'unconfirmed',
  'may',
  'might',
  'could',
  'would',
  'believed',
  'apparently',
  'according',
  'said',
  'confirmed',
  'confirms',
  'official',
  'true',
  'real',
  'however',
  'but',
  'despite',
  'actually',
  'indeed',
  'truth',
  'evidence',
  'says',
  'if',
];

export const FEATURE_NAMES: string[] = [
  'shared',
  'jaccard',
  'covMin',
  'covMax',
  'idfCovMin',
  'idfCovMax',
  'idfCosine',
  'idfShared',
  'maxSharedIdf',
  'rareShared',
  'bigramShared',
  'bigramJaccard',
  'trigramShared',
  'lenMin',
  'lenMax',
  'lenRatio',
  'refuteMin',
  'refuteMax',
  'hedgeMin',
  'hedgeMax',
  'attribMin',
  'attribMax',
  'negMin',
  'negMax',
  'negXor',
  'question',
  'numShared',
  'numUnmatched',
  'nameShared',
  'nameUnmatched',
  'refuteNearShared',
  'refuteShort',
  'refuteLong',
  'hedgeShort',
  'hedgeLong',
  'negShort',
  'negLong',
  'attribShort',
  'attribLong',
  'questionShort',
  // Sentence-pair features (0.4.0): what differs between two statements about one scene or
  // event. "Unaligned" words are content words of one side with no counterpart on the other.
  'unalignedShort',
  'unalignedLong',
  'unalignedIdfShort',
  'unalignedIdfLong',
  'unalignedMaxIdfShort',
  'unalignedNamesShort',
  'unalignedNamesLong',
  'numberConflict',
  'lexContrast',
  'negNearSharedShort',
  'negNearSharedLong',
  'orderDiscord',
  'firstShared',
  'lastShared',
  'substitutions',
  'substitutionMaxIdf',
  ...ALL_SIGNAL_KINDS.map((k) => `sig_${k}`),
  ...STANCE_WORDS.map((w) => `short_${w}`),
  ...STANCE_WORDS.map((w) => `long_${w}`),
];

export const FEATURE_COUNT = FEATURE_NAMES.length;

/**
 * Mutually exclusive alternatives: two different members of one group said of the same
 * thing cannot both hold ("a man" / "a woman", "sitting" / "standing", "at night" / "in
 * daylight"). Complements the antonym pairs of text.ts, which are opposites of one predicate.
 * Matched on stems, only among the words that do not align.
 */
export const CONTRAST_GROUPS: readonly (readonly string[])[] = [
  ['man', 'woman', 'girl', 'boy', 'lady', 'gentleman'],
  ['men', 'women', 'girls', 'boys', 'ladies'],
  ['male', 'female'],
  ['father', 'mother', 'son', 'daughter', 'brother', 'sister', 'husband', 'wife'],
  ['child', 'adult'],
  ['sit', 'sat', 'stand', 'stood', 'lie', 'lying', 'kneel', 'run', 'walk', 'sleep', 'jump'],
  ['indoors', 'outdoors', 'inside', 'outside'],
  ['day', 'night', 'daytime', 'nighttime'],
  ['morning', 'evening', 'afternoon'],
  ['summer', 'winter', 'spring', 'autumn'],
  ['black', 'white', 'red', 'blue', 'green', 'yellow', 'brown', 'pink', 'purple', 'orange'],
  ['dog', 'cat', 'horse', 'bird', 'cow', 'sheep'],
  ['empty', 'full', 'crowded'],
  ['young', 'old', 'elderly'],
  ['wet', 'dry'],
  ['hot', 'cold'],
  ['fast', 'slow'],
  ['north', 'south', 'east', 'west'],
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ['vaccinated', 'unvaccinated'],
  ['above', 'below'],
  ['minority', 'majority'],
  ['always', 'never', 'sometimes'],
  ['all', 'none', 'some'],
  ['everyone', 'nobody', 'someone'],
  ['alone', 'together'],
];

const contrastGroup = new Map<string, number>();
CONTRAST_GROUPS.forEach((g, i) => {
  for (const w of g) {
    contrastGroup.set(w, i);
    contrastGroup.set(stem(w), i);
  }
});

/** Two words that cannot both hold of one thing: listed opposites or one contrast group. */
export function contrasting(aLower: string, bLower: string): boolean {
  const sa = stem(aLower);
  const sb = stem(bLower);
  if (sa === sb) return false;
  if (areAntonyms(sa, sb) && !otherSense(aLower) && !otherSense(bLower)) return true;
  const ga = contrastGroup.get(aLower) ?? contrastGroup.get(sa);
  return ga !== undefined && ga === (contrastGroup.get(bLower) ?? contrastGroup.get(sb));
}

const LIVES_TAKEN = /^(?:lost|lose|losing|claimed|took|cost)$/;

/** Content tokens that take part in an antonym pair or a contrast group (cached per text). */
const contrastCache = new WeakMap<Analysis, Token[]>();
function contrastTokens(a: Analysis): Token[] {
  let v = contrastCache.get(a);
  if (v) return v;
  v = [];
  for (const t of a.tokens) {
    if (!t.content && !contrastGroup.has(t.lower)) continue;
    // "lost their lives": deaths, not the opposite of dying.
    if (/^(?:lives|life)$/.test(t.lower) && LIVES_TAKEN.test(a.tokens[t.i - 2]?.lower ?? ''))
      continue;
    const s = stem(t.lower);
    if (hasAntonym(s) || contrastGroup.has(t.lower) || contrastGroup.has(s)) v.push(t);
  }
  contrastCache.set(a, v);
  return v;
}

/**
 * The unaligned word pairs that contrast: "man" (claim) vs "woman" (evidence). Shared with the
 * classifier, which shows them as a WORD_SUBSTITUTION signal, so a feature that moves the
 * decision is one the researcher can read.
 */
export function contrastPairs(a: Analysis, b: Analysis): [Token, Token][] {
  const ta = contrastTokens(a);
  if (ta.length === 0) return [];
  const tb = contrastTokens(b);
  const out: [Token, Token][] = [];
  for (const x of ta) {
    if (b.keys.has(x.key)) continue;
    for (const y of tb) {
      if (a.keys.has(y.key)) continue;
      if (contrasting(x.lower, y.lower)) out.push([x, y]);
    }
  }
  return out;
}

/** Content tokens of a statement in order, and each key's first position among them (cached). */
const contentCache = new WeakMap<Analysis, { tokens: Token[]; at: Map<string, number> }>();
function contentTokens(a: Analysis): { tokens: Token[]; at: Map<string, number> } {
  let v = contentCache.get(a);
  if (v) return v;
  const tokens = a.tokens.filter((t) => t.content);
  const at = new Map<string, number>();
  tokens.forEach((t, j) => {
    if (!at.has(t.key)) at.set(t.key, j);
  });
  v = { tokens, at };
  contentCache.set(a, v);
  return v;
}

/** How many content words may stand between two anchors in the other statement. */
const SUBSTITUTION_GAP = 3;

/**
 * Words swapped in place: a content word of `a` whose neighbouring content words both align
 * with `b`, where `b` has those two anchors close together with other words between them
 * ("the vaccine *reduces* the risk" / "the vaccine *raises* the risk"; "born in *France*" /
 * "born in *Spain*"). Returns each swapped word of `a` with the words of `b` in its place.
 */
export function substitutions(a: Analysis, b: Analysis): [Token, Token[]][] {
  const ca = contentTokens(a).tokens;
  if (ca.length < 3) return [];
  const { tokens: cb, at } = contentTokens(b);
  const out: [Token, Token[]][] = [];
  for (let i = 1; i + 1 < ca.length; i++) {
    const t = ca[i];
    if (b.keys.has(t.key)) continue;
    const prev = ca[i - 1].key;
    const next = ca[i + 1].key;
    if (!b.keys.has(prev) || !b.keys.has(next) || prev === next) continue;
    // Positions of the anchors among b's content words (first occurrence of each).
    const pi = at.get(prev)!;
    const ni = at.get(next)!;
    if (ni <= pi + 1 || ni - pi - 1 > SUBSTITUTION_GAP) continue;
    const between = cb.slice(pi + 1, ni).filter((x) => !a.keys.has(x.key));
    if (between.length > 0) out.push([t, between]);
  }
  return out;
}

/** Content keys of `a` that have no counterpart in `b` (verbatim first tokens). */
export function unalignedTokens(a: Analysis, b: Analysis): Token[] {
  const out: Token[] = [];
  for (const [k, t] of a.keyToken) if (!b.keys.has(k)) out.push(t);
  return out;
}

/** Whether a negation sits within 3 tokens before an aligned word (its scope covers it). */
function negationNearShared(a: Analysis, shared: Set<string>): number {
  let n = 0;
  for (const c of a.negations) {
    if (c.at < 0) continue;
    for (let i = c.at + 1; i < Math.min(a.tokens.length, c.at + 4); i++) {
      if (shared.has(a.tokens[i].key)) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Share of discordant pairs among the aligned words' first positions: "the dog chases the
 * cat" / "the cat chases the dog" keep every word and swap the roles (1 = fully reversed).
 */
function orderDiscord(a: Analysis, b: Analysis, shared: string[]): number {
  if (shared.length < 2) return 0;
  const pa: number[] = [];
  const pb: number[] = [];
  for (const k of shared) {
    pa.push(a.keyToken.get(k)!.i);
    pb.push(b.keyToken.get(k)!.i);
  }
  let disc = 0;
  let total = 0;
  const n = Math.min(pa.length, 12);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      total++;
      if ((pa[i] - pa[j]) * (pb[i] - pb[j]) < 0) disc++;
    }
  }
  return total ? disc / total : 0;
}

const firstLastCache = new WeakMap<Analysis, [string | null, string | null]>();
function firstLastContent(a: Analysis): [string | null, string | null] {
  let v = firstLastCache.get(a);
  if (v) return v;
  let first: string | null = null;
  let last: string | null = null;
  for (const t of a.tokens) {
    if (!t.content) continue;
    if (first === null) first = t.key;
    last = t.key;
  }
  v = [first, last];
  firstLastCache.set(a, v);
  return v;
}

/** A statement's content keys with their IDF, rarest first (cached per statement). */
const byIdfCache = new WeakMap<Analysis, { table: IdfTable; keys: [string, number][] }>();
function keysByIdf(a: Analysis, t: IdfTable): [string, number][] {
  const hit = byIdfCache.get(a);
  if (hit && hit.table === t) return hit.keys;
  const keys: [string, number][] = [...a.keys].map((k) => [k, idfOf(t, k)]);
  keys.sort((x, y) => y[1] - x[1]);
  byIdfCache.set(a, { table: t, keys });
  return keys;
}

/** IDF of the rarest word of `a` that `b` lacks (0 when every word aligns). */
function rarestUnaligned(a: Analysis, b: Analysis, t: IdfTable): number {
  for (const [k, w] of keysByIdf(a, t)) if (!b.keys.has(k)) return w;
  return 0;
}

/** Names of `a` (capitalised words) with no counterpart in `b`. */
function unalignedNames(a: Analysis, b: Analysis): number {
  let n = 0;
  for (const k of a.names) if (!b.keys.has(k)) n++;
  return n;
}

function idfOf(t: IdfTable, k: string): number {
  return t.idf.get(k) ?? t.unseen;
}

function setOverlap(a: Set<string>, b: Set<string>): number {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of s) if (l.has(x)) n++;
  return n;
}

/** Lower-cased token counts of the stance vocabulary, cached on the analysis object. */
const stanceCache = new WeakMap<Analysis, Float64Array>();
const stanceIndex = new Map(STANCE_WORDS.map((w, i) => [w, i]));

function stanceCounts(a: Analysis): Float64Array {
  let v = stanceCache.get(a);
  if (v) return v;
  v = new Float64Array(STANCE_WORDS.length);
  for (const t of a.tokens) {
    const i = stanceIndex.get(t.lower);
    if (i !== undefined) v[i] = 1;
  }
  stanceCache.set(a, v);
  return v;
}

const idfSumCache = new WeakMap<Analysis, [number, number]>();

/** Sum and L2 norm of IDF weights over a statement's content keys. */
function idfStats(a: Analysis, t: IdfTable): [number, number] {
  let v = idfSumCache.get(a);
  if (v) return v;
  let sum = 0;
  let sq = 0;
  for (const k of a.keys) {
    const w = idfOf(t, k);
    sum += w;
    sq += w * w;
  }
  v = [sum, Math.sqrt(sq)];
  idfSumCache.set(a, v);
  return v;
}

/** Whether a refuting word sits within a few tokens of an aligned word. */
function refuteNearShared(a: Analysis, shared: Set<string>): number {
  for (const c of a.refutations) {
    if (c.at < 0) return 1;
    for (let i = Math.max(0, c.at - 5); i < Math.min(a.tokens.length, c.at + 6); i++) {
      if (shared.has(a.tokens[i].key)) return 1;
    }
  }
  return 0;
}

/** The word pairs behind the substitution features, for the classifier's signals. */
export interface PairDetail {
  contrasts: [Token, Token][];
  /** Swaps seen from `a`'s side, then from `b`'s. */
  swapsA: [Token, Token[]][];
  swapsB: [Token, Token[]][];
}

export function computeFeatures(
  a: Analysis,
  b: Analysis,
  al: Alignment,
  signals: LinkSignal[],
  idf: IdfTable,
  out: Float64Array = new Float64Array(FEATURE_COUNT),
  detail?: PairDetail,
): Float64Array {
  const na = a.keys.size;
  const nb = b.keys.size;
  const shared = al.shared.length;
  let idfShared = 0;
  let maxSharedIdf = 0;
  let rare = 0;
  for (const k of al.shared) {
    const w = idfOf(idf, k);
    idfShared += w;
    if (w > maxSharedIdf) maxSharedIdf = w;
    if (w > 5) rare++;
  }
  const [sa, na2] = idfStats(a, idf);
  const [sb, nb2] = idfStats(b, idf);
  // Binary-vector IDF cosine: the shared terms' squared weights over both norms.
  let dot = 0;
  for (const k of al.shared) {
    const w = idfOf(idf, k);
    dot += w * w;
  }
  const cos = na2 > 0 && nb2 > 0 ? dot / (na2 * nb2) : 0;
  const bi = setOverlap(a.bigrams, b.bigrams);
  const biUnion = a.bigrams.size + b.bigrams.size - bi;
  const tri = setOverlap(a.trigrams, b.trigrams);
  const numShared = setOverlap(a.numbers, b.numbers);
  const nameShared = setOverlap(a.names, b.names);
  const sharedSet = new Set(al.shared);
  let i = 0;
  out[i++] = shared;
  out[i++] = shared / Math.max(1, na + nb - shared);
  out[i++] = al.coverageMin;
  out[i++] = al.coverageMax;
  out[i++] = Math.min(sa > 0 ? idfShared / sa : 0, sb > 0 ? idfShared / sb : 0);
  out[i++] = Math.max(sa > 0 ? idfShared / sa : 0, sb > 0 ? idfShared / sb : 0);
  out[i++] = cos;
  out[i++] = idfShared;
  out[i++] = maxSharedIdf;
  out[i++] = rare;
  out[i++] = bi;
  out[i++] = biUnion > 0 ? bi / biUnion : 0;
  out[i++] = tri;
  out[i++] = Math.min(na, nb);
  out[i++] = Math.max(na, nb);
  out[i++] = Math.max(na, nb) > 0 ? Math.min(na, nb) / Math.max(na, nb) : 0;
  out[i++] = Math.min(a.refutations.length, b.refutations.length);
  out[i++] = Math.max(a.refutations.length, b.refutations.length);
  out[i++] = Math.min(a.hedges.length, b.hedges.length);
  out[i++] = Math.max(a.hedges.length, b.hedges.length);
  out[i++] = Math.min(a.attributions.length, b.attributions.length);
  out[i++] = Math.max(a.attributions.length, b.attributions.length);
  out[i++] = Math.min(a.negations.length, b.negations.length);
  out[i++] = Math.max(a.negations.length, b.negations.length);
  out[i++] = a.negations.length > 0 !== b.negations.length > 0 ? 1 : 0;
  out[i++] = (a.question ? 1 : 0) + (b.question ? 1 : 0);
  out[i++] = numShared;
  out[i++] = a.numbers.size + b.numbers.size - 2 * numShared;
  out[i++] = nameShared;
  out[i++] = a.names.size + b.names.size - 2 * nameShared;
  out[i++] = refuteNearShared(a, sharedSet) + refuteNearShared(b, sharedSet);
  // Order the sides by content, not by argument position: the shorter statement is usually
  // the claim (a headline), the longer one the evidence, and this stays symmetric.
  const [sh, lo] = shorterFirst(a, b);
  out[i++] = sh.refutations.length;
  out[i++] = lo.refutations.length;
  out[i++] = sh.hedges.length;
  out[i++] = lo.hedges.length;
  out[i++] = sh.negations.length;
  out[i++] = lo.negations.length;
  out[i++] = sh.attributions.length;
  out[i++] = lo.attributions.length;
  out[i++] = sh.question ? 1 : 0;
  // Unaligned words from per-statement caches: counts and IDF sums are the totals minus the
  // shared part, and the rarest unaligned word is the first of the IDF-sorted keys that the
  // other side lacks (the per-pair loops stay over the few shared words and names).
  const shSum = sh === a ? sa : sb;
  const loSum = sh === a ? sb : sa;
  out[i++] = sh.keys.size - shared;
  out[i++] = lo.keys.size - shared;
  out[i++] = Math.max(0, shSum - idfShared);
  out[i++] = Math.max(0, loSum - idfShared);
  out[i++] = rarestUnaligned(sh, lo, idf);
  out[i++] = unalignedNames(sh, lo);
  out[i++] = unalignedNames(lo, sh);
  out[i++] = a.numbers.size > 0 && b.numbers.size > 0 && numShared === 0 ? 1 : 0;
  const contrasts = contrastPairs(a, b);
  out[i++] = contrasts.length;
  out[i++] = negationNearShared(sh, sharedSet);
  out[i++] = negationNearShared(lo, sharedSet);
  out[i++] = orderDiscord(a, b, al.shared);
  const [fs, ls] = firstLastContent(sh);
  out[i++] = fs !== null && lo.keys.has(fs) ? 1 : 0;
  out[i++] = ls !== null && lo.keys.has(ls) ? 1 : 0;
  // Both directions, so the feature stays symmetric.
  const swapsA = substitutions(a, b);
  const swapsB = substitutions(b, a);
  let subs = 0;
  let subIdf = 0;
  for (const [t] of [...swapsA, ...swapsB]) {
    subs++;
    const w = idfOf(idf, t.key);
    if (w > subIdf) subIdf = w;
  }
  if (detail) {
    detail.contrasts = contrasts;
    detail.swapsA = swapsA;
    detail.swapsB = swapsB;
  }
  out[i++] = subs;
  out[i++] = subIdf;
  for (const kind of ALL_SIGNAL_KINDS) {
    let w = 0;
    for (const s of signals) if (s.kind === kind) w += 1;
    out[i++] = w;
  }
  const cs = stanceCounts(sh);
  const cl = stanceCounts(lo);
  for (let j = 0; j < cs.length; j++) out[i++] = cs[j];
  for (let j = 0; j < cl.length; j++) out[i++] = cl[j];
  return out;
}

/** Orders two statements by token count, ties broken by text, so the order is argument-free. */
export function shorterFirst(a: Analysis, b: Analysis): [Analysis, Analysis] {
  if (a.tokens.length !== b.tokens.length)
    return a.tokens.length < b.tokens.length ? [a, b] : [b, a];
  return a.text <= b.text ? [a, b] : [b, a];
}
