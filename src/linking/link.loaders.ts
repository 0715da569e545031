import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { LoaderSetFactory } from '../graphql/request-loaders.js';
import type { LinkView } from './link-view.js';
import { LinkService } from './link.service.js';

export interface LinkLoaderSet {
  linksByClaim: DataLoader<string, LinkView[]>;
  link: DataLoader<string, LinkView | null>;
}

/** Per-request batching for links (`ctx.loaders.get(LinkLoaders)`). */
@Injectable()
export class LinkLoaders implements LoaderSetFactory<LinkLoaderSet> {
  constructor(private readonly links: LinkService) {}

  create(): LinkLoaderSet {
    return {
      linksByClaim: new DataLoader((ids) => this.links.linksForClaims(ids)),
      link: new DataLoader((ids) => this.links.findMany(ids)),
    };
  }
}
