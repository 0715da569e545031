import type { INestApplicationContext } from '@nestjs/common';
import cliProgress from 'cli-progress';
import { LinkingWorker } from '../linking/jobs/linking.worker.js';
import { LinkingProgressService } from '../linking/progress/linking-progress.service.js';
import type { WorkspaceLinking } from '../linking/progress/linking-progress.model.js';

/**
 * Waits until every source of the workspace is linked, with a progress bar on a terminal. This
 * process links too (the same queue as the API's and `npm run worker`'s workers, so nothing is
 * done twice), so it also finishes when no service is running.
 */
export async function waitForLinking(
  app: INestApplicationContext,
  workspaceId: string,
): Promise<WorkspaceLinking> {
  const progress = app.get(LinkingProgressService);
  const tty = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    {
      format: 'linking [{bar}] {value}/{total} sources | {rate} sources/s | eta {etaText}',
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let state = await progress.forWorkspace(workspaceId);
  const total = (s: WorkspaceLinking) => s.pending + s.running + s.done + s.failed;
  const payload = (s: WorkspaceLinking) => ({
    rate: s.sourcesPerSecond.toFixed(1),
    etaText: s.etaSeconds === null ? '?' : `${s.etaSeconds}s`,
  });
  if (tty) bar.start(total(state), state.done + state.failed, payload(state));
  let draining = true;
  let failure: unknown = null;
  const drain = app
    .get(LinkingWorker)
    .drain(workspaceId)
    .catch((error: unknown) => (failure = error))
    .finally(() => (draining = false));
  while (!state.complete) {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    await new Promise((resolve) => setTimeout(resolve, draining ? 500 : 1000));
    state = await progress.forWorkspace(workspaceId);
    if (tty) {
      bar.setTotal(total(state));
      bar.update(state.done + state.failed, payload(state));
    }
  }
  await drain;
  if (tty) bar.stop();
  return state;
}
