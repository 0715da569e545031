/**
 * Picks the words of a claim worth searching for (pure). Searching with every word would match
 * most of a large workspace ("army", "killed"); the rarest words (highest IDF in the model's
 * table, unseen words counting as rare) name the event, so an OR over them finds the
 * statements about it, including contradictions worded differently.
 */
import type { IdfTable } from '../relation/features.js';
import { tokenize } from '../../text/relation-words.js';

export const MAX_QUERY_TERMS = 6;

export function queryTerms(text: string, idf: IdfTable, max = MAX_QUERY_TERMS): string[] {
  return [...weightedWords(text, idf).entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([word]) => word);
}

/** Content words of a text, each once with its highest IDF weight. */
export function weightedWords(text: string, idf: IdfTable): Map<string, number> {
  const best = new Map<string, number>();
  for (const token of tokenize(text)) {
    if (!token.content) continue;
    // Only plain letters/digits reach to_tsquery, so user text can never form tsquery syntax.
    const word = token.lower.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
    // Numbers are matched through facet keys (counted thing, date); as words they are noise.
    if (word.length < 3 || /^\d+$/.test(word)) continue;
    const weight = idf.idf.get(token.key) ?? idf.unseen;
    if ((best.get(word) ?? -1) < weight) best.set(word, weight);
  }
  return best;
}

/**
 * "(a & b) | (a & c) | ..." over the claim's rare words: a statement must share two of them to
 * be a full-text candidate, which keeps the matches (and their ranking) few in a large
 * workspace. With a single rare word, that word alone.
 */
export function pairQuery(terms: string[]): string {
  if (terms.length <= 1) return terms.join('');
  const pairs: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    for (let j = i + 1; j < terms.length; j++) pairs.push(`(${terms[i]} & ${terms[j]})`);
  }
  return pairs.join(' | ');
}
