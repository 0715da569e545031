import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LinkRelation } from '../api/generated';
import { applyFilters, countByRelation, type Filters } from '../lib/filters';
import type { ComparisonView, Pair } from '../lib/model';
import type { CardLink } from '../components/LinkCard';
import type { ClaimMarks } from '../components/SourceText';

/**
 * Links as the page shows them: the comparison's links plus those drawn here, with reviews made
 * here applied at once (`overrides`), then filtered. Made-here changes are dropped when the pair
 * of sources changes or the comparison is reloaded (`resetKey`).
 */
export function useShownLinks(
  view: ComparisonView | null,
  resetKey: readonly unknown[],
  filters: Filters,
  showRejected: boolean,
) {
  const [overrides, setOverrides] = useState<Map<string, Partial<CardLink>>>(new Map());
  const [added, setAdded] = useState<Pair[]>([]);
  useEffect(() => {
    setOverrides(new Map());
    setAdded([]);
  }, resetKey);
  const allPairs = useMemo(() => {
    if (!view) return [];
    const ids = new Set(view.pairs.map((x) => x.link.id));
    return [...view.pairs, ...added.filter((x) => !ids.has(x.link.id))].map((x) =>
      overrides.has(x.link.id)
        ? { ...x, link: { ...x.link, ...overrides.get(x.link.id) } as Pair['link'] }
        : x,
    );
  }, [view, added, overrides]);
  const effectiveFilters: Filters = { ...filters, showRejected };
  const visible = useMemo(
    () => applyFilters(allPairs, effectiveFilters),
    [allPairs, filters, showRejected],
  );
  const counts = useMemo(
    () => countByRelation(allPairs, effectiveFilters),
    [allPairs, filters, showRejected],
  );
  const marks = useMemo(() => marksOf(visible), [visible]);
  return { allPairs, visible, counts, marks, overrides, setOverrides, setAdded };
}

/** Per claim, how many visible links of each relation touch it (the marks in the text). */
function marksOf(visible: Pair[]) {
  const m = new Map<string, ClaimMarks>();
  const bump = (id: string, r: LinkRelation) => {
    const e = m.get(id) ?? { counts: {} };
    e.counts[r] = (e.counts[r] ?? 0) + 1;
    m.set(id, e);
  };
  for (const x of visible) {
    bump(x.left.id, x.link.relation);
    bump(x.right.id, x.link.relation);
  }
  return m;
}

/** Signal words of the open link, highlighted inside both claims in the text. */
export function useSignalWords(allPairs: Pair[], activeLinkId: string | null) {
  return useMemo(() => {
    const m = new Map<string, string[]>();
    const pair = allPairs.find((x) => x.link.id === activeLinkId);
    if (!pair) return m;
    const l = pair.link;
    const fromClaim = l.signals.map((s) => s.left).filter((w): w is string => !!w);
    const fromEvidence = l.signals.map((s) => s.right).filter((w): w is string => !!w);
    m.set(l.claim.id, fromClaim);
    m.set(l.evidence.id, fromEvidence);
    return m;
  }, [allPairs, activeLinkId]);
}
