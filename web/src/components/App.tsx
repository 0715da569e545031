import { useState } from 'preact/hooks';
import { useClaimDetail, useLinkHistory } from '../hooks/useClaimDetail';
import { useComparison } from '../hooks/useComparison';
import { useReview } from '../hooks/useReview';
import { useSelection } from '../hooks/useSelection';
import { useMayEdit, useSession } from '../hooks/useSession';
import { useShownLinks, useSignalWords } from '../hooks/useShownLinks';
import { useUrlState } from '../hooks/useUrlState';
import { useWorkspaceSources, useWorkspaces } from '../hooks/useWorkspaceSources';
import { ClaimPanel } from './ClaimPanel';
import { ComparisonColumns, StanceLine } from './ComparisonColumns';
import { Coverage } from './Coverage';
import { LinkingProgress } from './LinkingProgress';
import { FilterBar } from './FilterBar';
import { Pickers } from './Pickers';
import { TopBar } from './TopBar';

/**
 * The comparison page: two sources side by side with the links between their claims. State
 * lives in hooks (../hooks): the URL, the session with the service, the data, the links as
 * shown, the selection and keyboard, the claim's details, and review; this component wires
 * them to the parts of the page.
 */
export function App() {
  const url = useUrlState();
  const { navigate, leftId, rightId, selectedId, filters } = url;
  const session = useSession();
  const { keyVersion, caps, fail, setStatus } = session;

  const workspaces = useWorkspaces(keyVersion, fail);
  // Until the user moves the slider, the service's default threshold (its links and stance);
  // after, every link once (0), filtered here, so dragging does not refetch.
  const askedMin = filters.minConfidence === null ? null : 0;
  const comparison = useComparison(leftId, rightId, keyVersion, fail, session.setError, askedMin);
  const { view } = comparison;
  const workspaceId = url.workspaceParam ?? view?.workspaceId ?? workspaces?.[0]?.id ?? null;
  const [mayEdit, setMayEdit] = useMayEdit(caps, workspaceId);
  const sources = useWorkspaceSources(workspaceId, keyVersion, fail);

  const [showRejected, setShowRejected] = useState(false);
  const links = useShownLinks(
    view,
    [leftId, rightId, comparison.reloadTick],
    filters,
    showRejected,
  );
  const selection = useSelection({
    view,
    selectedId,
    navigate,
    allPairs: links.allPairs,
    visible: links.visible,
    setStatus,
  });
  const { selected, select, activeLinkId } = selection;
  const words = useSignalWords(links.allPairs, activeLinkId);
  const { detail, detailError, reloadDetail } = useClaimDetail(selectedId, caps, keyVersion);
  const { histories, loadHistory } = useLinkHistory(caps, activeLinkId);
  const review = useReview({
    caps,
    setCaps: session.setCaps,
    mayEdit,
    setMayEdit,
    view,
    selectedClaim: selected?.claim ?? null,
    setStatus,
    setOverrides: links.setOverrides,
    setAdded: links.setAdded,
    setActiveLinkId: selection.setActiveLinkId,
    reloadDetail,
    loadHistory,
  });

  const hrefFor = (l: string, r: string, claim?: string) => {
    const p = new URLSearchParams();
    if (workspaceId) p.set('workspace', workspaceId);
    p.set('left', l);
    p.set('right', r);
    if (claim) p.set('claim', claim);
    return `?${p}`;
  };

  const pendingLinking = view
    ? [view.left, view.right].filter((s) =>
        sources?.find((x) => x.id === s.id && x.linkingStatus !== 'DONE'),
      )
    : [];

  return (
    <>
      <TopBar
        role={caps == null ? '' : review.canReview ? 'Editor' : 'Viewer'}
        keyOpen={session.keyOpen}
        needKey={session.needKey}
        onToggleKey={() => session.setKeyOpen(!session.keyOpen)}
        onSaveKey={session.saveKey}
      />

      {workspaceId && <LinkingProgress workspaceId={workspaceId} />}
      <Pickers
        workspaces={workspaces}
        workspaceId={workspaceId}
        sources={sources}
        leftId={leftId}
        rightId={rightId}
        navigate={navigate}
      />

      {caps?.coverage && workspaceId && (
        <details class="coverage-panel">
          <summary>Coverage across the workspace</summary>
          <Coverage
            cov={caps.coverage}
            workspaceId={workspaceId}
            hrefForSource={(id) => hrefFor(leftId ?? id, id)}
          />
        </details>
      )}

      <FilterBar
        filters={filters}
        defaultMin={view?.minConfidence ?? null}
        setFilters={url.setFilters}
        counts={links.counts}
        showRejected={showRejected}
        setShowRejected={setShowRejected}
      />

      <p class="status" role="status" aria-live="polite">
        {session.status}
      </p>
      {session.error && (
        <p class="error" role="alert">
          {session.error}
        </p>
      )}

      {!leftId || !rightId ? (
        <p class="hint">Choose two sources to read them side by side.</p>
      ) : leftId === rightId ? (
        <p class="hint">Choose two different sources.</p>
      ) : (
        <main class={`compare${selected ? ' with-panel' : ''}`} aria-busy={comparison.loadingView}>
          {view && (
            <StanceLine
              view={view}
              shown={links.visible.length}
              total={links.allPairs.length}
              linkingPending={pendingLinking.length > 0}
              onReload={comparison.reload}
            />
          )}
          <div class="columns-wrap">
            <ComparisonColumns
              view={view}
              visible={links.visible}
              marks={links.marks}
              words={words}
              selectedId={selectedId}
              focusIds={selection.focusIds}
              activeLinkId={activeLinkId}
              onSelect={(c) => select(c)}
              onKey={selection.onClaimKey}
              onPick={(x) => select(x.left, { link: x.link.id })}
            />
            {selected && view && (
              <aside class="panel" aria-label="Statement details">
                <ClaimPanel
                  claim={selected.claim}
                  side={selected.side}
                  view={view}
                  pairs={selection.selectedPairs}
                  detail={detail}
                  detailError={detailError}
                  activeLinkId={activeLinkId}
                  canReview={review.canReview}
                  canCreate={review.canCreate}
                  busyLinkId={review.busyLinkId}
                  histories={histories}
                  overrides={links.overrides}
                  hrefFor={hrefFor}
                  onActivateLink={selection.setActiveLinkId}
                  onJump={selection.jumpTo}
                  onReview={review.onReview}
                  onCreate={review.onCreate}
                  onClose={() => {
                    const id = selected.claim.id;
                    select(null);
                    requestAnimationFrame(() => document.getElementById(`claim-${id}`)?.focus());
                  }}
                />
              </aside>
            )}
          </div>
        </main>
      )}
    </>
  );
}
