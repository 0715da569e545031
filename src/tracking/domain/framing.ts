/**
 * Framing terms: the different words two publishers use for the same referent. Pure.
 *
 * Two linked statements about one proposition are aligned word by word (longest common
 * subsequence). Where both have words between the same shared anchors, those two spans name the
 * same thing differently ("began counter-terrorism measures" / "began military aggression"), and
 * each span is a framing term of its publisher. Spans that differ only in numbers or dates are
 * factual disagreements, not framing, and are skipped. Nothing here says which term is right.
 */

const STOP = new Set(
  (
    'a an the of in on at to for by with from and or but as is are was were be been has have had ' +
    'it its this that these those their his her they he she we our which who whom than then there ' +
    'into onto over under after before during about around near up down out off not no'
  ).split(' '),
);
const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|morning|evening|night)$/;
const NUMBER_WORDS =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|first|second|third)$/;

export const MAX_TERM_WORDS = 4;
/** Shared content words two statements need before their differences are read as framing. */
export const MIN_ANCHORS = 3;

interface Token {
  raw: string;
  key: string;
}

function tokens(text: string): Token[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((raw) => ({
    raw,
    key: raw.toLowerCase().replace(/['’]s$/, ''),
  }));
}

function lcsPairs(a: Token[], b: Token[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] =
        a[i]!.key === b[j]!.key ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** The span as a term, or null when it is not a name for something (stop words, figures, dates). */
export function asTerm(span: Token[]): string | null {
  let from = 0;
  let to = span.length;
  while (from < to && STOP.has(span[from]!.key)) from++;
  while (to > from && STOP.has(span[to - 1]!.key)) to--;
  const core = span.slice(from, to);
  if (core.length === 0 || core.length > MAX_TERM_WORDS) return null;
  if (core.some((t) => /\d/.test(t.key) || MONTHS.test(t.key) || NUMBER_WORDS.test(t.key)))
    return null;
  if (core.every((t) => STOP.has(t.key) || t.key.length < 3)) return null;
  return core.map((t) => t.raw).join(' ');
}

/** The pairs of differing spans of two statements, as terms: [left term, right term]. */
export function alignedTerms(left: string, right: string): [string, string][] {
  const a = tokens(left);
  const b = tokens(right);
  const pairs = lcsPairs(a, b);
  if (pairs.filter(([i]) => !STOP.has(a[i]!.key)).length < MIN_ANCHORS) return [];
  const out: [string, string][] = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (i > pi && j > pj) {
      const l = asTerm(a.slice(pi, i));
      const r = asTerm(b.slice(pj, j));
      if (l && r && l.toLowerCase() !== r.toLowerCase()) out.push([l, r]);
    }
    pi = i + 1;
    pj = j + 1;
  }
  return out;
}

export interface FramingStatement {
  claimId: string;
  publisherId: string | null;
  text: string;
  /** A reviewer marked the statement as framing: its differing spans count double. */
  markedFraming: boolean;
}

export interface PublisherTerms {
  publisherId: string;
  terms: string[];
}

export const MAX_TERMS_PER_PUBLISHER = 8;

/**
 * Framing terms per publisher from linked pairs of statements of different publishers, most
 * frequent first.
 */
export function framingTerms(
  statements: readonly FramingStatement[],
  pairs: readonly [string, string][],
): PublisherTerms[] {
  const byId = new Map(statements.map((s) => [s.claimId, s]));
  const counts = new Map<string, Map<string, { term: string; n: number }>>();
  const add = (publisherId: string, term: string, weight: number) => {
    const terms = counts.get(publisherId) ?? new Map<string, { term: string; n: number }>();
    const key = term.toLowerCase();
    const seen = terms.get(key);
    terms.set(key, { term: seen?.term ?? term, n: (seen?.n ?? 0) + weight });
    counts.set(publisherId, terms);
  };
  for (const [x, y] of pairs) {
    const a = byId.get(x);
    const b = byId.get(y);
    if (!a?.publisherId || !b?.publisherId || a.publisherId === b.publisherId) continue;
    for (const [l, r] of alignedTerms(a.text, b.text)) {
      add(a.publisherId, l, a.markedFraming ? 2 : 1);
      add(b.publisherId, r, b.markedFraming ? 2 : 1);
    }
  }
  return [...counts.entries()]
    .map(([publisherId, terms]) => ({
      publisherId,
      terms: [...terms.values()]
        .sort((x, y) => y.n - x.n || x.term.localeCompare(y.term))
        .slice(0, MAX_TERMS_PER_PUBLISHER)
        .map((t) => t.term),
    }))
    .sort((x, y) => x.publisherId.localeCompare(y.publisherId));
}
