import {
  ATTRIBUTION_SET,
  EXTRACTION_HEDGE_RE,
  EXTRACTION_NEGATION_RE,
  HEDGE_SET,
  NEGATION_WORDS,
  REFUTATION_SET,
  isNegation,
} from '../../../src/text/cues.js';
import { isEventVerb, isSpeechVerb, knownVerbLemma, nounLemma } from '../../../src/text/lemma.js';
import { areAntonyms, stem, tokenize, wordKey } from '../../../src/text/relation-words.js';
import { EXTRACTION_STOPWORDS, RELATION_STOPWORDS } from '../../../src/text/stopwords.js';
import {
  codePointIndexer,
  isPossessive,
  stripPossessive,
  tokenize as tokenizeForExtraction,
} from '../../../src/text/tokens.js';

describe('text kit word lists', () => {
  it('keeps negations out of the relation stopwords and in the extraction ones', () => {
    for (const w of NEGATION_WORDS) expect(RELATION_STOPWORDS.has(w)).toBe(false);
    expect(EXTRACTION_STOPWORDS.has('not')).toBe(true);
    expect(RELATION_STOPWORDS.has('said')).toBe(true);
    expect(EXTRACTION_STOPWORDS.has('said')).toBe(false);
    expect(EXTRACTION_STOPWORDS.has('')).toBe(false);
  });

  it('has cue sets for negation, refutation, hedging and attribution', () => {
    expect(isNegation("n't")).toBe(true);
    expect(isNegation('know')).toBe(false);
    expect(REFUTATION_SET.has('denied')).toBe(true);
    expect(HEDGE_SET.has('reportedly')).toBe(true);
    expect(ATTRIBUTION_SET.has('said')).toBe(true);
  });

  it('matches extraction negations and hedges in raw text', () => {
    const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1].toLowerCase());
    expect(all(EXTRACTION_NEGATION_RE, "The army didn't shell it and denied it.")).toEqual([
      "didn't",
      'denied',
    ]);
    expect(all(EXTRACTION_HEDGE_RE, 'Troops may have fired, reportedly.')).toEqual([
      'may have',
      'reportedly',
    ]);
  });
});

describe('relation tokeniser and normaliser', () => {
  it('splits negated contractions and marks function words', () => {
    const t = tokenize("Officials didn't confirm the deaths.");
    expect(t.map((x) => x.lower)).toEqual(['officials', 'did', "n't", 'confirm', 'the', 'deaths']);
    expect(t.filter((x) => x.content).map((x) => x.surface)).toEqual([
      'Officials',
      'confirm',
      'deaths',
    ]);
    expect(t[3]).toMatchObject({ start: 17, end: 24, i: 3 });
  });

  it('gives inflections one key and knows opposite predicates', () => {
    expect(wordKey('killed')).toBe(wordKey('kills'));
    expect(stem('increased')).toBe(stem('increasing'));
    expect(areAntonyms(stem('increased'), stem('decreased'))).toBe(true);
    expect(areAntonyms(stem('increased'), stem('killed'))).toBe(false);
  });
});

describe('extraction lemmatiser', () => {
  it('gives base forms of listed verbs only, and singular nouns', () => {
    expect(knownVerbLemma('killed')).toBe('kill');
    expect(knownVerbLemma('said')).toBe('say');
    expect(knownVerbLemma('based')).toBeNull();
    expect(isEventVerb(knownVerbLemma('wounded'))).toBe(true);
    expect(isSpeechVerb(knownVerbLemma('denied'))).toBe(true);
    expect(nounLemma('civilians')).toBe('civilian');
    expect(nounLemma('children')).toBe('child');
  });
});

describe('extraction tokeniser', () => {
  it('keeps hyphenated words and acronyms whole, punctuation apart', () => {
    const t = tokenizeForExtraction('The U.N. said pro-government forces left.');
    expect(t.map((x) => x.text)).toEqual([
      'The',
      'U.N.',
      'said',
      'pro-government',
      'forces',
      'left',
      '.',
    ]);
  });

  it('maps UTF-16 offsets to code points past astral characters', () => {
    const s = 'a😀b';
    const cp = codePointIndexer(s);
    expect(cp(3)).toBe(2);
    expect(stripPossessive("Aldoria's")).toBe('Aldoria');
    expect(isPossessive("army's")).toBe(true);
  });
});
