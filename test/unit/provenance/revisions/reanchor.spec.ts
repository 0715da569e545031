import { extractClaims } from '../../../../src/claims/extraction/index.js';
import {
  longestIncreasingRun,
  reanchor,
  similarity,
  wordingChange,
  type AnchorClaim,
} from '../../../../src/provenance/revisions/reanchor.js';
import { exampleCorpus, exampleRevisions } from '../../../support/corpus.js';

const claimsOf = (text: string, tag: string): AnchorClaim[] =>
  extractClaims(text).map((c) => ({
    id: `${tag}${c.sentenceIndex}`,
    sentenceIndex: c.sentenceIndex,
    start: c.start,
    end: c.end,
    text: c.text,
    prefix: c.selector.prefix,
    suffix: c.selector.suffix,
  }));

describe('reanchor', () => {
  it('classifies every sentence of the stealth-edited Kestria Today article', () => {
    const edited = exampleRevisions()[0]!;
    const original = exampleCorpus().find((a) => a.url === edited.url)!;
    const results = reanchor(claimsOf(original.text, 'old'), claimsOf(edited.text, 'new'));
    const changed = results
      .filter((r) => r.status !== 'UNCHANGED')
      .map((r) => ({
        status: r.status,
        method: r.method,
        old: r.old?.text ?? null,
        new: r.new?.text ?? null,
        change: r.change,
      }));
    expect(changed).toEqual([
      {
        status: 'EDITED',
        method: 'FUZZY',
        old: 'The Kestrian Defence Ministry denied that any of its units were in the area.',
        new: 'The Kestrian Defence Ministry rejected claims that its units had been in the area.',
        change: {
          removed: 'denied that any of its units were',
          inserted: 'rejected claims that its units had been',
          at: 30,
        },
      },
      {
        status: 'REMOVED',
        method: null,
        old: 'Aldorian sources claim that three of their soldiers were killed in the explosion on 18 September, a figure Kestria Today was unable to confirm.',
        new: null,
        change: null,
      },
      {
        status: 'EDITED',
        method: 'FUZZY',
        old: 'More than 300 residents were forced to flee Dorvik.',
        new: 'More than 500 residents were forced to flee Dorvik.',
        change: { removed: '300', inserted: '500', at: 10 },
      },
      {
        status: 'MOVED',
        method: 'QUOTE',
        old: 'Dozens of homes were destroyed, including the village school.',
        new: 'Dozens of homes were destroyed, including the village school.',
        change: null,
      },
    ]);
    // Everything else is carried over word for word: nothing is left over on the new side.
    expect(results.filter((r) => r.status === 'ADDED')).toEqual([]);
    const unchanged = results.filter((r) => r.status === 'UNCHANGED');
    expect(unchanged.length).toBe(results.length - 4);
    for (const r of unchanged) expect(r.new!.text).toBe(r.old!.text);
    // Sentences before the first edit keep their span; later ones are found by quote.
    expect(unchanged[0]!.method).toBe('POSITION');
    expect(results.find((r) => r.status === 'EDITED')!.score).toBeGreaterThan(0.6);
  });

  it('prefers the exact span, then the quote whose context matches, among repeated sentences', () => {
    const c = (
      id: string,
      i: number,
      start: number,
      text: string,
      prefix: string,
      suffix: string,
    ) => ({
      id,
      sentenceIndex: i,
      start,
      end: start + text.length,
      text,
      prefix,
      suffix,
    });
    const old = [
      c('a', 0, 0, 'No comment.', '', ' Rain fell.'),
      c('b', 1, 12, 'Rain fell.', 'No comment. ', ' No comment.'),
      c('c', 2, 23, 'No comment.', 'Rain fell. ', ''),
    ];
    // A new first sentence shifts everything; the second "No comment." is told apart by context.
    const next = [
      c('x', 0, 0, 'Update.', '', ' No comment.'),
      c('y', 1, 8, 'No comment.', 'Update. ', ' Rain fell.'),
      c('z', 2, 20, 'Rain fell.', 'No comment. ', ' No comment.'),
      c('w', 3, 31, 'No comment.', 'Rain fell. ', ''),
    ];
    const r = reanchor(old, next);
    expect(r.map((e) => [e.old?.id ?? null, e.new?.id ?? null, e.status, e.method])).toEqual([
      ['a', 'y', 'UNCHANGED', 'QUOTE'],
      ['b', 'z', 'UNCHANGED', 'QUOTE'],
      ['c', 'w', 'UNCHANGED', 'QUOTE'],
      [null, 'x', 'ADDED', null],
    ]);
  });

  it('does not pair unrelated sentences', () => {
    expect(similarity('Four civilians died.', 'The crossing remains closed.')).toBeLessThan(0.6);
    const r = reanchor(
      [
        {
          id: 'o',
          sentenceIndex: 0,
          start: 0,
          end: 20,
          text: 'Four civilians died.',
          prefix: '',
          suffix: '',
        },
      ],
      [
        {
          id: 'n',
          sentenceIndex: 0,
          start: 0,
          end: 28,
          text: 'The crossing remains closed.',
          prefix: '',
          suffix: '',
        },
      ],
    );
    expect(r.map((e) => e.status)).toEqual(['REMOVED', 'ADDED']);
  });
});

describe('wordingChange', () => {
  it('widens a changed digit to the whole figure', () => {
    expect(wordingChange('about 140 people', 'about 170 people')).toEqual({
      removed: '140',
      inserted: '170',
      at: 6,
    });
  });
  it('reports a pure insertion', () => {
    expect(wordingChange('two killed', 'two civilians killed')).toEqual({
      removed: '',
      inserted: 'civilians ',
      at: 4,
    });
  });
});

describe('longestIncreasingRun', () => {
  it('keeps the longest ordered run, so one sentence moved forward is the one that moved', () => {
    expect([...longestIncreasingRun([1, 2, 3, 0, 4])].sort()).toEqual([0, 1, 2, 4]);
    expect([...longestIncreasingRun([])]).toEqual([]);
  });
});
