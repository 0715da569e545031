/**
 * MinHash-LSH keys of a sentence (pure; the kit's MinHash in src/text/minhash.ts): near-copies
 * (syndicated wire text, light edits) share at least one band key with high probability, so an
 * indexed array overlap finds them without a trigram scan over the workspace. 8 hashes of word
 * bigrams in 4 bands of 2: sentences whose bigram sets have Jaccard 0.6 share a band with
 * p = 0.83, at 0.8 with p = 0.98, at 0.2 with 0.15.
 */
import {
  minHashSignature,
  seededFnv,
  signatureBands,
  wordShingles,
  wordsKeepMarks,
} from '../text/minhash.js';

const HASHES = 8;
const ROWS_PER_BAND = 2;
const MIN_WORDS = 5;

export function nearDuplicateKeys(text: string): string[] {
  const words = wordsKeepMarks(text);
  if (words.length < MIN_WORDS) return [];
  const sig = minHashSignature(wordShingles(words, 2), HASHES, seededFnv);
  return signatureBands(sig, ROWS_PER_BAND).map(
    (band, b) => `lsh:${b}:${band.map((h) => h.toString(36)).join('.')}`,
  );
}
