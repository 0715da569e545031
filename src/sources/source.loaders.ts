import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byId, groupedBy, type LoaderSetFactory } from '../graphql/request-loaders.js';
import {
  SourceRepository,
  type PublisherRow,
  type RevisionRow,
  type SourceRow,
} from './source.repository.js';

export interface SourceLoaderSet {
  source: DataLoader<string, SourceRow | null>;
  revision: DataLoader<string, RevisionRow | null>;
  revisionsBySource: DataLoader<string, Omit<RevisionRow, 'text'>[]>;
  publisher: DataLoader<string, PublisherRow | null>;
}

/** Per-request batching for sources, revisions and publishers (`ctx.loaders.get(SourceLoaders)`). */
@Injectable()
export class SourceLoaders implements LoaderSetFactory<SourceLoaderSet> {
  constructor(private readonly sources: SourceRepository) {}

  create(): SourceLoaderSet {
    return {
      source: new DataLoader(async (ids) => byId(ids, await this.sources.findSourcesByIds(ids))),
      revision: new DataLoader(async (ids) =>
        byId(ids, await this.sources.findRevisionsByIds(ids)),
      ),
      revisionsBySource: new DataLoader(async (ids) =>
        groupedBy(ids, await this.sources.findRevisionsBySourceIds(ids), (r) => r.sourceId),
      ),
      publisher: new DataLoader(async (ids) =>
        byId(ids, await this.sources.findPublishersByIds(ids)),
      ),
    };
  }
}
