import { useEffect, useState } from 'preact/hooks';
import { gql } from '../api/client';
import type { Capabilities } from '../api/capabilities';

type Cov = NonNullable<Capabilities['coverage']>;
interface Cell {
  kind: string;
  publisher: { id: string; label: string };
  cluster: { id: string; label: string };
  claims: { id: string; text: string; source: { id: string; title: string | null } }[];
}

const KINDS: Record<string, { icon: string; label: string; className: string }> = {
  ASSERTS: { icon: '●', label: 'Asserts', className: 'rel-corroborates' },
  CONTRADICTS: { icon: '✕', label: 'Contradicts', className: 'rel-contradicts' },
  DISCUSSES: { icon: '?', label: 'Discusses', className: 'rel-discusses' },
  OMITS: { icon: '–', label: 'Omits', className: 'omits' },
};

function labelled(v: unknown): { id: string; label: string } {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const id = String(o.id ?? JSON.stringify(o));
    const label = Object.entries(o).find(([k]) => k !== 'id' && k !== '__typename')?.[1];
    return { id, label: String(label ?? id) };
  }
  return { id: String(v), label: String(v) };
}

/**
 * Publishers x claim clusters for the workspace, one button per cell that opens the statements
 * behind it. Rendered only when the schema has a coverage query it can read (see capabilities).
 */
export function Coverage(p: { cov: Cov; workspaceId: string; hrefForSource(id: string): string }) {
  const [cells, setCells] = useState<Cell[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<Cell | null>(null);
  useEffect(() => {
    setCells(null);
    setOpen(null);
    gql<Record<string, unknown>, { ws: string }>(p.cov.query, { ws: p.workspaceId })
      .then((data) => {
        let raw: unknown = data.coverage;
        for (const k of p.cov.path) raw = (raw as Record<string, unknown>)[k];
        setCells(
          ((raw as Record<string, unknown>[]) ?? []).map((c) => ({
            kind: String(c[p.cov.cell.kind]),
            publisher: labelled(c[p.cov.cell.publisher]),
            cluster: labelled(c[p.cov.cell.cluster]),
            claims: (p.cov.cell.claims ? (c[p.cov.cell.claims] as Cell['claims']) : []) ?? [],
          })),
        );
      })
      .catch(() => setFailed(true));
  }, [p.cov, p.workspaceId]);
  if (failed) return null;
  if (!cells) return <p class="muted">Loading coverage…</p>;
  if (cells.length === 0) return <p class="muted">No claim clusters in this workspace yet.</p>;
  const pubs = [...new Map(cells.map((c) => [c.publisher.id, c.publisher])).values()].sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  const clusters = [...new Map(cells.map((c) => [c.cluster.id, c.cluster])).values()];
  const at = new Map(cells.map((c) => [`${c.publisher.id}|${c.cluster.id}`, c]));
  return (
    <div class="coverage">
      <div
        class="coverage-scroll"
        tabIndex={0}
        role="region"
        aria-label="Coverage matrix, scrollable"
      >
        <table>
          <caption>
            Which publisher asserts, contradicts, discusses or omits each claim cluster
          </caption>
          <thead>
            <tr>
              <th scope="col">Publisher</th>
              {clusters.map((c) => (
                <th scope="col" key={c.id} title={c.label}>
                  <span class="cluster-label">{c.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pubs.map((pub) => (
              <tr key={pub.id}>
                <th scope="row">{pub.label}</th>
                {clusters.map((cl) => {
                  const cell = at.get(`${pub.id}|${cl.id}`);
                  const k = cell
                    ? (KINDS[cell.kind] ?? { icon: '·', label: cell.kind, className: '' })
                    : null;
                  return (
                    <td key={cl.id} class={k?.className}>
                      {cell && k ? (
                        <button
                          type="button"
                          aria-pressed={open === cell}
                          aria-label={`${pub.label}: ${k.label} "${cl.label}" (${cell.claims.length} statements)`}
                          onClick={() => setOpen(open === cell ? null : cell)}
                        >
                          <span aria-hidden="true">{k.icon}</span> {k.label}
                        </button>
                      ) : (
                        <span class="muted">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <div class="coverage-cell" role="region" aria-label="Statements behind the selected cell">
          <h4>
            {open.publisher.label} · {KINDS[open.kind]?.label ?? open.kind} · {open.cluster.label}
          </h4>
          {open.claims.length === 0 ? (
            <p class="muted">No statement (the publisher does not mention it).</p>
          ) : (
            <ul>
              {open.claims.map((c) => (
                <li key={c.id}>
                  <blockquote>{c.text}</blockquote>
                  <a href={p.hrefForSource(c.source.id) + `&claim=${encodeURIComponent(c.id)}`}>
                    Open {c.source.title ?? 'the source'}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
