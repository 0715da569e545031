import { useState } from 'preact/hooks';
import type { LinkRelation } from '../api/generated';
import { highlightWords } from '../lib/spans';
import { RELATIONS, STATUS_LABEL, percent } from '../lib/relations';

export interface CardClaim {
  id: string;
  text: string;
  source: { id: string; title?: string | null; publisher?: { name: string } | null };
}

export interface CardLink {
  id: string;
  relation: LinkRelation;
  confidence: number;
  method: string;
  origin: string;
  status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED';
  updatedAt: string;
  claim: { id: string };
  evidence: { id: string };
  signals: {
    kind: string;
    detail: string;
    left: string | null;
    right: string | null;
    weight: number | null;
  }[];
}

interface Props {
  link: CardLink;
  self: CardClaim;
  other: CardClaim;
  otherName: string;
  active: boolean;
  canReview: boolean;
  busy: boolean;
  history: Record<string, unknown>[] | null;
  /** "Go to" when the other statement is on the page, else a URL that opens its source. */
  onJump: (() => void) | null;
  openHref: string;
  onActivate(): void;
  onReview(decision: 'CONFIRM' | 'REJECT', note: string): void;
}

export function Words({ text, words }: { text: string; words: (string | null)[] }) {
  return (
    <>
      {highlightWords(text, words).map((w, i) =>
        w.hit ? (
          <mark key={i} class="signal-word">
            {w.text}
          </mark>
        ) : (
          w.text
        ),
      )}
    </>
  );
}

/** One link of the selected claim: why it was made, how sure, who said so, and review. */
export function LinkCard(p: Props) {
  const [note, setNote] = useState('');
  const rel = RELATIONS[p.link.relation];
  // Signal words are given from the link's claim side (left) and evidence side (right).
  const selfIsClaim = p.link.claim.id === p.self.id;
  const selfWords = p.link.signals.map((s) => (selfIsClaim ? s.left : s.right));
  const otherWords = p.link.signals.map((s) => (selfIsClaim ? s.right : s.left));
  const headingId = `link-h-${p.link.id}`;
  return (
    <li
      class={`link-card ${rel.className}${p.active ? ' active' : ''} status-${p.link.status.toLowerCase()}`}
      aria-labelledby={headingId}
      data-link={p.link.id}
    >
      <h4 id={headingId}>
        <button type="button" class="link-title" aria-expanded={p.active} onClick={p.onActivate}>
          <span class={`rel-icon ${rel.className}`} aria-hidden="true">
            {rel.icon}
          </span>
          {rel.label} <span class="muted">· {p.otherName}</span>
        </button>
      </h4>
      <p class="link-meta">
        <span
          class={`status-pill status-${p.link.status.toLowerCase()}`}
          data-status={p.link.status}
        >
          {STATUS_LABEL[p.link.status]}
        </span>{' '}
        <span>
          Confidence <strong>{percent(p.link.confidence)}</strong>{' '}
          <meter min={0} max={1} value={p.link.confidence} aria-hidden="true" />
        </span>{' '}
        <span class="muted">
          {p.link.origin === 'HUMAN' ? 'by' : 'method'} <code>{p.link.method}</code>
        </span>
      </p>
      {p.active && (
        <div class="link-body">
          <div class="statements">
            <figure>
              <figcaption>This statement</figcaption>
              <blockquote>
                <Words text={p.self.text} words={selfWords} />
              </blockquote>
            </figure>
            <figure>
              <figcaption>{p.otherName}</figcaption>
              <blockquote>
                <Words text={p.other.text} words={otherWords} />
              </blockquote>
            </figure>
          </div>
          {p.link.signals.length > 0 ? (
            <table class="signals">
              <caption>Signals</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Here</th>
                  <th scope="col">There</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {p.link.signals.map((s, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {s.kind}
                      {s.weight != null && <span class="muted"> ({s.weight.toFixed(2)})</span>}
                    </th>
                    <td>{(selfIsClaim ? s.left : s.right) ?? '—'}</td>
                    <td>{(selfIsClaim ? s.right : s.left) ?? '—'}</td>
                    <td>{s.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">No signals recorded.</p>
          )}
          <p class="actions">
            {p.onJump ? (
              <button type="button" onClick={p.onJump}>
                Go to the linked statement →
              </button>
            ) : (
              <a href={p.openHref}>Open the linked source side by side →</a>
            )}
          </p>
          {p.canReview && (
            <form
              class="review"
              onSubmit={(e) => {
                e.preventDefault();
              }}
            >
              <label>
                Note <span class="muted">(optional, kept in the link's history)</span>
                <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
              <div class="buttons">
                <button
                  type="button"
                  class="confirm"
                  disabled={p.busy || p.link.status === 'CONFIRMED'}
                  onClick={() => p.onReview('CONFIRM', note)}
                >
                  ✓ Confirm link
                </button>
                <button
                  type="button"
                  class="reject"
                  disabled={p.busy || p.link.status === 'REJECTED'}
                  onClick={() => p.onReview('REJECT', note)}
                >
                  ✕ Reject link
                </button>
              </div>
            </form>
          )}
          {p.history && <History entries={p.history} />}
        </div>
      )}
    </li>
  );
}

// Ids, ordering keys and raw before/after values add nothing a reader can use here.
const HIDDEN = new Set(['__typename', 'id', 'seq', 'details']);
const AT = /^(at|createdAt|timestamp|time|date|when|reviewedAt)$/i;

/** The history's shape is still being settled by its team: show whatever fields it has. */
function History({ entries }: { entries: Record<string, unknown>[] }) {
  return (
    <details class="history" open>
      <summary>History ({entries.length})</summary>
      {entries.length === 0 ? (
        <p class="muted">No changes yet.</p>
      ) : (
        <ol>
          {entries.map((e, i) => {
            const at = Object.entries(e).find(([k]) => AT.test(k))?.[1];
            return (
              <li key={i}>
                {typeof at === 'string' && (
                  <time dateTime={at}>{new Date(at).toLocaleString()}</time>
                )}{' '}
                {Object.entries(e)
                  .filter(([k, v]) => !AT.test(k) && !HIDDEN.has(k) && v != null && v !== '')
                  .map(([k, v]) => (
                    <span key={k} class="kv">
                      <span class="muted">{k}</span> {show(v)}
                    </span>
                  ))}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}

export function show(v: unknown): string {
  if (v == null) return '—';
  if (Array.isArray(v)) return v.map(show).join('; ');
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => k !== '__typename')
      .map(([, x]) => show(x))
      .join(' ');
  return String(v);
}
