import { useEffect, useState } from 'preact/hooks';
import { gql } from '../api/client';
import { DOCS } from '../api/documents';
import type {
  CompareQuery,
  CompareQueryVariables,
  SourceClaimsQuery,
  SourceClaimsQueryVariables,
} from '../api/generated';
import { sourceView, type Claim, type ComparisonView, type Pair } from '../lib/model';

/** Every claim of a source above the service's default threshold (all pages). */
async function claimsOf(sourceId: string): Promise<Claim[]> {
  const out: Claim[] = [];
  let after: string | null = null;
  for (;;) {
    const m: SourceClaimsQuery = await gql<SourceClaimsQuery, SourceClaimsQueryVariables>(
      DOCS.SourceClaims,
      {
        sourceId,
        after,
      },
    );
    if (!m.source) break;
    out.push(...m.source.claims.edges.map((e) => ({ ...e.node, source: { id: sourceId } })));
    if (!m.source.claims.pageInfo.hasNextPage) break;
    after = m.source.claims.pageInfo.endCursor;
  }
  return out;
}

/**
 * The comparison of two sources: texts, claims and links. `reload` asks again (linking may
 * still have been running); `reloadTick` tells dependants that it did.
 */
export function useComparison(
  leftId: string | null,
  rightId: string | null,
  keyVersion: number,
  fail: (e: unknown) => void,
  setError: (e: string | null) => void,
  /** null: the service's default display threshold (its links and stance); 0: every link. */
  askedMin: number | null = null,
) {
  const [view, setView] = useState<ComparisonView | null>(null);
  const [loadingView, setLoadingView] = useState(false);
  const [reloadTick, setReloadTick] = useState(0);
  useEffect(() => {
    if (!leftId || !rightId || leftId === rightId) {
      setView(null);
      return;
    }
    let cancelled = false;
    setLoadingView(true);
    setError(null);
    // Three requests at once (links, and each source's claims): one document with all of it
    // would pass the service's query cost limit.
    (async () => {
      const [d, leftClaims, rightClaims] = await Promise.all([
        gql<CompareQuery, CompareQueryVariables>(DOCS.Compare, {
          leftId,
          rightId,
          minConfidence: askedMin,
        }),
        claimsOf(leftId),
        claimsOf(rightId),
      ]);
      const c = d.compareSources;
      const pairs: Pair[] = [...c.contradicted, ...c.corroborated, ...c.discussed];
      if (cancelled) return;
      performance.mark('claimtrace:compare-data');
      setView({
        workspaceId: c.left.workspace.id,
        stance: c.stance,
        stanceLinks: c.stanceLinks,
        minConfidence: c.minConfidence,
        left: sourceView(
          c.left,
          leftClaims,
          pairs.map((x) => x.left),
        ),
        right: sourceView(
          c.right,
          rightClaims,
          pairs.map((x) => x.right),
        ),
        pairs,
      });
    })()
      .catch((e) => !cancelled && (setView(null), fail(e)))
      .finally(() => !cancelled && setLoadingView(false));
    return () => {
      cancelled = true;
    };
  }, [leftId, rightId, askedMin, keyVersion, reloadTick, fail]);

  useRenderBudgetMark(view);

  return { view, loadingView, reloadTick, reload: () => setReloadTick((t) => t + 1) };
}

/** First render budget: marked once the texts with their links are on screen. */
function useRenderBudgetMark(view: ComparisonView | null) {
  useEffect(() => {
    if (!view) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (performance.getEntriesByName('claimtrace:compare-rendered').length) return;
        const done = performance.mark('claimtrace:compare-rendered');
        const data = performance.getEntriesByName('claimtrace:compare-data')[0];
        // For the budget test: time since navigation, and the page's own share after the data.
        document.documentElement.dataset.renderedMs = String(Math.round(done.startTime));
        if (data)
          document.documentElement.dataset.renderOnlyMs = String(
            Math.round(done.startTime - data.startTime),
          );
      }),
    );
  }, [view]);
}
