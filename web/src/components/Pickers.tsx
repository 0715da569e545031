import type { Navigate } from '../hooks/useUrlState';
import type { SourceItem, Workspaces } from '../hooks/useWorkspaceSources';
import { SourcePicker } from './SourcePicker';

/** What to compare: the workspace, then a left and a right source (swappable). */
export function Pickers(p: {
  workspaces: Workspaces | null;
  workspaceId: string | null;
  sources: SourceItem[] | null;
  leftId: string | null;
  rightId: string | null;
  navigate: Navigate;
}) {
  const { navigate, leftId, rightId } = p;
  return (
    <section class="pickers" aria-label="Choose what to compare">
      <label class="ws">
        Workspace
        <select
          value={p.workspaceId ?? ''}
          onChange={(e) =>
            navigate((q) => {
              q.set('workspace', e.currentTarget.value);
              q.delete('left');
              q.delete('right');
              q.delete('claim');
            })
          }
        >
          {(p.workspaces ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <SourcePicker
        label="Left source"
        name="left"
        sources={p.sources}
        value={leftId}
        other={rightId}
        onChange={(id) => navigate((q) => (q.set('left', id), q.delete('claim')))}
      />
      <button
        type="button"
        class="swap"
        aria-label="Swap left and right sources"
        disabled={!leftId || !rightId}
        onClick={() => navigate((q) => (q.set('left', rightId!), q.set('right', leftId!)))}
      >
        ⇄
      </button>
      <SourcePicker
        label="Right source"
        name="right"
        sources={p.sources}
        value={rightId}
        other={leftId}
        onChange={(id) => navigate((q) => (q.set('right', id), q.delete('claim')))}
      />
    </section>
  );
}
