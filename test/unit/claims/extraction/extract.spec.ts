import fs from 'node:fs';
import path from 'node:path';
import {
  EXTRACTOR_NAME,
  EXTRACTOR_VERSION,
  extractClaims,
  segmentSentences,
} from '../../../../src/claims/extraction/index.js';

const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('extractClaims', () => {
  it('turns every sentence into a claim with code point offsets and a selector', () => {
    const text = '😀 Intro é. Four soldiers were wounded on September 19, 2023. Why?';
    const claims = extractClaims(text, { publishedAt: new Date('2023-09-21T00:00:00Z') });
    expect(claims.map((c) => [c.sentenceIndex, c.start, c.end, c.text])).toEqual([
      [0, 0, 10, '😀 Intro é.'],
      [1, 11, 60, 'Four soldiers were wounded on September 19, 2023.'],
      [2, 61, 65, 'Why?'],
    ]);
    for (const c of claims) expect(cpSlice(text, c.start, c.end)).toBe(c.text);
    expect(claims[1].selector).toEqual({
      exact: 'Four soldiers were wounded on September 19, 2023.',
      prefix: '😀 Intro é. ',
      suffix: ' Why?',
    });
    expect(claims[1].facets.quantities.map((q) => [q.value, q.counted, q.event])).toEqual([
      [4, 'soldier', 'wound'],
    ]);
    expect(claims[2].facets.question).toBe(true);
    expect(claims[1].checkworthiness).toBeGreaterThan(claims[2].checkworthiness);
  });

  it('limits selector context to 32 code points', () => {
    const before = '🙂'.repeat(40) + '. ';
    const text = `${before}The army left. Then ${'x'.repeat(50)}.`;
    const c = extractClaims(text)[1];
    expect(c.text).toBe('The army left.');
    expect([...c.selector.prefix]).toHaveLength(32);
    expect(c.selector.prefix).toBe('🙂'.repeat(30) + '. ');
    expect([...c.selector.suffix]).toHaveLength(32);
  });

  it('names itself', () => {
    expect(EXTRACTOR_NAME).toBe('claimtrace-extract');
    expect(EXTRACTOR_VERSION).toBe('1.24.0');
  });
});

describe('seed article', () => {
  const seedDir = path.resolve(process.cwd(), '../shared/seeds');
  const seedFile = path.join(seedDir, '000_eb3abbc80bf81dbd.txt');
  const present = fs.existsSync(seedFile);
  if (!present) {
    it.skip(`seed article not found at ${seedFile}; skipping seed checks`, () => undefined);
    return;
  }
  const text = fs.readFileSync(seedFile, 'utf8');
  const claims = extractClaims(text, { publishedAt: new Date('2025-09-20T08:00:00Z') });
  const find = (needle: string) => {
    const c = claims.find((x) => x.text.includes(needle));
    if (!c) throw new Error(`no claim contains ${needle}`);
    return c;
  };

  it('slices every span exactly', () => {
    expect(claims.length).toBeGreaterThan(15);
    for (const c of claims) {
      expect(cpSlice(text, c.start, c.end)).toBe(c.text);
      expect(c.selector.exact).toBe(c.text);
    }
    const spans = segmentSentences(text);
    expect(spans.map((s) => [s.start, s.end])).toEqual(claims.map((c) => [c.start, c.end]));
  });

  it('reads the 23 hours and 43 minutes as 85380 s', () => {
    expect(
      find('23 hours and 43 minutes').facets.durations.map((d) => [d.text, d.seconds]),
    ).toEqual([['23 hours and 43 minutes', 85380]]);
  });

  it('reads September 19–20, 2023 as one range and one-day as a duration', () => {
    const c = find('September 19–20, 2023');
    expect(c.facets.dates.map((d) => [d.start, d.end, d.precision])).toEqual([
      ['2023-09-19', '2023-09-20', 'day'],
    ]);
    expect(c.facets.durations.map((d) => d.seconds)).toEqual([86400]);
    expect(c.facets.quantities).toEqual([]);
    expect(c.facets.actors.map((a) => [a.key, a.kind, a.role])).toContainEqual([
      'azerbaijani army',
      'ORGANIZATION',
      'agent',
    ]);
  });

  it('keeps the dateline as its own low-scoring segment', () => {
    const dateline = find('BAKU');
    expect(dateline.text.endsWith('BAKU, Azerbaijan, September 20.')).toBe(true);
    expect(dateline.checkworthiness).toBeLessThan(0.2);
    expect(claims[1].text.startsWith('The local anti-terror measures')).toBe(true);
  });

  it('scores the dated operation sentence above the evaluative ones', () => {
    const factual = find('trilateral statement signed by');
    const evaluative = find('These measures represented');
    expect(factual.checkworthiness).toBeGreaterThan(0.5);
    expect(evaluative.checkworthiness).toBeLessThan(0.5);
    expect(factual.facets.dates.map((d) => d.start)).toEqual(['2020-11-10']);
  });
});

describe('who an opening pronoun stands for', () => {
  const antecedents = (text: string) => extractClaims(text).map((c) => c.facets.antecedent);

  it('a sentence opening with He or She gets the person named in the two sentences before', () => {
    expect(
      antecedents(
        'Aret Moll, a shepherd, was shot dead near Tosk. He was unarmed. The patrol left. Moll was buried on Friday. She said nothing.',
      ),
    ).toEqual([undefined, 'Aret Moll', undefined, undefined, 'Aret Moll']);
  });

  it('a place, an office or a name too far back is no antecedent', () => {
    expect(antecedents('Shells fell on Dorvik. She called for calm.')[1]).toBeUndefined();
    expect(
      antecedents(
        'Police detained Mira Tal. The court sat. The rally was banned. Crowds gathered. She was released.',
      )[4],
    ).toBeUndefined();
    expect(
      antecedents('The Civic Front met in Lorne. Her office said nothing.')[1],
    ).toBeUndefined();
  });
});
