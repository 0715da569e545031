/**
 * Extraction and candidate selection for training and offline evaluation. The dataset
 * loaders and the story-level split live in eval/lib/datasets.ts (one copy, also used by the
 * evaluation through the service) and are re-exported here.
 */
import { analyzeStatement, segmentSentences } from '../../src/claims/extraction/index.js';
import type { ClaimFacets, SentenceSpan } from '../../src/claims/extraction/types.js';
import { analyze } from '../../src/linking/relation/analyze.js';
import type { IdfTable } from '../../src/linking/relation/features.js';

export * from './datasets.js';

// ------------------------------------------------------------------ extraction

type Analyzer = (text: string, ctx: object) => { facets: ClaimFacets };
type Segmenter = (text: string) => SentenceSpan[];

/** The extraction the live pipeline uses, so features are trained on the same facets. */
export async function loadExtraction(): Promise<{
  analyze: Analyzer;
  segment: Segmenter;
  source: string;
}> {
  return { analyze: analyzeStatement, segment: segmentSentences, source: 'src/claims/extraction' };
}

/**
 * Mirrors the service's candidate search (full-text and trigram similarity): only body
 * sentences sharing content words with the claim are candidates, best IDF overlap first.
 */
export function selectCandidates(
  claim: string,
  sentences: string[],
  idf: IdfTable,
  k: number,
): { index: number; score: number }[] {
  const ca = analyze(claim);
  const scored: { index: number; score: number }[] = [];
  sentences.forEach((s, index) => {
    const sa = analyze(s);
    let score = 0;
    for (const key of ca.keys) if (sa.keys.has(key)) score += idf.idf.get(key) ?? idf.unseen;
    if (score > 0) scored.push({ index, score });
  });
  scored.sort((x, y) => y.score - x.score || x.index - y.index);
  return scored.slice(0, k);
}
