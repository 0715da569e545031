/**
 * Pair features for the learned relation model. Every feature is symmetric in the two
 * statements (sums, min/max, set overlaps), so the classifier is symmetric by construction:
 * classify(a, b) and classify(b, a) see the identical vector.
 */
import type { Analysis } from './analyze.js';
import type { Alignment, IdfTable } from './alignment.js';
import { SIGNAL_KINDS } from './signals.js';
import type { LinkSignal } from './types.js';

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
  ...SIGNAL_KINDS.map((k) => `sig_${k}`),
  ...STANCE_WORDS.map((w) => `short_${w}`),
  ...STANCE_WORDS.map((w) => `long_${w}`),
];

export const FEATURE_COUNT = FEATURE_NAMES.length;

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

export function computeFeatures(
  a: Analysis,
  b: Analysis,
  al: Alignment,
  signals: LinkSignal[],
  idf: IdfTable,
  out: Float64Array = new Float64Array(FEATURE_COUNT),
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
  for (const kind of SIGNAL_KINDS) {
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
function shorterFirst(a: Analysis, b: Analysis): [Analysis, Analysis] {
  if (a.tokens.length !== b.tokens.length)
    return a.tokens.length < b.tokens.length ? [a, b] : [b, a];
  return a.text <= b.text ? [a, b] : [b, a];
}
