/**
 * What WordNet says about the words two statements do not share: the sentence-pair head's
 * own features (the main model does not read them, so they are computed only when the head is
 * asked). Each word of the shorter statement (usually the claim) that has no counterpart in
 * the longer one is looked up against the longer one's unshared words, and counted by the
 * closest relation found:
 * - same: a synonym ("bike" / "bicycle"): the claim restates;
 * - broader: the claim says less ("vehicle" for "boat"): it follows;
 * - narrower: the claim says more ("puppy" for "dog"): it does not follow;
 * - sibling: two kinds of one thing ("guitar" / "piano"): of one scene, they conflict;
 * - opposite: listed antonyms ("wet" / "dry");
 * - unrelated: WordNet knows the word but relates it to nothing on the other side.
 */
import type { Token } from '../../text/relation-words.js';
import { wordNet, type LexicalRelation, type WordNet } from './wordnet.js';
import type { Analysis } from './analyze.js';

export const LEXICAL_FEATURE_NAMES: readonly string[] = [
  'lexSame',
  'lexBroader',
  'lexNarrower',
  'lexSibling',
  'lexOpposite',
  'lexUnrelated',
  'lexExplainedShare',
];

export const LEXICAL_FEATURE_COUNT = LEXICAL_FEATURE_NAMES.length;

/** Closest first: a word's count goes to the first of these that it has with any word. */
const ORDER: readonly LexicalRelation[] = ['opposite', 'same', 'broader', 'narrower', 'sibling'];

/** Words compared per side: a long line's tail adds cost and little else. */
const MAX_WORDS = 16;

/**
 * A word of one side, the word it stands to on the other side, and how. `lexicalPairs` gives
 * the shorter statement's word as `claim`; the classifier turns pairs to the claim's side.
 */
export interface LexicalPair {
  claim: Token;
  other: Token;
  relation: LexicalRelation;
}

function unshared(a: Analysis, b: Analysis): Token[] {
  const out: Token[] = [];
  for (const [k, t] of a.keyToken) {
    if (b.keys.has(k) || !t.content || /\d/.test(t.lower)) continue;
    out.push(t);
    if (out.length === MAX_WORDS) break;
  }
  return out;
}

/** Each unshared word of `short` with its closest relation to an unshared word of `long`. */
export function lexicalPairs(
  short: Analysis,
  long: Analysis,
  wn: WordNet = wordNet(),
): { pairs: LexicalPair[]; unrelated: number; considered: number } {
  const mine = unshared(short, long);
  const theirs = unshared(long, short);
  const pairs: LexicalPair[] = [];
  let unrelated = 0;
  for (const t of mine) {
    let best: LexicalPair | null = null;
    for (const u of theirs) {
      const r = wn.relation(t.lower, u.lower);
      if (r === null) continue;
      if (!best || ORDER.indexOf(r) < ORDER.indexOf(best.relation)) {
        best = { claim: t, other: u, relation: r };
      }
      if (r === 'opposite') break;
    }
    if (best) pairs.push(best);
    else if (wn.knows(t.lower)) unrelated++;
  }
  return { pairs, unrelated, considered: mine.length };
}

/** Fills the head's lexical features at `offset` of `out`; `short` is the shorter statement. */
export function lexicalFeatures(
  short: Analysis,
  long: Analysis,
  out: Float64Array,
  offset: number,
  wn?: WordNet,
): LexicalPair[] {
  const { pairs, unrelated, considered } = lexicalPairs(short, long, wn);
  const count = (r: LexicalRelation) => pairs.filter((p) => p.relation === r).length;
  out[offset] = count('same');
  out[offset + 1] = count('broader');
  out[offset + 2] = count('narrower');
  out[offset + 3] = count('sibling');
  out[offset + 4] = count('opposite');
  out[offset + 5] = unrelated;
  out[offset + 6] = considered > 0 ? (count('same') + count('broader')) / considered : 1;
  return pairs;
}
