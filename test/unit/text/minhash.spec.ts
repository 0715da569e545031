import {
  bandHash,
  estimateJaccard,
  fnv1a,
  minHashSignature,
  mix,
  seededFnv,
  signatureBands,
  wordShingles,
  wordsFolded,
  wordsKeepMarks,
} from '../../../src/text/minhash.js';
import { nearDuplicateKeys } from '../../../src/claims/near-duplicate-keys.js';
import { bandHashes, shingles, signature } from '../../../src/tracking/domain/minhash.js';

const SENTENCE = 'Two civilians were killed in the shelling of Dorvik on Tuesday.';

describe('text kit MinHash', () => {
  it('hashes with standard 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('abc')).toBe(0x1a47e90b);
  });

  it('gives a different permutation per seed, each unsigned 32-bit', () => {
    const seeds = [0, 1, 2, 3].map((k) => seededFnv('killed in', k));
    expect(new Set(seeds).size).toBe(4);
    for (const h of [...seeds, mix(1), mix(0xffffffff)]) {
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(0xffffffff);
    }
  });

  it('folds accents in one normaliser and splits at them in the other', () => {
    expect(wordsFolded('The Café, in Müller-Straße!')).toEqual([
      'the',
      'cafe',
      'in',
      'muller',
      'straße',
    ]);
    expect(wordsKeepMarks('Müller said')).toEqual(['mu', 'ller', 'said']);
    expect(wordsFolded('')).toEqual([]);
  });

  it('shingles consecutive words, whole text when shorter, nothing when empty', () => {
    expect([...wordShingles(['a', 'b', 'c', 'a', 'b'], 2)]).toEqual(['a b', 'b c', 'c a']);
    expect([...wordShingles(['a', 'b'], 4)]).toEqual(['a b']);
    expect(wordShingles([], 4).size).toBe(0);
  });

  it('takes the per-function minimum over items', () => {
    const sig = minHashSignature([5, 3, 9], 2, (x, k) => (k === 0 ? x : 100 - x));
    expect(sig).toEqual([3, 91]);
    expect(minHashSignature([], 3, () => 0)).toEqual([0xffffffff, 0xffffffff, 0xffffffff]);
  });

  it('cuts bands of equal rows and hashes a band by value', () => {
    expect(signatureBands([1, 2, 3, 4, 5, 6], 2)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(bandHash([1, 2])).toBe(bandHash([1, 2]));
    expect(bandHash([1, 2])).not.toBe(bandHash([2, 1]));
  });

  it('estimates Jaccard as the share of equal positions', () => {
    expect(estimateJaccard([1, 2, 3, 4], [1, 2, 0, 0])).toBe(0.5);
    expect(estimateJaccard([1], [1, 2])).toBe(0);
    expect(estimateJaccard([], [])).toBe(0);
  });

  it('tracks Jaccard of shingle sets closely over many hash functions', () => {
    const a = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const b = [...a.slice(0, 150), ...Array.from({ length: 50 }, (_, i) => `x${i}`)];
    // True Jaccard 150 / 250 = 0.6.
    const hash = (s: string, k: number) => seededFnv(s, k);
    const est = estimateJaccard(minHashSignature(a, 256, hash), minHashSignature(b, 256, hash));
    expect(est).toBeGreaterThan(0.5);
    expect(est).toBeLessThan(0.7);
  });

  // Both callers store their output (claim keys, source signatures and bands): these pin the
  // values so a change to the kit that would orphan stored rows fails here first.
  it('keeps claim near-duplicate keys byte-identical with stored ones', () => {
    expect(nearDuplicateKeys(SENTENCE)).toEqual([
      'lsh:0:2colmd.1bjb9t',
      'lsh:1:84akee.d1ii1g',
      'lsh:2:5wojek.iq1tfa',
      'lsh:3:2imznz.7ibn37',
    ]);
    expect(nearDuplicateKeys('Too short to key.')).toEqual([]);
  });

  it('keeps source band hashes identical with stored ones', () => {
    expect(bandHashes(signature(shingles(SENTENCE))).slice(0, 4)).toEqual([
      -414348338, 1054299014, -978415146, -1928140428,
    ]);
  });
});
