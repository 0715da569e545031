import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { isUuid } from '../common/ids.js';
import { ClaimRepository, type ClaimRow } from '../claims/claim.repository.js';
import {
  SourceRepository,
  type PublisherRow,
  type RevisionRow,
  type SourceRow,
} from '../sources/source.repository.js';
import { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { LinkService } from '../linking/link.service.js';
import type { LinkView } from '../linking/link-view.js';
import type { Workspace } from '../workspaces/workspace.model.js';
import {
  ProvenanceRepository,
  type LinkEventRow,
  type LinkReviewState,
} from '../provenance/provenance.repository.js';
import type { ClaimContext, ClaimReviewRow } from '../provenance/provenance.types.js';

export interface ClaimPageRequest {
  revisionId: string;
  minCheckworthiness: number;
  limit: number;
  afterIndex: number;
}

export interface ClaimPage {
  rows: ClaimRow[];
  total: number;
}

function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Per-request batching: a list of N sources with their claims and publishers costs a constant number of queries. */
export interface Loaders {
  workspace: DataLoader<string, Workspace | null>;
  source: DataLoader<string, SourceRow | null>;
  revision: DataLoader<string, RevisionRow | null>;
  revisionsBySource: DataLoader<string, Omit<RevisionRow, 'text'>[]>;
  publisher: DataLoader<string, PublisherRow | null>;
  claim: DataLoader<string, ClaimRow | null>;
  claimPage: DataLoader<ClaimPageRequest, ClaimPage, string>;
  linksByClaim: DataLoader<string, LinkView[]>;
  link: DataLoader<string, LinkView | null>;
  /** A claim with its source, publisher, revision and review, for Claim.provenance. */
  claimContext: DataLoader<string, ClaimContext | null>;
  claimReview: DataLoader<string, ClaimReviewRow | null>;
  /** ClaimLink.history: the link's changes in order. */
  linkHistory: DataLoader<string, LinkEventRow[]>;
  linkReview: DataLoader<string, LinkReviewState | null>;
}

@Injectable()
export class LoaderFactory {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly sources: SourceRepository,
    private readonly claims: ClaimRepository,
    private readonly links: LinkService,
    private readonly provenance: ProvenanceRepository,
  ) {}

  create(): Loaders {
    return {
      workspace: new DataLoader(async (ids) => byId(ids, await this.workspaces.findByIds(ids))),
      source: new DataLoader(async (ids) => byId(ids, await this.sources.findSourcesByIds(ids))),
      revision: new DataLoader(async (ids) =>
        byId(ids, await this.sources.findRevisionsByIds(ids)),
      ),
      revisionsBySource: new DataLoader(async (ids) => {
        const rows = await this.sources.findRevisionsBySourceIds(ids);
        return ids.map((id) => rows.filter((r) => r.sourceId === id));
      }),
      publisher: new DataLoader(async (ids) =>
        byId(ids, await this.sources.findPublishersByIds(ids)),
      ),
      claim: new DataLoader(async (ids) => byId(ids, await this.claims.findByIds(ids))),
      linksByClaim: new DataLoader((ids) => this.links.linksForClaims(ids)),
      link: new DataLoader((ids) => this.links.findMany(ids)),
      claimContext: new DataLoader(async (ids) => {
        const rows = await this.provenance.claimContexts(ids.filter(isUuid));
        const map = new Map(rows.map((r) => [r.claim.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      claimReview: new DataLoader(async (ids) => {
        const rows = await this.provenance.claimReviews(ids.filter(isUuid));
        const map = new Map(rows.map((r) => [r.claimId, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      linkHistory: new DataLoader(async (ids) => {
        const rows = await this.provenance.linkHistories(ids.filter(isUuid));
        return ids.map((id) => rows.filter((r) => r.linkId === id));
      }),
      linkReview: new DataLoader(async (ids) =>
        byId(ids, await this.provenance.linkReviewStates(ids.filter(isUuid))),
      ),
      claimPage: new DataLoader(
        async (requests) => {
          // Requests in one batch usually share their arguments; one query per distinct argument set.
          const groups = new Map<string, ClaimPageRequest[]>();
          for (const r of requests) {
            const key = `${r.minCheckworthiness}|${r.limit}|${r.afterIndex}`;
            groups.set(key, [...(groups.get(key) ?? []), r]);
          }
          const results = new Map<string, ClaimPage>();
          await Promise.all(
            [...groups.values()].map(async (group) => {
              const { minCheckworthiness, limit, afterIndex } = group[0]!;
              const ids = [...new Set(group.map((g) => g.revisionId))];
              const page = await this.claims.pagesForRevisions(
                ids,
                minCheckworthiness,
                limit,
                afterIndex,
              );
              for (const g of group) {
                results.set(pageKey(g), {
                  rows: page.rows.get(g.revisionId) ?? [],
                  total: page.totals.get(g.revisionId) ?? 0,
                });
              }
            }),
          );
          return requests.map((r) => results.get(pageKey(r))!);
        },
        { cacheKeyFn: pageKey },
      ),
    };
  }
}

function pageKey(r: ClaimPageRequest) {
  return `${r.revisionId}|${r.minCheckworthiness}|${r.limit}|${r.afterIndex}`;
}
