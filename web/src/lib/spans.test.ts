import { describe, expect, it } from 'vitest';
import { codePointToUtf16Index, countCodePoints, highlightWords, segmentText } from './spans';

/** The API's reference: Python's text[start:end], i.e. slicing by code point. */
const pySlice = (t: string, s: number, e: number) => [...t].slice(s, e).join('');
const spansOf = (segs: ReturnType<typeof segmentText>) =>
  segs.filter((s) => s.kind === 'span').map((s) => s.text);

describe('highlight placement from code-point offsets', () => {
  it('places spans in plain ASCII', () => {
    const text = 'One. Two is here. Three.';
    const segs = segmentText(text, [{ id: 'b', start: 5, end: 17 }]);
    expect(segs).toEqual([
      { kind: 'text', text: 'One. ' },
      { kind: 'span', id: 'b', text: 'Two is here.' },
      { kind: 'text', text: ' Three.' },
    ]);
  });

  it('does not drift after emoji (astral code points are two UTF-16 units)', () => {
    const text = 'Fire 🔥🔥 broke out. Then 👍🏽 rain fell. End.';
    const s1 = [...text].indexOf('F');
    const cps = [...text];
    const start2 = cps.indexOf('T');
    const end2 = cps.lastIndexOf('.', cps.length - 6) + 1; // "... rain fell."
    const segs = segmentText(text, [
      { id: 'a', start: s1, end: 19 },
      { id: 'b', start: start2, end: end2 },
    ]);
    expect(spansOf(segs)).toEqual([pySlice(text, s1, 19), pySlice(text, start2, end2)]);
    expect(spansOf(segs)[1]).toBe('Then 👍🏽 rain fell.');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('counts combining marks as their own code points', () => {
    // "é" written as e + U+0301 and a Devanagari cluster: several code points, one glyph.
    const text = 'Cafe\u0301 opened. नमस्ते said hi. Done.';
    const cps = [...text];
    const start = cps.indexOf('न');
    const end = cps.indexOf('D') - 1;
    const segs = segmentText(text, [
      { id: 'a', start: 0, end: 13 }, // 12 letters and spaces + 1 combining mark
      { id: 'b', start, end },
    ]);
    expect(spansOf(segs)).toEqual([pySlice(text, 0, 13), pySlice(text, start, end)]);
    expect(spansOf(segs)[0]).toBe('Cafe\u0301 opened.');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('covers the text exactly once with overlapping, unsorted and out-of-range spans', () => {
    const text = 'a😀b😀c😀d';
    const segs = segmentText(text, [
      { id: 'late', start: 4, end: 99 },
      { id: 'first', start: 0, end: 3 },
      { id: 'overlap', start: 2, end: 5 },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => (s.kind === 'span' ? s.id : '-'))).toEqual(['first', 'overlap', 'late']);
    expect(spansOf(segs)).toEqual(['a😀b', '😀c', '😀d']);
  });

  it('maps code points to UTF-16 indexes', () => {
    expect(countCodePoints('a😀b')).toBe(3);
    expect([...codePointToUtf16Index('a😀b')]).toEqual([0, 1, 3, 4]);
    // A lone surrogate (bad input) still counts as one code point, as in Python.
    expect(countCodePoints('a\ud800b')).toBe(3);
  });
});

describe('signal words', () => {
  it('marks the words from each side, across whitespace and case', () => {
    const segs = highlightWords('It lasted 23 hours and\n43 minutes, Officials said', [
      '23 hours and 43 minutes',
      'officials',
    ]);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual([
      '23 hours and\n43 minutes',
      'Officials',
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(
      'It lasted 23 hours and\n43 minutes, Officials said',
    );
  });

  it('merges overlaps and ignores empty or missing words', () => {
    const segs = highlightWords('two days (2 days)', ['two days', 'days', null, '  ', '(2']);
    expect(segs).toEqual([
      { text: 'two days', hit: true },
      { text: ' ', hit: false },
      { text: '(2', hit: true },
      { text: ' ', hit: false },
      { text: 'days', hit: true },
      { text: ')', hit: false },
    ]);
  });
});
