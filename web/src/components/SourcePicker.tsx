import { useState } from 'preact/hooks';
import type { SourceItem } from '../hooks/useWorkspaceSources';

/** One side's source: a search box over title and publisher, and the matching sources. */
export function SourcePicker(p: {
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
