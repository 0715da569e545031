/**
 * Near-duplicate detection by MinHash over word shingles. Pure.
 *
 * Shingles are runs of 4 normalised words, so a copy that gains an intro line, loses a
 * paragraph and rewords a sentence still shares most of them (the example corpus's syndicated
 * copy has Jaccard ~0.77 with the wire; unrelated reports on the same event stay below 0.1).
 * Signatures are stored; LSH bands make candidate lookup an index probe instead of all pairs.
 */

export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;
/** Estimated Jaccard at or above which two sources count as copies of one text. */
export const SYNDICATION_THRESHOLD = 0.5;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-16 code units of `text`; fast and good enough to seed the mix below. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's fmix32): spreads FNV's weak low bits before min-taking. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-cased words with accents and punctuation dropped: light re-typesetting changes nothing. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Distinct hashed shingles of `text`. */
export function shingles(text: string, size = SHINGLE_WORDS): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length < size) {
    out.add(fnv1a(w.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= w.length; i++) out.add(fnv1a(w.slice(i, i + size).join(' ')));
  return out;
}

/** Per-permutation seeds, fixed so signatures stored by one process compare with another's. */
const SEEDS: number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) =>
  mix(Math.imul(i + 1, 0x9e3779b1)),
);

/**
 * MinHash signature: for each of SIGNATURE_SIZE seeded hash functions, the minimum over the
 * shingles. Stored as signed 32-bit integers (PostgreSQL `integer`).
 */
export function signature(hashes: Set<number>): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig.map((v) => v | 0);
}

/** Fraction of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** One hash per band of ROWS_PER_BAND rows; two signatures sharing any band are candidates. */
export function bandHashes(sig: readonly number[]): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = FNV_OFFSET;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      h ^= sig[b * ROWS_PER_BAND + r]!;
      h = Math.imul(h, FNV_PRIME);
    }
    out.push(mix(h) | 0);
  }
  return out;
}
