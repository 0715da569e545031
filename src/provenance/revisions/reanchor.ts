/**
 * Carries the claims of one revision of a source to the next (pure). Each old claim is looked for
 * in the new revision's claims by its selector, strongest evidence first:
 *   1. POSITION: the same code-point span holds the same text;
 *   2. QUOTE: the same exact text elsewhere, the stored prefix/suffix choosing among repeats;
 *   3. FUZZY: the most similar remaining sentence (normalised Levenshtein), above a threshold.
 * Exact matches whose order among the other exact matches changed are MOVED (the longest run
 * in the original order stays put); fuzzy matches are EDITED; the rest are REMOVED, and new
 * claims nobody maps to are ADDED.
 */
import { distance } from 'fastest-levenshtein';

export interface AnchorClaim {
  id: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
}

export type AnchorStatus = 'UNCHANGED' | 'MOVED' | 'EDITED' | 'REMOVED' | 'ADDED';
export type AnchorMethod = 'POSITION' | 'QUOTE' | 'FUZZY';

/** The changed words of an edited claim: old[at..] lost `removed`, gained `inserted`. */
export interface WordingChange {
  removed: string;
  inserted: string;
  /** Code-point offset of the change in the old claim text. */
  at: number;
}

export interface AnchorResult {
  status: AnchorStatus;
  method: AnchorMethod | null;
  /** 1 for exact matches, the similarity for fuzzy ones, null when nothing matched. */
  score: number | null;
  old: AnchorClaim | null;
  new: AnchorClaim | null;
  change: WordingChange | null;
}

/**
 * Below this similarity two sentences are different statements. A changed figure or a reworded
 * verb phrase keeps a sentence well above it; an unrelated sentence of similar length scores
 * around 0.3.
 */
export const FUZZY_THRESHOLD = 0.6;

/** 1 - Levenshtein distance / length of the longer text. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

function contextScore(old: AnchorClaim, candidate: AnchorClaim): number {
  return (candidate.prefix === old.prefix ? 1 : 0) + (candidate.suffix === old.suffix ? 1 : 0);
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
export function longestIncreasingRun(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) out.add(i);
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/** The smallest run of whole words that differs between two wordings. */
export function wordingChange(before: string, after: string): WordingChange {
  const a = [...before];
  const b = [...after];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  // Widen to word boundaries so "300" -> "500" reads as a figure, not as "3" -> "5".
  const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
  while (head > 0 && isWord(a[head - 1]) && (isWord(a[head]) || isWord(b[head]))) head--;
  while (
    tail > 0 &&
    isWord(a[a.length - tail]) &&
    (isWord(a[a.length - tail - 1]) || isWord(b[b.length - tail - 1]))
  )
    tail--;
  return {
    removed: a.slice(head, a.length - tail).join(''),
    inserted: b.slice(head, b.length - tail).join(''),
    at: head,
  };
}

export function reanchor(
  oldClaims: AnchorClaim[],
  newClaims: AnchorClaim[],
  threshold = FUZZY_THRESHOLD,
): AnchorResult[] {
  const olds = [...oldClaims].sort((x, y) => x.sentenceIndex - y.sentenceIndex);
  const news = [...newClaims].sort((x, y) => x.sentenceIndex - y.sentenceIndex);
  const match = new Map<string, { to: AnchorClaim; method: AnchorMethod; score: number }>();
  const taken = new Set<string>();

  const bySpan = new Map(news.map((n) => [`${n.start}:${n.end}`, n]));
  for (const o of olds) {
    const n = bySpan.get(`${o.start}:${o.end}`);
    if (n && n.text === o.text) {
      match.set(o.id, { to: n, method: 'POSITION', score: 1 });
      taken.add(n.id);
    }
  }

  const byText = new Map<string, AnchorClaim[]>();
  for (const n of news)
    if (!taken.has(n.id)) byText.set(n.text, [...(byText.get(n.text) ?? []), n]);
  for (const o of olds) {
    if (match.has(o.id)) continue;
    const candidates = (byText.get(o.text) ?? []).filter((n) => !taken.has(n.id));
    if (!candidates.length) continue;
    candidates.sort(
      (x, y) =>
        contextScore(o, y) - contextScore(o, x) ||
        Math.abs(x.sentenceIndex - o.sentenceIndex) - Math.abs(y.sentenceIndex - o.sentenceIndex),
    );
    match.set(o.id, { to: candidates[0]!, method: 'QUOTE', score: 1 });
    taken.add(candidates[0]!.id);
  }

  const pairs: { o: AnchorClaim; n: AnchorClaim; score: number }[] = [];
  for (const o of olds) {
    if (match.has(o.id)) continue;
    for (const n of news) {
      if (taken.has(n.id)) continue;
      const shorter = Math.min(o.text.length, n.text.length);
      const longer = Math.max(o.text.length, n.text.length);
      // The distance is at least the length difference: skip pairs that cannot reach the threshold.
      if (longer > 0 && shorter / longer < threshold) continue;
      const score = similarity(o.text, n.text);
      if (score >= threshold) pairs.push({ o, n, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.o.sentenceIndex - y.o.sentenceIndex);
  for (const p of pairs) {
    if (match.has(p.o.id) || taken.has(p.n.id)) continue;
    match.set(p.o.id, { to: p.n, method: 'FUZZY', score: p.score });
    taken.add(p.n.id);
  }

  const exact = olds.filter((o) => {
    const m = match.get(o.id);
    return m && m.method !== 'FUZZY';
  });
  const stayed = longestIncreasingRun(exact.map((o) => match.get(o.id)!.to.sentenceIndex));
  const moved = new Set(exact.filter((_, i) => !stayed.has(i)).map((o) => o.id));

  const results: AnchorResult[] = olds.map((o) => {
    const m = match.get(o.id);
    if (!m)
      return { status: 'REMOVED', method: null, score: null, old: o, new: null, change: null };
    if (m.method === 'FUZZY') {
      return {
        status: 'EDITED',
        method: m.method,
        score: Math.round(m.score * 1000) / 1000,
        old: o,
        new: m.to,
        change: wordingChange(o.text, m.to.text),
      };
    }
    return {
      status: moved.has(o.id) ? 'MOVED' : 'UNCHANGED',
      method: m.method,
      score: 1,
      old: o,
      new: m.to,
      change: null,
    };
  });
  for (const n of news) {
    if (!taken.has(n.id))
      results.push({ status: 'ADDED', method: null, score: null, old: null, new: n, change: null });
  }
  return results;
}
