import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Claim, ComparisonView, Pair } from '../lib/model';
import { RELATION_ORDER } from '../lib/relations';
import type { Navigate } from './useUrlState';

type Side = 'left' | 'right';

/**
 * The selected claim (in the URL), the open link, the focused claim of each column, and the
 * keyboard: arrows move within a column or across to the linked statement, Enter opens.
 */
export function useSelection(p: {
  view: ComparisonView | null;
  selectedId: string | null;
  navigate: Navigate;
  allPairs: Pair[];
  visible: Pair[];
  setStatus: (s: string) => void;
}) {
  const { view, selectedId, navigate, allPairs, visible, setStatus } = p;
  const selected = useMemo(() => {
    if (!view || !selectedId) return null;
    const l = view.left.claims.find((c) => c.id === selectedId);
    if (l) return { claim: l, side: 'left' as const };
    const r = view.right.claims.find((c) => c.id === selectedId);
    return r ? { claim: r, side: 'right' as const } : null;
  }, [view, selectedId]);
  const [activeLinkId, setActiveLinkId] = useState<string | null>(null);
  const [focusIds, setFocusIds] = useState<{ left: string | null; right: string | null }>({
    left: null,
    right: null,
  });
  useEffect(() => {
    if (!view) return;
    setFocusIds((f) => ({
      left:
        f.left && view.left.claims.some((c) => c.id === f.left)
          ? f.left
          : (view.left.claims[0]?.id ?? null),
      right:
        f.right && view.right.claims.some((c) => c.id === f.right)
          ? f.right
          : (view.right.claims[0]?.id ?? null),
    }));
  }, [view]);

  const selectedPairs = useMemo(
    () =>
      selected
        ? allPairs.filter(
            (x) => x.left.id === selected.claim.id || x.right.id === selected.claim.id,
          )
        : [],
    [allPairs, selected],
  );

  const select = useCallback(
    (claim: Claim | null, opts: { focus?: boolean; link?: string | null } = {}) => {
      navigate((p) => (claim ? p.set('claim', claim.id) : p.delete('claim')), false);
      if (!claim) {
        setActiveLinkId(null);
        return;
      }
      const side = view?.left.claims.some((c) => c.id === claim.id) ? 'left' : 'right';
      setFocusIds((f) => ({ ...f, [side]: claim.id }));
      // Open the strongest visible link at once: its signal words are what the reader came for.
      const first =
        opts.link !== undefined
          ? opts.link
          : (RELATION_ORDER.flatMap((r) =>
              visible.filter(
                (x) => x.link.relation === r && (x.left.id === claim.id || x.right.id === claim.id),
              ),
            )[0]?.link.id ?? null);
      setActiveLinkId(first);
      if (!opts.focus)
        // On narrow screens (and at 200% zoom) the details are a sheet over the bottom of the
        // page: scroll the selected claim above it, once it is drawn.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const el = document.getElementById(`claim-${claim.id}`);
            const sheet = document.querySelector<HTMLElement>('.panel');
            if (!el || !sheet || getComputedStyle(sheet).position !== 'fixed') return;
            const over = el.getBoundingClientRect().bottom - sheet.getBoundingClientRect().top;
            if (over > 0) window.scrollBy(0, over + 16);
          }),
        );
      if (opts.focus) {
        requestAnimationFrame(() => {
          const el = document.getElementById(`claim-${claim.id}`);
          el?.focus({ preventScroll: true });
          el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
        });
      }
    },
    [navigate, view, visible],
  );

  const onClaimKey = (e: KeyboardEvent, claim: Claim) => {
    if (!view) return;
    const side: Side = view.left.claims.some((c) => c.id === claim.id) ? 'left' : 'right';
    const list = side === 'left' ? view.left.claims : view.right.claims;
    const i = list.findIndex((c) => c.id === claim.id);
    const move = (c: Claim | undefined) => {
      if (!c) return;
      e.preventDefault();
      setFocusIds((f) => ({ ...f, [side]: c.id }));
      requestAnimationFrame(() => document.getElementById(`claim-${c.id}`)?.focus());
    };
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        return move(list[i + 1]);
      case 'ArrowUp':
      case 'k':
        return move(list[i - 1]);
      case 'Home':
        return move(list[0]);
      case 'End':
        return move(list[list.length - 1]);
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (selectedId === claim.id) document.getElementById('panel-title')?.focus();
        else select(claim);
        return;
      case 'Escape':
        return select(null);
      case 'ArrowRight':
      case 'ArrowLeft': {
        if ((e.key === 'ArrowRight') !== (side === 'left')) return;
        const own = visible.filter((x) => (side === 'left' ? x.left.id : x.right.id) === claim.id);
        const target = RELATION_ORDER.flatMap((r) => own.filter((x) => x.link.relation === r))[0];
        if (!target) return setStatus('This statement has no visible link.');
        e.preventDefault();
        select(side === 'left' ? target.right : target.left, { focus: true, link: target.link.id });
      }
    }
  };

  const jumpTo = (claimId: string) => {
    if (!view) return;
    const c = [...view.left.claims, ...view.right.claims].find((x) => x.id === claimId);
    if (c) select(c, { focus: true, link: activeLinkId });
  };

  return {
    selected,
    selectedPairs,
    activeLinkId,
    setActiveLinkId,
    focusIds,
    select,
    onClaimKey,
    jumpTo,
  };
}
