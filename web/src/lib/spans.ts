/**
 * The API gives claim offsets in Unicode code points (Python's text[start:end]); JavaScript
 * strings index UTF-16 code units. An emoji is one code point but two units, so slicing with the
 * raw offsets would drift by one per astral character before the claim. Combining marks are code
 * points of their own in both, so they need no special case, only the same counting.
 */

/** utf16[i] is the UTF-16 index of code point i; the last entry is text.length. */
export function codePointToUtf16Index(text: string): Uint32Array {
  const out = new Uint32Array(countCodePoints(text) + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    out[cp++] = i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  out[cp] = text.length;
  return out;
}

export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

export interface Span {
  id: string;
  /** Code points. */
  start: number;
  end: number;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'span'; id: string; text: string };

/**
 * Cuts the text into plain runs and spans, in order, covering every character exactly once.
 * Spans out of range are clamped; an overlapping span keeps only the part after the previous
 * one (claims are sentences and should not overlap, but a bad row must not duplicate text).
 */
export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const index = codePointToUtf16Index(text);
  const max = index.length - 1;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  let cursor = 0; // code points
  for (const s of sorted) {
    const start = Math.max(cursor, Math.min(Math.max(0, s.start), max));
    const end = Math.min(Math.max(start, s.end), max);
    if (end <= start) continue;
    if (start > cursor) out.push({ kind: 'text', text: text.slice(index[cursor], index[start]) });
    out.push({ kind: 'span', id: s.id, text: text.slice(index[start], index[end]) });
    cursor = end;
  }
  if (cursor < max) out.push({ kind: 'text', text: text.slice(index[cursor]) });
  return out;
}

export type WordSegment = { text: string; hit: boolean };

/**
 * Marks every occurrence of the given words (signal evidence such as "23 hours and 43 minutes")
 * in a statement. Case-insensitive; overlapping matches merge; whitespace in a word matches any
 * run of whitespace, since signals are often normalised.
 */
export function highlightWords(text: string, words: readonly (string | null | undefined)[]) {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const w of words) {
    const needle = w?.trim();
    if (!needle) continue;
    const pattern = new RegExp(
      needle
        .toLowerCase()
        .split(/\s+/)
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
      'g',
    );
    for (const m of lower.matchAll(pattern)) {
      if (m[0].length) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: WordSegment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
