import {
  bandHashes,
  estimateJaccard,
  shingles,
  signature,
  SYNDICATION_THRESHOLD,
} from '../../../../src/tracking/domain/minhash.js';
import { exampleCorpus } from '../../../support/corpus.js';

const sig = (text: string) => signature(shingles(text));

describe('MinHash near-duplicate detection', () => {
  const corpus = exampleCorpus();
  const byUrl = (part: string) => corpus.find((a) => a.url.includes(part))!.text;
  const wire = byUrl('meridianpresswire.example/news/2031-09-20');
  const copy = byUrl('coastaldailyherald');
  const correction = byUrl('correction-veshnar');

  it('pairs the syndicated copy with the wire story despite its edits', () => {
    expect(estimateJaccard(sig(wire), sig(copy))).toBeGreaterThanOrEqual(SYNDICATION_THRESHOLD);
  });

  it('does not pair the wire with its own correction or other reports', () => {
    expect(estimateJaccard(sig(wire), sig(correction))).toBeLessThan(SYNDICATION_THRESHOLD);
    for (const other of corpus.filter((a) => a.text !== wire && a.text !== copy))
      expect(estimateJaccard(sig(wire), sig(other.text))).toBeLessThan(SYNDICATION_THRESHOLD);
  });

  it('is blind to case, accents and punctuation', () => {
    expect(sig('The Café, in Dorvik; was shelled!')).toEqual(sig('the cafe in dorvik was shelled'));
  });

  it('puts near-duplicates in a shared LSH band', () => {
    const a = bandHashes(sig(wire));
    const b = bandHashes(sig(copy));
    expect(a.some((h, i) => h === b[i])).toBe(true);
  });

  it('is deterministic and 32-bit', () => {
    const s = sig(wire);
    expect(s).toEqual(sig(wire));
    expect(s.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
  });
});
