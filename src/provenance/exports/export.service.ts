import { Injectable } from '@nestjs/common';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { WorkspaceService } from '../../workspaces/workspace.service.js';
import { CLAIM_COLUMNS, LINK_COLUMNS } from './csv-columns.js';
import { claimCsvRecord, linkCsvRecord } from './csv-records.js';
import { ExportRepository } from './export.repository.js';

export type CsvTable = 'claims' | 'links';

export const EXPORT_BATCH_SIZE = 2000;

/** Streams a workspace's claims or links as CSV into any writable (a file, an HTTP response). */
@Injectable()
export class ExportService {
  constructor(
    private readonly rows: ExportRepository,
    private readonly workspaces: WorkspaceService,
  ) {}

  async assertWorkspace(workspaceId: string) {
    if (!isUuid(workspaceId) || !(await this.workspaces.find(workspaceId)))
      throw notFound('workspace', workspaceId);
  }

  /** Resolves when everything is written; returns the number of data rows. */
  async writeCsv(
    workspaceId: string,
    table: CsvTable,
    out: Writable,
    batchSize = EXPORT_BATCH_SIZE,
  ): Promise<number> {
    await this.assertWorkspace(workspaceId);
    let count = 0;
    const source =
      table === 'claims'
        ? this.records(this.rows.claimBatches(workspaceId, batchSize), claimCsvRecord)
        : this.records(this.rows.linkBatches(workspaceId, batchSize), linkCsvRecord);
    const columns = (table === 'claims' ? CLAIM_COLUMNS : LINK_COLUMNS).map((c) => c.name);
    await pipeline(
      Readable.from(
        (async function* () {
          for await (const record of source) {
            count++;
            yield record;
          }
        })(),
      ),
      stringify({ header: true, columns }),
      out,
    );
    return count;
  }

  private async *records<R>(
    batches: AsyncGenerator<R[]>,
    shape: (row: R) => Record<string, string>,
  ): AsyncGenerator<Record<string, string>> {
    for await (const batch of batches) for (const row of batch) yield shape(row);
  }
}
