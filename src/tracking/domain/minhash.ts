/**
 * Near-duplicate detection of sources by MinHash over word shingles (the kit's MinHash in
 * src/text/minhash.ts, configured here). Pure.
 *
 * Shingles are runs of 4 normalised words, so a copy that gains an intro line, loses a
 * paragraph and rewords a sentence still shares most of them (the example corpus's syndicated
 * copy has Jaccard ~0.77 with the wire; unrelated reports on the same event stay below 0.1).
 * Signatures are stored; LSH bands make candidate lookup an index probe instead of all pairs.
 */
import {
  bandHash,
  fnv1a,
  minHashSignature,
  mix,
  signatureBands,
  wordShingles,
  wordsFolded,
} from '../../text/minhash.js';

export { estimateJaccard, fnv1a, wordsFolded as words } from '../../text/minhash.js';

export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;
/** Estimated Jaccard at or above which two sources count as copies of one text. */
export const SYNDICATION_THRESHOLD = 0.5;

/** Distinct hashed shingles of `text`. */
export function shingles(text: string, size = SHINGLE_WORDS): Set<number> {
  const out = new Set<number>();
  for (const s of wordShingles(wordsFolded(text), size)) out.add(fnv1a(s));
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
  return minHashSignature(hashes, SIGNATURE_SIZE, (h, k) => mix(h ^ SEEDS[k]!)).map((v) => v | 0);
}

/** One hash per band of ROWS_PER_BAND rows; two signatures sharing any band are candidates. */
export function bandHashes(sig: readonly number[]): number[] {
  return signatureBands(sig, ROWS_PER_BAND).map((band) => bandHash(band) | 0);
}
