/** Glue shared by training and evaluation: statement views, features, stance mapping. */
import type { ClaimFacets } from '../../src/claims/extraction/types.js';
import { analyze } from '../../src/linking/relation/analyze.js';
import {
  FEATURE_COUNT,
  computeFeatures,
  shorterFirst,
  type IdfTable,
} from '../../src/linking/relation/features.js';
import { LEXICAL_FEATURE_COUNT, lexicalFeatures } from '../../src/linking/relation/lexical.js';
import { align, computeSignalsWith } from '../../src/linking/relation/signals.js';
import type { StatementView } from '../../src/linking/relation/types.js';
import { loadExtraction, selectCandidates, type Stance } from './data.js';

export const TOP_K = 6;

const facetCache = new Map<string, ClaimFacets>();

export async function viewFactory(): Promise<{
  view: (text: string) => StatementView;
  segment: (text: string) => string[];
  source: string;
}> {
  const ex = await loadExtraction();
  const segCache = new Map<string, string[]>();
  return {
    source: ex.source,
    view: (text) => {
      let f = facetCache.get(text);
      if (!f) {
        f = ex.analyze(text, {}).facets;
        if (facetCache.size > 100_000) facetCache.clear();
        facetCache.set(text, f);
      }
      return { text, facets: f };
    },
    segment: (text) => {
      let s = segCache.get(text);
      if (!s) {
        s = ex.segment(text).map((x) => x.text);
        segCache.set(text, s);
      }
      return s;
    },
  };
}

export function featurize(a: StatementView, b: StatementView, idf: IdfTable): Float64Array {
  return polarFeaturize(a, b, idf, false).subarray(0, FEATURE_COUNT);
}

/** The polar head's input: the relation features, then the lexical ones (lexical.ts). */
export function polarFeaturize(
  a: StatementView,
  b: StatementView,
  idf: IdfTable,
  lexical = true,
): Float64Array {
  const la = analyze(a.text);
  const ra = analyze(b.text);
  const al = align(la, ra);
  const sig = computeSignalsWith(a, b, la, ra, al, idf);
  const out = new Float64Array(FEATURE_COUNT + LEXICAL_FEATURE_COUNT);
  computeFeatures(la, ra, al, sig, idf, out);
  if (lexical) {
    const [sh, lo] = shorterFirst(la, ra);
    lexicalFeatures(sh, lo, out, FEATURE_COUNT);
  }
  return out;
}

export const STANCE_CLASS: Record<Stance, number> = {
  unrelated: 0,
  agree: 1,
  disagree: 2,
  discuss: 3,
};

export { relationToStance } from './metrics.js';

export interface DocCandidates {
  headline: string;
  sentences: string[];
  picks: { index: number; score: number }[];
}

export function docCandidates(
  headline: string,
  body: string,
  segment: (t: string) => string[],
  idf: IdfTable,
): DocCandidates {
  const sentences = segment(body);
  return { headline, sentences, picks: selectCandidates(headline, sentences, idf, TOP_K) };
}

/**
 * Sentence-level targets from a document label: the best-matching candidates of a related
 * body carry its label, everything else is "no link". A rebuttal lives in the sentences with
 * refuting or negating words; when a disagreeing body has such candidates, those carry
 * CONTRADICTS and its other well-matching sentences, which restate the claim, DISCUSS it.
 */
export function sentenceTargets(d: DocCandidates, stance: Stance): number[] {
  const cls = STANCE_CLASS[stance];
  if (cls === 0) return d.picks.map(() => 0);
  const top = d.picks[0]?.score ?? 0;
  const near = (rank: number) => rank < 2 || d.picks[rank].score >= 0.5 * top;
  if (stance === 'disagree') {
    const rebut = d.picks.map((p) => {
      const a = analyze(d.sentences[p.index]);
      return a.refutations.length > 0 || a.negations.length > 0;
    });
    if (rebut.some(Boolean)) {
      return d.picks.map((_, rank) => (rebut[rank] ? cls : near(rank) ? STANCE_CLASS.discuss : 0));
    }
  }
  return d.picks.map((_, rank) => (near(rank) ? cls : 0));
}
