import { useState } from 'preact/hooks';
import type { ClaimDetailQuery, LinkRelation } from '../api/generated';
import { RELATIONS, RELATION_ORDER, percent } from '../lib/relations';
import { sourceName, type Claim, type ComparisonView, type Pair } from '../lib/model';
import { LinkCard, show, type CardClaim, type CardLink } from './LinkCard';

/** Claim.provenance fields worth a row beside revision, hash and retrieval time. */
const EXTRA = new Set(['summary', 'voice', 'extractedAt']);

type Detail = NonNullable<ClaimDetailQuery['claim']> & { provenance?: unknown };

interface Props {
  claim: Claim;
  side: 'left' | 'right';
  view: ComparisonView;
  /** Links of this claim between the two columns, already on the page. */
  pairs: Pair[];
  detail: Detail | null;
  detailError: string | null;
  activeLinkId: string | null;
  canReview: boolean;
  canCreate: boolean;
  busyLinkId: string | null;
  histories: ReadonlyMap<string, Record<string, unknown>[]>;
  overrides: ReadonlyMap<string, Partial<CardLink>>;
  hrefFor(leftId: string, rightId: string, claimId: string): string;
  onActivateLink(id: string | null): void;
  onJump(claimId: string): void;
  onReview(linkId: string, decision: 'CONFIRM' | 'REJECT', note: string): void;
  onCreate(evidenceClaimId: string, relation: LinkRelation, note: string): Promise<boolean>;
  onClose(): void;
}

/**
 * The selected claim: where it comes from, every link it takes part in, and (for editors) the
 * review controls. Links already on the page show at once; the full list (links to other
 * sources, provenance) replaces it when the claim query answers.
 */
export function ClaimPanel(p: Props) {
  const here = p.side === 'left' ? p.view.left : p.view.right;
  const there = p.side === 'left' ? p.view.right : p.view.left;
  const names = new Map([
    [p.view.left.id, sourceName(p.view.left)],
    [p.view.right.id, sourceName(p.view.right)],
  ]);
  const onPage = new Set([...p.view.left.claims, ...p.view.right.claims].map((c) => c.id));

  const cards: { link: CardLink; other: CardClaim }[] = p.detail
    ? p.detail.links.map((l) => ({
        link: l,
        other: l.claim.id === p.claim.id ? l.evidence : l.claim,
      }))
    : p.pairs.map((x) => ({
        link: x.link,
        other: { ...(p.side === 'left' ? x.right : x.left) },
      }));
  const withOverrides = cards.map((c) => ({
    ...c,
    link: { ...c.link, ...p.overrides.get(c.link.id) } as CardLink,
  }));
  withOverrides.sort(
    (a, b) =>
      RELATION_ORDER.indexOf(a.link.relation) - RELATION_ORDER.indexOf(b.link.relation) ||
      b.link.confidence - a.link.confidence,
  );
  const self: CardClaim = { id: p.claim.id, text: p.claim.text, source: { id: here.id } };

  return (
    <section class="panel-inner" aria-labelledby="panel-title">
      <div class="panel-head">
        <h3 id="panel-title" tabIndex={-1}>
          Selected statement
        </h3>
        <button
          type="button"
          class="close"
          onClick={p.onClose}
          aria-label="Close the details (Escape)"
        >
          ✕
        </button>
      </div>
      <blockquote class="selected-text">{p.claim.text}</blockquote>
      <p class="muted">
        {sourceName(here)} · sentence {p.claim.sentenceIndex + 1} · check-worthiness{' '}
        {percent(p.claim.checkworthiness)}
      </p>

      <h4 id="links-title">
        Links <span class="muted">({withOverrides.length})</span>
      </h4>
      {withOverrides.length === 0 && <p class="muted">No links yet.</p>}
      <ul class="link-list" aria-labelledby="links-title">
        {withOverrides.map(({ link, other }) => {
          const otherSource = other.source.id;
          const otherName =
            names.get(otherSource) ??
            (other.source.title || other.source.publisher?.name || 'another source');
          return (
            <LinkCard
              key={link.id}
              link={link}
              self={self}
              other={other}
              otherName={otherName}
              active={p.activeLinkId === link.id}
              canReview={p.canReview}
              busy={p.busyLinkId === link.id}
              history={p.histories.get(link.id) ?? null}
              onJump={onPage.has(other.id) ? () => p.onJump(other.id) : null}
              openHref={p.hrefFor(here.id, otherSource, p.claim.id)}
              onActivate={() => p.onActivateLink(p.activeLinkId === link.id ? null : link.id)}
              onReview={(d, note) => p.onReview(link.id, d, note)}
            />
          );
        })}
      </ul>
      {p.canCreate && <DrawLink there={there} onCreate={p.onCreate} />}
      <h4>Provenance</h4>
      {p.detail ? (
        <dl class="provenance">
          <dt>Revision</dt>
          <dd>{p.detail.revision.number}</dd>
          <dt>Text hash</dt>
          <dd>
            <code title={p.detail.revision.contentHash}>
              sha256:{p.detail.revision.contentHash.slice(0, 16)}…
            </code>
          </dd>
          <dt>Retrieved</dt>
          <dd>
            <time dateTime={p.detail.revision.retrievedAt}>
              {new Date(p.detail.revision.retrievedAt).toLocaleString()}
            </time>
          </dd>
          <dt>Offsets</dt>
          <dd>
            {p.claim.start}–{p.claim.end} <span class="muted">(code points)</span>
          </dd>
          <dt>Extractor</dt>
          <dd>
            <code>{p.detail.extractor}</code>
          </dd>
          {p.detail.provenance != null &&
            Object.entries(p.detail.provenance as Record<string, unknown>)
              .filter(([k, v]) => EXTRA.has(k) && v != null)
              .map(([k, v]) => [
                <dt key={k + 't'}>{k}</dt>,
                <dd key={k + 'd'}>
                  <code>{show(v)}</code>
                </dd>,
              ])}
        </dl>
      ) : (
        <p class="muted provenance-placeholder">{p.detailError ?? 'Loading provenance…'}</p>
      )}
    </section>
  );
}

/** A link drawn by hand: the other statement is picked from a list (works by keyboard). */
function DrawLink(p: {
  there: ComparisonView['left'];
  onCreate(evidenceClaimId: string, relation: LinkRelation, note: string): Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [relation, setRelation] = useState<LinkRelation>('CONTRADICTS');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          + Draw a link by hand
        </button>
      </p>
    );
  return (
    <form
      class="draw-link"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!target) return;
        setBusy(true);
        const ok = await p.onCreate(target, relation, note);
        setBusy(false);
        if (ok) {
          setOpen(false);
          setNote('');
          setTarget('');
        }
      }}
    >
      <fieldset>
        <legend>Relation</legend>
        {RELATION_ORDER.map((r) => (
          <label key={r} class="inline">
            <input
              type="radio"
              name="relation"
              value={r}
              checked={relation === r}
              onChange={() => setRelation(r)}
            />{' '}
            <span class={`rel-icon ${RELATIONS[r].className}`} aria-hidden="true">
              {RELATIONS[r].icon}
            </span>{' '}
            {RELATIONS[r].label}
          </label>
        ))}
      </fieldset>
      <label>
        Statement in {sourceName(p.there)}
        <select required value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">Choose a statement…</option>
          {p.there.claims.map((c) => (
            <option key={c.id} value={c.id}>
              {c.sentenceIndex + 1}. {c.text.length > 110 ? c.text.slice(0, 110) + '…' : c.text}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="buttons">
        <button type="submit" disabled={busy || !target}>
          Create link
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
