/**
 * Keeps a claim's best candidates (pure). Retrieval is bounded per branch and per other source,
 * but where a story gathers dozens of editions every branch fills up, and a claim reached 30
 * pairs at 100,000 claims against 12 at 10,000: the cost per source grew with the workspace.
 * Ranking the union and keeping the best `max` bounds the pairs per claim whatever the corpus.
 */
import type { IdfTable } from '../relation/features.js';
import { weightedWords } from './query-terms.js';

export interface RankedCandidate {
  id: string;
  sourceId: string;
  text: string;
  facetKeys: readonly string[];
}

/**
 * What a candidate shares with the claim, in order of how much it says about the same event:
 * a MinHash band (a near-copy of the sentence) outranks everything, then each shared event
 * frame, then the other shared facet keys (date, figure), then the rare words shared, each by
 * its IDF.
 */
export function candidateScore(
  claimWords: ReadonlyMap<string, number>,
  claimKeys: ReadonlySet<string>,
  candidateWords: ReadonlySet<string>,
  candidateKeys: readonly string[],
): number {
  let score = 0;
  for (const key of candidateKeys) {
    if (!claimKeys.has(key)) continue;
    if (key.startsWith('lsh:')) score += 1_000;
    else if (key.startsWith('frame:')) score += 8;
    else score += 4;
  }
  for (const word of candidateWords) score += claimWords.get(word) ?? 0;
  return score;
}

/**
 * Equal scores are common (the same shared words); they go by text, then by id, so the choice
 * does not depend on retrieval order or on the random ids of one ingest (by id alone, the
 * example corpus linked a different set of pairs on every run).
 */
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
function tieBreak(a: RankedCandidate, b: RankedCandidate): number {
  return cmp(a.text, b.text) || cmp(a.id, b.id);
}

/**
 * The best `max` of a claim's candidates by candidateScore (all of them when there are no more).
 * `wordsOf` may cache per statement: a batch scores one statement against many claims.
 */
export function bestCandidates<T extends RankedCandidate>(
  claim: { text: string; facetKeys: readonly string[] },
  candidates: readonly T[],
  max: number,
  idf: IdfTable,
  wordsOf: (c: T) => ReadonlySet<string> = (c) => new Set(weightedWords(c.text, idf).keys()),
): T[] {
  if (candidates.length <= max) return [...candidates];
  const claimWords = weightedWords(claim.text, idf);
  const claimKeys = new Set(claim.facetKeys);
  const ranked = candidates
    .map((c) => ({ c, score: candidateScore(claimWords, claimKeys, wordsOf(c), c.facetKeys) }))
    .sort((a, b) => b.score - a.score || tieBreak(a.c, b.c));
  // Every other source's best statement before any source's second: a story's near-identical
  // editions must not crowd out the one source that words it differently (a headline, the
  // other side's report), which is what a comparison of the two needs.
  // Already in score order, so a stable sort by round keeps that order within each round.
  const seen = new Map<string, number>();
  return ranked
    .map(({ c }) => {
      const round = seen.get(c.sourceId) ?? 0;
      seen.set(c.sourceId, round + 1);
      return { c, round };
    })
    .sort((a, b) => a.round - b.round)
    .slice(0, max)
    .map((x) => x.c);
}

/**
 * Which lines of newly linked sources to pair with the sole statements of earlier sources
 * (pure). `reached` gives, per line, the sole statements its search found
 * (CandidateRepository.soleStatementsMatching). Each sole statement gets its best `perSole`
 * lines of each new source by candidateScore, as its own search would keep when linked last,
 * and each new source at most `perSource` pairs in all (one article of a large workspace shares
 * a rare word with hundreds of other stories' headlines). Pairs are dealt as a sole statement's
 * own candidates are: every sole statement's best line before any one's second, the sole
 * statements most of the source's lines reach first. Returns [line, sole statement] pairs.
 */
export function dealSolePairs<T extends RankedCandidate>(
  lines: readonly T[],
  reached: ReadonlyMap<string, readonly T[]>,
  perSole: number,
  perSource: number,
  idf: IdfTable,
  wordsOf?: (c: T) => ReadonlySet<string>,
): [T, T][] {
  const bySole = new Map<string, { sole: T; from: T[] }>();
  for (const line of lines) {
    for (const sole of reached.get(line.id) ?? []) {
      const key = `${sole.id} ${line.sourceId}`;
      const group = bySole.get(key) ?? { sole, from: [] };
      group.from.push(line);
      bySole.set(key, group);
    }
  }
  const groups = [...bySole.values()]
    .sort((a, b) => b.from.length - a.from.length || tieBreak(a.sole, b.sole))
    .map(({ sole, from }) => ({ sole, best: bestCandidates(sole, from, perSole, idf, wordsOf) }));
  const dealt = new Map<string, number>();
  const pairs: [T, T][] = [];
  for (let round = 0; round < perSole; round++) {
    for (const { sole, best } of groups) {
      const line = best[round];
      if (!line) continue;
      const n = dealt.get(line.sourceId) ?? 0;
      if (n >= perSource) continue;
      dealt.set(line.sourceId, n + 1);
      pairs.push([line, sole]);
    }
  }
  return pairs;
}
