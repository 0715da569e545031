import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { GraphqlError, getApiKey, gql, setApiKey } from '../api/client';
import { ASSUME_ALL, loadCapabilities, loadMayEdit, type Capabilities } from '../api/capabilities';
import { DOCS } from '../api/documents';
import type {
  ClaimDetailQuery,
  ClaimDetailQueryVariables,
  CompareQuery,
  CompareQueryVariables,
  CreateLinkMutation,
  CreateLinkMutationVariables,
  LinkRelation,
  ReviewLinkMutation,
  ReviewLinkMutationVariables,
  SourceClaimsQuery,
  SourceClaimsQueryVariables,
  WorkspaceSourcesQuery,
  WorkspaceSourcesQueryVariables,
  WorkspacesQuery,
} from '../api/generated';
import {
  applyFilters,
  countByRelation,
  filtersFromParams,
  filtersToParams,
  type Filters,
} from '../lib/filters';
import { sourceName, sourceView, type Claim, type ComparisonView, type Pair } from '../lib/model';
import { RELATIONS, RELATION_ORDER } from '../lib/relations';
import { ClaimPanel } from './ClaimPanel';
import { Coverage } from './Coverage';
import type { CardLink } from './LinkCard';
import { LinkGutter } from './LinkGutter';
import { SourceText, type ClaimMarks } from './SourceText';

type SourceItem = NonNullable<
  WorkspaceSourcesQuery['workspace']
>['sources']['edges'][number]['node'];
type Detail = NonNullable<ClaimDetailQuery['claim']> & { provenance?: unknown };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function App() {
  const [params, setParams] = useState(() => new URLSearchParams(location.search));
  const leftId = params.get('left');
  const rightId = params.get('right');
  const selectedId = params.get('claim');
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [showRejected, setShowRejected] = useState(false);
  const effectiveFilters: Filters = { ...filters, showRejected };

  const navigate = useCallback((change: (p: URLSearchParams) => void, push = true) => {
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

  // ---- what the service offers, and who the user is
  const [keyVersion, setKeyVersion] = useState(0);
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [mayEdit, setMayEdit] = useState(false);
  const [needKey, setNeedKey] = useState(false);
  const [keyOpen, setKeyOpen] = useState(false);
  useEffect(() => {
    loadCapabilities()
      .then(setCaps)
      .catch((e) => {
        if (e instanceof GraphqlError && e.code === 'UNAUTHENTICATED') setNeedKey(true);
        setCaps(ASSUME_ALL);
      });
  }, [keyVersion]);

  // ---- status line, read out by screen readers
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => {
    if (e instanceof GraphqlError && e.code === 'UNAUTHENTICATED') {
      setNeedKey(true);
      setKeyOpen(true);
    }
    setError(messageOf(e));
  }, []);

  // ---- workspaces and their sources
  const [workspaces, setWorkspaces] = useState<WorkspacesQuery['workspaces'] | null>(null);
  useEffect(() => {
    gql<WorkspacesQuery>(DOCS.Workspaces).then((d) => setWorkspaces(d.workspaces), fail);
  }, [keyVersion, fail]);

  const [view, setView] = useState<ComparisonView | null>(null);
  const [loadingView, setLoadingView] = useState(false);
  const workspaceId = params.get('workspace') ?? view?.workspaceId ?? workspaces?.[0]?.id ?? null;
  // Roles are per workspace: ask again when it changes.
  useEffect(() => {
    if (!caps) return;
    setMayEdit(false);
    void loadMayEdit(caps, workspaceId).then(setMayEdit);
  }, [caps, workspaceId]);

  const [sources, setSources] = useState<SourceItem[] | null>(null);
  useEffect(() => {
    if (!workspaceId) return;
    let cancelled = false;
    (async () => {
      const all: SourceItem[] = [];
      let after: string | null = null;
      for (;;) {
        const d: WorkspaceSourcesQuery = await gql<
          WorkspaceSourcesQuery,
          WorkspaceSourcesQueryVariables
        >(DOCS.WorkspaceSources, { id: workspaceId, after });
        const conn = d.workspace?.sources;
        if (!conn) break;
        all.push(...conn.edges.map((e) => e.node));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      if (!cancelled) setSources(all);
    })().catch(fail);
    return () => {
      cancelled = true;
    };
  }, [workspaceId, keyVersion, fail]);

  // ---- the comparison: texts, claims and links in one round trip
  const [reloadTick, setReloadTick] = useState(0);
  // Until the user moves the slider, the service's default threshold (its links and stance);
  // after, every link once (0), filtered here, so dragging does not refetch.
  const askedMin = filters.minConfidence === null ? null : 0;
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
    const claimsOf = async (sourceId: string) => {
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
    };
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

  // First render budget: marked once the texts with their links are on screen.
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

  // ---- links as the page shows them, with reviews applied at once
  const [overrides, setOverrides] = useState<Map<string, Partial<CardLink>>>(new Map());
  const [added, setAdded] = useState<Pair[]>([]);
  useEffect(() => {
    setOverrides(new Map());
    setAdded([]);
  }, [leftId, rightId, reloadTick]);
  const allPairs = useMemo(() => {
    if (!view) return [];
    const ids = new Set(view.pairs.map((x) => x.link.id));
    return [...view.pairs, ...added.filter((x) => !ids.has(x.link.id))].map((x) =>
      overrides.has(x.link.id)
        ? { ...x, link: { ...x.link, ...overrides.get(x.link.id) } as Pair['link'] }
        : x,
    );
  }, [view, added, overrides]);
  const visible = useMemo(
    () => applyFilters(allPairs, effectiveFilters),
    [allPairs, filters, showRejected],
  );
  const counts = useMemo(
    () => countByRelation(allPairs, effectiveFilters),
    [allPairs, filters, showRejected],
  );

  const marks = useMemo(() => {
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
  }, [visible]);

  // ---- selection
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

  // Claim details: every link (also to other sources) and provenance.
  const [detail, setDetail] = useState<Detail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [detailTick, setDetailTick] = useState(0);
  useEffect(() => {
    setDetail(null);
    setDetailError(null);
    if (!selectedId || !caps) return;
    let doc = DOCS.ClaimDetail;
    if (caps.provenanceSelection != null)
      doc = doc.replace(
        /\bextractor\b/,
        `extractor provenance ${caps.provenanceSelection ? `{ ${caps.provenanceSelection} }` : ''}`,
      );
    let cancelled = false;
    gql<ClaimDetailQuery, ClaimDetailQueryVariables>(doc, { id: selectedId })
      .then((d) => !cancelled && setDetail(d.claim as Detail))
      .catch((e) => !cancelled && setDetailError(`Could not load the details: ${messageOf(e)}`));
    return () => {
      cancelled = true;
    };
  }, [selectedId, caps, detailTick, keyVersion]);

  // Link history, for the open link, when the schema has it.
  const [histories, setHistories] = useState<Map<string, Record<string, unknown>[]>>(new Map());
  const loadHistory = useCallback(
    async (linkId: string) => {
      if (!caps?.historySelection) return;
      // A field the server fails to resolve (an error with a path into an entry) is dropped and
      // the query retried, so one broken column does not hide the whole history.
      let fields = caps.historySelection.split(' ').filter(Boolean);
      for (let attempt = 0; attempt < 3 && fields.length; attempt++) {
        try {
          const d = await gql<
            { link: { history: Record<string, unknown>[] } | null },
            { id: string }
          >(
            `query LinkHistory($id: ID!) { link(id: $id) { id history { ${fields.join(' ')} } } }`,
            { id: linkId },
          );
          if (d.link) setHistories((h) => new Map(h).set(linkId, d.link!.history));
          return;
        } catch (e) {
          const bad = new Set(
            e instanceof GraphqlError
              ? e.errors
                  .map((x) => (x as { path?: unknown[] }).path?.at(-1))
                  .filter((x) => typeof x === 'string')
              : [],
          );
          if (!bad.size) return;
          fields = fields.filter((f) => !bad.has(f));
        }
      }
    },
    [caps],
  );
  useEffect(() => {
    if (activeLinkId) void loadHistory(activeLinkId);
  }, [activeLinkId, loadHistory]);

  // ---- review
  const canReview = !!caps?.reviewLink && mayEdit;
  const canCreate = !!caps?.createLink && mayEdit && !!view;
  const [busyLinkId, setBusyLinkId] = useState<string | null>(null);
  const reviewFailed = (e: unknown, what: 'reviewLink' | 'createLink') => {
    if (e instanceof GraphqlError && e.unknownField) {
      // The service does not have review yet (introspection was off): drop the buttons.
      setCaps((c) => (c ? { ...c, [what]: false } : c));
      setStatus('This service does not offer link review yet.');
    } else if (e instanceof GraphqlError && e.code === 'FORBIDDEN') {
      setMayEdit(false);
      setStatus('Your key may read but not review.');
    } else setStatus(`Review failed: ${messageOf(e)}`);
  };
  const onReview = async (linkId: string, decision: 'CONFIRM' | 'REJECT', note: string) => {
    setBusyLinkId(linkId);
    try {
      const d = await gql<ReviewLinkMutation, ReviewLinkMutationVariables>(DOCS.ReviewLink, {
        input: { linkId, decision, note: note.trim() || null },
      });
      const l = d.reviewLink;
      setOverrides((o) =>
        new Map(o).set(linkId, {
          status: l.status,
          relation: l.relation,
          confidence: l.confidence,
          method: l.method,
          origin: l.origin,
          updatedAt: l.updatedAt,
          signals: l.signals,
        }),
      );
      setStatus(decision === 'CONFIRM' ? 'Link confirmed.' : 'Link rejected.');
      void loadHistory(linkId);
    } catch (e) {
      reviewFailed(e, 'reviewLink');
    } finally {
      setBusyLinkId(null);
    }
  };
  const onCreate = async (evidenceClaimId: string, relation: LinkRelation, note: string) => {
    if (!selected || !view) return false;
    try {
      const d = await gql<CreateLinkMutation, CreateLinkMutationVariables>(DOCS.CreateLink, {
        input: { claimId: selected.claim.id, evidenceClaimId, relation, note: note.trim() || null },
      });
      const l = d.createLink;
      const leftClaim = l.claim.source.id === view.left.id ? l.claim : l.evidence;
      const rightClaim = l.claim.source.id === view.left.id ? l.evidence : l.claim;
      setAdded((a) => [...a, { left: leftClaim, right: rightClaim, link: l }]);
      setActiveLinkId(l.id);
      setDetailTick((t) => t + 1);
      setStatus(`${RELATIONS[relation].label} link created.`);
      return true;
    } catch (e) {
      reviewFailed(e, 'createLink');
      return false;
    }
  };

  // ---- keyboard: arrows move within a column, across to the linked statement, Enter opens
  const onClaimKey = (e: KeyboardEvent, claim: Claim) => {
    if (!view) return;
    const side = view.left.claims.some((c) => c.id === claim.id) ? 'left' : 'right';
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

  // Signal words of the open link, highlighted inside both claims in the text.
  const words = useMemo(() => {
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

  const bodyRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);
  const hrefFor = (l: string, r: string, claim?: string) => {
    const p = new URLSearchParams();
    if (workspaceId) p.set('workspace', workspaceId);
    p.set('left', l);
    p.set('right', r);
    if (claim) p.set('claim', claim);
    return `?${p}`;
  };
  const setFilters = (f: Filters) => navigate((p) => filtersToParams(f, p), false);
  const shownMin = filters.minConfidence ?? view?.minConfidence ?? 0;

  const pendingLinking = view
    ? [view.left, view.right].filter((s) =>
        sources?.find((x) => x.id === s.id && x.linkingStatus !== 'DONE'),
      )
    : [];

  return (
    <>
      <header class="top">
        <h1>
          claimtrace <span class="muted">· compare sources</span>
        </h1>
        <nav aria-label="Elsewhere">
          <a href="/explorer">API explorer</a>
          <button
            type="button"
            aria-expanded={keyOpen}
            aria-controls="key-form"
            onClick={() => setKeyOpen(!keyOpen)}
          >
            {getApiKey() ? 'API key ✓' : 'API key'}
          </button>
          <span class="role-pill" data-testid="role">
            {caps == null ? '' : canReview ? 'Editor' : 'Viewer'}
          </span>
        </nav>
      </header>
      {keyOpen && (
        <KeyForm
          needKey={needKey}
          onSave={(k) => {
            setApiKey(k);
            setNeedKey(false);
            setKeyOpen(false);
            setKeyVersion((v) => v + 1);
          }}
        />
      )}

      <section class="pickers" aria-label="Choose what to compare">
        <label class="ws">
          Workspace
          <select
            value={workspaceId ?? ''}
            onChange={(e) =>
              navigate((p) => {
                p.set('workspace', e.currentTarget.value);
                p.delete('left');
                p.delete('right');
                p.delete('claim');
              })
            }
          >
            {(workspaces ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <SourcePicker
          label="Left source"
          name="left"
          sources={sources}
          value={leftId}
          other={rightId}
          onChange={(id) => navigate((p) => (p.set('left', id), p.delete('claim')))}
        />
        <button
          type="button"
          class="swap"
          aria-label="Swap left and right sources"
          disabled={!leftId || !rightId}
          onClick={() => navigate((p) => (p.set('left', rightId!), p.set('right', leftId!)))}
        >
          ⇄
        </button>
        <SourcePicker
          label="Right source"
          name="right"
          sources={sources}
          value={rightId}
          other={leftId}
          onChange={(id) => navigate((p) => (p.set('right', id), p.delete('claim')))}
        />
      </section>

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

      <div class="toolbar" role="group" aria-label="Filter links">
        <fieldset class="relations">
          <legend>Show links</legend>
          {RELATION_ORDER.map((r) => (
            <label key={r} class={`chip ${RELATIONS[r].className}`}>
              <input
                type="checkbox"
                checked={filters.relations[r]}
                onChange={(e) =>
                  setFilters({
                    ...filters,
                    relations: { ...filters.relations, [r]: e.currentTarget.checked },
                  })
                }
              />
              <span class="rel-icon" aria-hidden="true">
                {RELATIONS[r].icon}
              </span>{' '}
              {RELATIONS[r].label} <span class="count">({counts[r]})</span>
            </label>
          ))}
        </fieldset>
        <label class="confidence">
          Minimum confidence{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={shownMin}
            aria-valuetext={`${Math.round(shownMin * 100)}%`}
            onInput={(e) =>
              setFilters({ ...filters, minConfidence: Number(e.currentTarget.value) })
            }
          />{' '}
          <output>{Math.round(shownMin * 100)}%</output>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={showRejected}
            onChange={(e) => setShowRejected(e.currentTarget.checked)}
          />{' '}
          Show rejected
        </label>
        <details class="keys">
          <summary>Keyboard</summary>
          <ul>
            <li>
              <kbd>↑</kbd> <kbd>↓</kbd> (or <kbd>j</kbd> <kbd>k</kbd>): previous / next claim in a
              column
            </li>
            <li>
              <kbd>→</kbd> from the left, <kbd>←</kbd> from the right: go to the linked statement
            </li>
            <li>
              <kbd>Enter</kbd>: open a claim; again: go to its links. <kbd>Esc</kbd>: close
            </li>
            <li>
              <kbd>Tab</kbd>: left column, right column, then the links and their buttons
            </li>
          </ul>
        </details>
      </div>

      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {!leftId || !rightId ? (
        <p class="hint">Choose two sources to read them side by side.</p>
      ) : leftId === rightId ? (
        <p class="hint">Choose two different sources.</p>
      ) : (
        <main class={`compare${selected ? ' with-panel' : ''}`} aria-busy={loadingView}>
          {view && (
            <p class="stance">
              {view.stance ? (
                <>
                  <span class={`rel-icon ${RELATIONS[view.stance].className}`} aria-hidden="true">
                    {RELATIONS[view.stance].icon}
                  </span>{' '}
                  Overall, <strong>{sourceName(view.right)}</strong> {RELATIONS[view.stance].verb}{' '}
                  <strong>{sourceName(view.left)}</strong>.
                </>
              ) : (
                <>These two sources are not linked.</>
              )}{' '}
              <span class="muted">
                {visible.length} of {allPairs.length} links shown.
              </span>
              {pendingLinking.length > 0 && (
                <>
                  {' '}
                  <span class="warn">
                    Linking is still running; links may be missing.{' '}
                    <button type="button" onClick={() => setReloadTick((t) => t + 1)}>
                      Reload
                    </button>
                  </span>
                </>
              )}
            </p>
          )}
          <div class="columns-wrap">
            <div class="columns" ref={bodyRef}>
              <ColumnHead side="left" source={view?.left} n={view?.left.claims.length} />
              <div class="gutter-head" aria-hidden="true">
                Links
              </div>
              <ColumnHead side="right" source={view?.right} n={view?.right.claims.length} />
              {view ? (
                <>
                  <article class="col left" aria-label={`Left: ${sourceName(view.left)}`}>
                    <SourceText
                      side="left"
                      source={view.left}
                      marks={marks}
                      selectedId={selectedId}
                      focusId={focusIds.left}
                      words={words}
                      onSelect={(c) => select(c)}
                      onKey={onClaimKey}
                    />
                  </article>
                  <div class="gutter" ref={gutterRef}>
                    <LinkGutter
                      pairs={visible}
                      bodyRef={bodyRef}
                      gutterRef={gutterRef}
                      activeClaimId={selectedId}
                      activeLinkId={activeLinkId}
                      onPick={(x) => select(x.left, { link: x.link.id })}
                    />
                  </div>
                  <article class="col right" aria-label={`Right: ${sourceName(view.right)}`}>
                    <SourceText
                      side="right"
                      source={view.right}
                      marks={marks}
                      selectedId={selectedId}
                      focusId={focusIds.right}
                      words={words}
                      onSelect={(c) => select(c)}
                      onKey={onClaimKey}
                    />
                  </article>
                </>
              ) : (
                <>
                  <div class="col skeleton" />
                  <div class="gutter" />
                  <div class="col skeleton" />
                </>
              )}
            </div>
            {selected && view && (
              <aside class="panel" aria-label="Statement details">
                <ClaimPanel
                  claim={selected.claim}
                  side={selected.side}
                  view={view}
                  pairs={selectedPairs}
                  detail={detail}
                  detailError={detailError}
                  activeLinkId={activeLinkId}
                  canReview={canReview}
                  canCreate={canCreate}
                  busyLinkId={busyLinkId}
                  histories={histories}
                  overrides={overrides}
                  hrefFor={hrefFor}
                  onActivateLink={setActiveLinkId}
                  onJump={jumpTo}
                  onReview={onReview}
                  onCreate={onCreate}
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

function ColumnHead(p: { side: string; source?: ComparisonView['left']; n?: number }) {
  return (
    <div class={`col-head ${p.side}`}>
      {p.source ? (
        <>
          <h2>{p.source.title ?? 'Untitled source'}</h2>
          <p class="muted">
            {p.source.publisher?.name ?? 'Unknown publisher'}
            {p.source.publishedAt && (
              <> · {new Date(p.source.publishedAt).toLocaleDateString()}</>
            )}{' '}
            · {p.n} claims
            {p.source.url && (
              <>
                {' '}
                · <a href={p.source.url}>original</a>
              </>
            )}
          </p>
        </>
      ) : (
        <h2 class="muted">Loading…</h2>
      )}
    </div>
  );
}

function SourcePicker(p: {
  label: string;
  name: string;
  sources: SourceItem[] | null;
  value: string | null;
  other: string | null;
  onChange(id: string): void;
}) {
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = (p.sources ?? []).filter(
    (s) =>
      s.id === p.value ||
      !needle ||
      (s.title ?? '').toLowerCase().includes(needle) ||
      (s.publisher?.name ?? '').toLowerCase().includes(needle),
  );
  const id = `picker-${p.name}`;
  return (
    <div class="picker" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} class="picker-label">
        {p.label}
      </span>
      <label class="sr-only" for={`${id}-q`}>
        Search {p.label.toLowerCase()} by title or publisher
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder="Search title or publisher"
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        aria-controls={`${id}-s`}
      />
      <select
        id={`${id}-s`}
        aria-label={p.label}
        value={p.value ?? ''}
        onChange={(e) => e.currentTarget.value && p.onChange(e.currentTarget.value)}
      >
        <option value="">{p.sources ? `Choose (${shown.length} match)` : 'Loading…'}</option>
        {shown.map((s) => (
          <option key={s.id} value={s.id} disabled={s.id === p.other}>
            {s.publisher?.name ? `${s.publisher.name} — ` : ''}
            {s.title ?? 'Untitled'}
            {s.linkingStatus !== 'DONE' ? ` (linking ${s.linkingStatus.toLowerCase()})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function KeyForm(p: { needKey: boolean; onSave(key: string | null): void }) {
  const [key, setKey] = useState(getApiKey() ?? '');
  return (
    <form
      id="key-form"
      class="key-form"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave(key.trim() || null);
      }}
    >
      {p.needKey && <p role="alert">The API asks for a key.</p>}
      <label>
        API key <span class="muted">(kept in this browser only, sent as a Bearer token)</span>
        <input
          type="password"
          autoComplete="off"
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Save</button>
      <button type="button" onClick={() => p.onSave(null)}>
        Forget key
      </button>
    </form>
  );
}
