import { Injectable } from '@nestjs/common';
import {
  LinkingQueueRepository,
  type LinkingProgressRow,
} from '../jobs/linking-queue.repository.js';
import type { WorkspaceLinking } from './linking-progress.model.js';

/** The rate is measured over this window: long enough to smooth batches, short enough to follow. */
export const RATE_WINDOW_SECONDS = 60;

/** Pure: the progress figures from the counts (exported for unit tests). */
export function linkingProgress(row: LinkingProgressRow): WorkspaceLinking {
  const left = row.pending + row.running;
  // A rate from under a second of history is noise; from one source it is a guess.
  const span = Math.max(row.recentSpan, 1);
  const sourcesPerSecond = row.recent > 0 ? row.recent / Math.min(span, RATE_WINDOW_SECONDS) : 0;
  return {
    pending: row.pending,
    running: row.running,
    done: row.done,
    failed: row.failed,
    complete: left === 0,
    sourcesPerSecond: Math.round(sourcesPerSecond * 100) / 100,
    etaSeconds: left === 0 ? 0 : sourcesPerSecond > 0 ? Math.ceil(left / sourcesPerSecond) : null,
  };
}

@Injectable()
export class LinkingProgressService {
  constructor(private readonly queue: LinkingQueueRepository) {}

  async forWorkspaces(workspaceIds: readonly string[]): Promise<WorkspaceLinking[]> {
    const rows = await this.queue.progress(workspaceIds, RATE_WINDOW_SECONDS);
    const empty = { pending: 0, running: 0, done: 0, failed: 0, recent: 0, recentSpan: 0 };
    return workspaceIds.map((id) => linkingProgress(rows.get(id) ?? empty));
  }

  async forWorkspace(workspaceId: string): Promise<WorkspaceLinking> {
    return (await this.forWorkspaces([workspaceId]))[0]!;
  }
}
