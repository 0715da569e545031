import { useRef } from 'preact/hooks';
import { sourceName, type Claim, type ComparisonView, type Pair } from '../lib/model';
import { RELATIONS } from '../lib/relations';
import { LinkGutter } from './LinkGutter';
import { SourceText, type ClaimMarks } from './SourceText';

/** The overall stance of the right source towards the left, and how many links are shown. */
export function StanceLine(p: {
  view: ComparisonView;
  shown: number;
  total: number;
  linkingPending: boolean;
  onReload(): void;
}) {
  const { view } = p;
  return (
    <p class="stance">
      {view.stance ? (
        <>
          <span class={`rel-icon ${RELATIONS[view.stance].className}`} aria-hidden="true">
            {RELATIONS[view.stance].icon}
          </span>{' '}
          Overall, <strong>{sourceName(view.right)}</strong> {RELATIONS[view.stance].verb}{' '}
          <strong>{sourceName(view.left)}</strong>{' '}
          <span class="muted">
            (read from {view.stanceLinks} {view.stanceLinks === 1 ? 'link' : 'links'}, shown or
            not).
          </span>
        </>
      ) : (
        <>These two sources are not linked.</>
      )}{' '}
      <span class="muted">
        {p.shown} of {p.total} links shown.
      </span>
      {p.linkingPending && (
        <>
          {' '}
          <span class="warn">
            Linking is still running; links may be missing.{' '}
            <button type="button" onClick={p.onReload}>
              Reload
            </button>
          </span>
        </>
      )}
    </p>
  );
}

/** The two texts side by side with their claims marked, and the links drawn between them. */
export function ComparisonColumns(p: {
  view: ComparisonView | null;
  visible: Pair[];
  marks: Map<string, ClaimMarks>;
  words: Map<string, string[]>;
  selectedId: string | null;
  focusIds: { left: string | null; right: string | null };
  activeLinkId: string | null;
  onSelect(claim: Claim): void;
  onKey(e: KeyboardEvent, claim: Claim): void;
  onPick(pair: Pair): void;
}) {
  const { view } = p;
  const bodyRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);
  return (
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
              marks={p.marks}
              selectedId={p.selectedId}
              focusId={p.focusIds.left}
              words={p.words}
              onSelect={p.onSelect}
              onKey={p.onKey}
            />
          </article>
          <div class="gutter" ref={gutterRef}>
            <LinkGutter
              pairs={p.visible}
              bodyRef={bodyRef}
              gutterRef={gutterRef}
              activeClaimId={p.selectedId}
              activeLinkId={p.activeLinkId}
              onPick={p.onPick}
            />
          </div>
          <article class="col right" aria-label={`Right: ${sourceName(view.right)}`}>
            <SourceText
              side="right"
              source={view.right}
              marks={p.marks}
              selectedId={p.selectedId}
              focusId={p.focusIds.right}
              words={p.words}
              onSelect={p.onSelect}
              onKey={p.onKey}
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
