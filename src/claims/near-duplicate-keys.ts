/**
 * MinHash-LSH keys of a sentence (pure): near-copies (syndicated wire text, light edits) share at
 * least one band key with high probability, so an indexed array overlap finds them without a
 * trigram scan over the workspace. 8 hashes of word bigrams in 4 bands of 2: sentences whose
 * bigram sets have Jaccard 0.6 share a band with p = 0.83, at 0.8 with p = 0.98, at 0.2 with 0.15.
 */
const HASHES = 8;
const ROWS_PER_BAND = 2;
const MIN_WORDS = 5;

/** FNV-1a 32-bit with a seed, enough spread for shingle hashing. */
function fnv(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche, so nearby seeds give independent-looking permutations.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function nearDuplicateKeys(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < MIN_WORDS) return [];
  const shingles = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) shingles.add(`${words[i]} ${words[i + 1]}`);
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < HASHES; k++) {
      const h = fnv(s, k);
      if (h < mins[k]!) mins[k] = h;
    }
  }
  const keys: string[] = [];
  for (let b = 0; b < HASHES / ROWS_PER_BAND; b++) {
    const band = mins.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND).map((h) => h.toString(36));
    keys.push(`lsh:${b}:${band.join('.')}`);
  }
  return keys;
}
