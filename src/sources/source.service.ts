import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { pageOf, toConnection } from '../common/pagination.js';
import { SourceRepository, type SourceRow } from './source.repository.js';

/** Reads of the source aggregate; writing new sources is the ingest stage's (src/ingest/). */
@Injectable()
export class SourceService {
  constructor(private readonly sources: SourceRepository) {}

  async find(id: string): Promise<SourceRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sources.findSourcesByIds([id]);
    return row ?? null;
  }

  async get(id: string): Promise<SourceRow> {
    const row = await this.find(id);
    if (!row) throw notFound('source', id);
    return row;
  }

  async pageInWorkspace(
    workspaceId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    const page = pageOf<[string, string]>(first, after, ['string', 'string']);
    const [rows, total] = await Promise.all([
      this.sources.pageInWorkspace(workspaceId, page.limit, page.after),
      this.sources.countInWorkspace(workspaceId),
    ]);
    return toConnection(rows, page.limit, total, (r) => [r.createdAt.toISOString(), r.id]);
  }
}
