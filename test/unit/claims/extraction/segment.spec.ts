import { segmentSentences } from '../../../../src/claims/extraction/index.js';

const texts = (t: string) => segmentSentences(t).map((s) => s.text);

function expectExactSlices(text: string): void {
  const cps = [...text];
  for (const s of segmentSentences(text)) {
    expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
  }
}

describe('segmentSentences', () => {
  it('keeps abbreviations, initials and dotted acronyms inside sentences', () => {
    expect(
      texts(
        'The U.S. Embassy said Dr. Smith met Gen. Jones in Sept. 2023. He left. Officials arrived in the U.S. The talks ended.',
      ),
    ).toEqual([
      'The U.S. Embassy said Dr. Smith met Gen. Jones in Sept. 2023.',
      'He left.',
      'Officials arrived in the U.S.',
      'The talks ended.',
    ]);
    expect(
      texts(
        'He cited No. 5 of the list, e.g. the first item. Growth was 3.5 percent. John F. Kennedy spoke.',
      ),
    ).toEqual([
      'He cited No. 5 of the list, e.g. the first item.',
      'Growth was 3.5 percent.',
      'John F. Kennedy spoke.',
    ]);
  });

  it('ends sentences inside closing quotes and not before a lower-case continuation', () => {
    expect(
      texts(
        '“We will not retreat.” The minister left. "Why?" he asked. He said "It is over." Then he left.',
      ),
    ).toEqual([
      '“We will not retreat.”',
      'The minister left.',
      '"Why?" he asked.',
      'He said "It is over."',
      'Then he left.',
    ]);
  });

  it('separates datelines from the first sentence', () => {
    expect(texts('BAKU, Azerbaijan, September 20. The local measures began.')).toEqual([
      'BAKU, Azerbaijan, September 20.',
      'The local measures began.',
    ]);
    expect(
      texts('BAKU, Sept 20 (Reuters) - Azerbaijan said on Tuesday it had launched an operation.'),
    ).toEqual([
      'BAKU, Sept 20 (Reuters) -',
      'Azerbaijan said on Tuesday it had launched an operation.',
    ]);
  });

  it('keeps an organisation and its words together, but splits a colon dateline or kicker', () => {
    expect(texts('WHO: Vaccine cuts deaths by half')).toEqual(['WHO: Vaccine cuts deaths by half']);
    expect(texts('ISLAMABAD: The talks resumed on Monday.')).toEqual([
      'ISLAMABAD:',
      'The talks resumed on Monday.',
    ]);
    expect(texts('WATCH: Crowds gather in the square')).toEqual([
      'WATCH:',
      'Crowds gather in the square',
    ]);
  });

  it('handles ellipses', () => {
    expect(texts('Wait... Then it happened. He paused... and continued.')).toEqual([
      'Wait...',
      'Then it happened.',
      'He paused... and continued.',
    ]);
  });

  it('makes headlines, paragraphs and list items their own segments, without the list marker', () => {
    const text =
      'Azerbaijan launches operation in Karabakh\n\nThe army said it began at 1 p.m.\nKey points:\n- Two soldiers were killed\n- Talks resumed.\n1. First item\n2) Second item';
    expect(texts(text)).toEqual([
      'Azerbaijan launches operation in Karabakh',
      'The army said it began at 1 p.m.',
      'Key points:',
      'Two soldiers were killed',
      'Talks resumed.',
      'First item',
      'Second item',
    ]);
    expectExactSlices(text);
  });

  it('joins a soft-wrapped line that continues in lower case', () => {
    expect(texts('Two soldiers were\nkilled near the border. Talks resumed.')).toEqual([
      'Two soldiers were\nkilled near the border.',
      'Talks resumed.',
    ]);
  });

  it('reports code point offsets, not UTF-16 offsets', () => {
    // Emoji (astral, with a skin-tone modifier) and combining marks before the sentences.
    const text = '👍🏽 Cafe\u0301 e\u0301. The army left. 😀 Next one?';
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      '👍🏽 Cafe\u0301 e\u0301.',
      'The army left.',
      '😀 Next one?',
    ]);
    expect(spans.map((s) => [s.index, s.start, s.end])).toEqual([
      [0, 0, 12],
      [1, 13, 27],
      [2, 28, 39],
    ]);
    // UTF-16 indices differ: the first emoji pair alone is 4 code units.
    expect(text.indexOf('The army')).toBe(15);
    expectExactSlices(text);
  });

  it('trims surrounding whitespace and returns nothing for blank text', () => {
    expect(segmentSentences('   \n\n  ')).toEqual([]);
    expect(segmentSentences('  Hello there.  ')).toEqual([
      { index: 0, start: 2, end: 14, text: 'Hello there.' },
    ]);
  });
});
