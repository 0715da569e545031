import type { LinkRelation } from '../api/generated';
import type { Filters } from '../lib/filters';
import { RELATIONS, RELATION_ORDER } from '../lib/relations';

/** Which links to show (relations with counts, minimum confidence, rejected), and the keys. */
export function FilterBar(p: {
  filters: Filters;
  setFilters(f: Filters): void;
  counts: Record<LinkRelation, number>;
  showRejected: boolean;
  setShowRejected(v: boolean): void;
  /** The service's default display threshold, shown while the user has not moved the slider. */
  defaultMin?: number | null;
}) {
  const { filters, setFilters } = p;
  const shownMin = filters.minConfidence ?? p.defaultMin ?? 0;
  return (
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
            {RELATIONS[r].label} <span class="count">({p.counts[r]})</span>
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
          onInput={(e) => setFilters({ ...filters, minConfidence: Number(e.currentTarget.value) })}
        />{' '}
        <output>{Math.round(shownMin * 100)}%</output>
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={p.showRejected}
          onChange={(e) => p.setShowRejected(e.currentTarget.checked)}
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
  );
}
