import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { isUuid } from '../common/ids.js';
import { byId, byKey, groupedBy, type LoaderSetFactory } from '../graphql/request-loaders.js';
import {
  ProvenanceRepository,
  type LinkEventRow,
  type LinkReviewState,
} from './provenance.repository.js';
import type { ClaimContext, ClaimReviewRow } from './provenance.types.js';

export interface ProvenanceLoaderSet {
  /** A claim with its source, publisher, revision and review, for Claim.provenance. */
  claimContext: DataLoader<string, ClaimContext | null>;
  claimReview: DataLoader<string, ClaimReviewRow | null>;
  /** ClaimLink.history: the link's changes in order. */
  linkHistory: DataLoader<string, LinkEventRow[]>;
  linkReview: DataLoader<string, LinkReviewState | null>;
}

/** Per-request batching for provenance and review fields (`ctx.loaders.get(ProvenanceLoaders)`). */
@Injectable()
export class ProvenanceLoaders implements LoaderSetFactory<ProvenanceLoaderSet> {
  constructor(private readonly provenance: ProvenanceRepository) {}

  create(): ProvenanceLoaderSet {
    return {
      claimContext: new DataLoader(async (ids) =>
        byKey(ids, await this.provenance.claimContexts(ids.filter(isUuid)), (r) => r.claim.id),
      ),
      claimReview: new DataLoader(async (ids) =>
        byKey(ids, await this.provenance.claimReviews(ids.filter(isUuid)), (r) => r.claimId),
      ),
      linkHistory: new DataLoader(async (ids) =>
        groupedBy(ids, await this.provenance.linkHistories(ids.filter(isUuid)), (r) => r.linkId),
      ),
      linkReview: new DataLoader(async (ids) =>
        byId(ids, await this.provenance.linkReviewStates(ids.filter(isUuid))),
      ),
    };
  }
}
