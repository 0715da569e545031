import { useEffect, useState } from 'preact/hooks';
import { gql } from '../api/client';

interface Linking {
  pending: number;
  running: number;
  done: number;
  failed: number;
  complete: boolean;
  sourcesPerSecond: number;
  etaSeconds: number | null;
}

const QUERY = `query LinkingProgress($id: ID!) {
  workspace(id: $id) { linking { pending running done failed complete sourcesPerSecond etaSeconds } }
}`;

/** How often the bar asks while linking runs (one small query; well under the rate limit). */
const POLL_MS = 2_000;

/**
 * A progress bar while the workspace's sources are being linked; nothing once they all are.
 * Links shown meanwhile are those found so far.
 */
export function LinkingProgress(p: { workspaceId: string }) {
  const [state, setState] = useState<Linking | null>(null);
  useEffect(() => {
    setState(null);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const d = await gql<{ workspace: { linking: Linking } | null }, { id: string }>(QUERY, {
          id: p.workspaceId,
        });
        if (stopped) return;
        const linking = d.workspace?.linking ?? null;
        setState(linking);
        if (linking && !linking.complete) timer = setTimeout(() => void ask(), POLL_MS);
      } catch {
        // An older server without Workspace.linking, or a network blip: show nothing.
        if (!stopped) setState(null);
      }
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [p.workspaceId]);

  if (!state || state.complete) return null;
  const total = state.pending + state.running + state.done + state.failed;
  const finished = state.done + state.failed;
  return (
    <div class="linking-progress" role="status" aria-live="polite">
      <progress max={total} value={finished} />
      <span>
        Linking sources: {finished} of {total}
        {state.sourcesPerSecond > 0 && ` · ${state.sourcesPerSecond.toFixed(1)} per second`}
        {state.etaSeconds !== null && ` · about ${state.etaSeconds} s left`}
        {state.failed > 0 && ` · ${state.failed} failed`}
      </span>
    </div>
  );
}
