/**
 * The one MinHash: word normalisers, word shingles, signatures, bands and the Jaccard
 * estimate. Pure. Two callers configure it differently, and their stored keys and signatures
 * must stay byte-identical with rows already in the database, so each keeps its hash family:
 *
 * - claim near-duplicate keys (claims/near-duplicate-keys.ts): word bigrams of `wordsKeepMarks`,
 *   8 hashes by `seededFnv` (FNV-1a seeded per hash), short string band keys;
 * - source syndication (tracking/domain/minhash.ts): 4-word shingles of `wordsFolded`, each
 *   hashed once by `fnv1a`, 128 permutations by `mix` with fixed seeds, integer band hashes.
 *
 * Moving one caller onto the other's family would change every stored key (a backfill).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-16 code units of `text`; fast and good enough to seed `mix`. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's fmix32): spreads FNV's weak low bits before min-taking. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * FNV-1a 32-bit whose offset depends on `seed`, with a short avalanche so nearby seeds give
 * independent-looking permutations: hash function number `seed` of the claim-key family.
 */
export function seededFnv(text: string, seed: number): number {
  let h = (FNV_OFFSET ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * Lower-cased words with accents folded away (NFKD, combining marks dropped): "Müller" and
 * "Muller" are one word. Source syndication uses it, so light re-typesetting changes nothing.
 */
export function wordsFolded(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Lower-cased, NFKD-decomposed words; combining marks are not dropped, so they split a word
 * ("Müller" gives "mu", "ller"). Claim near-duplicate keys use it: stored keys depend on it,
 * and both sides of a copy split the same way, so it still finds copies.
 */
export function wordsKeepMarks(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Distinct shingles of `size` consecutive words, joined by a space. Fewer words than `size`
 * give the whole text as one shingle; no words give none.
 */
export function wordShingles(words: readonly string[], size: number): Set<string> {
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/**
 * MinHash signature: for each of `size` hash functions `hash(item, k)`, the minimum over the
 * items, as unsigned 32-bit values (0xffffffff when there are no items).
 */
export function minHashSignature<T>(
  items: Iterable<T>,
  size: number,
  hash: (item: T, k: number) => number,
): number[] {
  const sig = new Array<number>(size).fill(0xffffffff);
  for (const item of items) {
    for (let k = 0; k < size; k++) {
      const v = hash(item, k);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** The signature cut into consecutive bands of `rows` values; sharing a band makes a candidate. */
export function signatureBands(sig: readonly number[], rows: number): number[][] {
  const out: number[][] = [];
  for (let b = 0; b * rows < sig.length; b++) out.push(sig.slice(b * rows, (b + 1) * rows));
  return out;
}

/** FNV-1a over the band's values (not their text), finalised by `mix`: one integer per band. */
export function bandHash(band: readonly number[]): number {
  let h = FNV_OFFSET;
  for (const v of band) {
    h ^= v;
    h = Math.imul(h, FNV_PRIME);
  }
  return mix(h);
}

/** Fraction of equal positions: an unbiased estimate of the Jaccard similarity of the sets. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
