import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byId, type LoaderSetFactory } from '../graphql/request-loaders.js';
import { ClaimRepository, type ClaimRow } from './claim.repository.js';

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

export type ClaimPageLoader = DataLoader<ClaimPageRequest, ClaimPage, string>;

export interface ClaimLoaderSet {
  claim: DataLoader<string, ClaimRow | null>;
  /** One page of a revision's claims (Source.claims, SourceRevision.claims). */
  claimPage: ClaimPageLoader;
}

/** Per-request batching for claims (`ctx.loaders.get(ClaimLoaders)`). */
@Injectable()
export class ClaimLoaders implements LoaderSetFactory<ClaimLoaderSet> {
  constructor(private readonly claims: ClaimRepository) {}

  create(): ClaimLoaderSet {
    return {
      claim: new DataLoader(async (ids) => byId(ids, await this.claims.findByIds(ids))),
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
