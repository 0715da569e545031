import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { filtersFromParams, filtersToParams, type Filters } from '../lib/filters';

export type Navigate = (change: (p: URLSearchParams) => void, push?: boolean) => void;

/**
 * What the page shows lives in the URL (workspace, left, right, claim, filters), so a view can
 * be shared and the back button works. `navigate` pushes a history entry unless told not to.
 */
export function useUrlState() {
  const [params, setParams] = useState(() => new URLSearchParams(location.search));
  const navigate: Navigate = useCallback((change, push = true) => {
    const next = new URLSearchParams(location.search);
    change(next);
    const url = `${location.pathname}?${next.toString()}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    setParams(next);
  }, []);
  useEffect(() => {
    const onPop = () => setParams(new URLSearchParams(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilters = (f: Filters) => navigate((p) => filtersToParams(f, p), false);
  return {
    navigate,
    workspaceParam: params.get('workspace'),
    leftId: params.get('left'),
    rightId: params.get('right'),
    selectedId: params.get('claim'),
    filters,
    setFilters,
  };
}
