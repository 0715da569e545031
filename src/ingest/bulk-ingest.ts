import { DomainError } from '../common/errors.js';
import type { Actor } from '../common/actor.js';
import type { IngestOutcome } from '../sources/source.repository.js';
import type { IngestService } from './ingest.service.js';
import type { IngestInputLike } from './prepare/prepare-ingest.js';

/** One item of a bulk ingest: an input to ingest, or one already refused (bad file, bad line). */
export type BulkItem =
  | { ok: true; origin: string; input: Omit<IngestInputLike, 'workspaceId'> }
  | { ok: false; origin: string; reason: string };

export interface BulkSummary {
  ingested: number;
  unchanged: number;
  revised: number;
  failed: { origin: string; reason: string }[];
}

/**
 * Ingests in batches for speed; when a batch is refused (one bad item makes the atomic bulk
 * write nothing), its items are retried one by one so one bad line does not stop the rest.
 */
export async function bulkIngest(
  service: IngestService,
  workspaceId: string,
  items: BulkItem[],
  actor: Actor,
  onProgress: (done: number) => void,
  batchSize = 50,
): Promise<BulkSummary> {
  const summary: BulkSummary = { ingested: 0, unchanged: 0, revised: 0, failed: [] };
  const count = (outcome: IngestOutcome) => {
    if (outcome === 'INGESTED') summary.ingested++;
    else if (outcome === 'REVISED') summary.revised++;
    else summary.unchanged++;
  };
  let done = 0;
  for (let i = 0; i < items.length; i += batchSize) {
    const batch = items.slice(i, i + batchSize);
    const good = batch.filter((b): b is Extract<BulkItem, { ok: true }> => b.ok);
    for (const bad of batch)
      if (!bad.ok) summary.failed.push({ origin: bad.origin, reason: bad.reason });
    try {
      const results = await service.ingest(
        good.map((g) => ({ ...g.input, workspaceId })),
        actor,
      );
      results.forEach((r) => count(r.outcome));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const item of good) {
        try {
          const [result] = await service.ingest([{ ...item.input, workspaceId }], actor);
          count(result!.outcome);
        } catch (itemError) {
          if (!(itemError instanceof DomainError)) throw itemError;
          summary.failed.push({ origin: item.origin, reason: itemError.message });
        }
      }
    }
    done += batch.length;
    onProgress(done);
  }
  return summary;
}
