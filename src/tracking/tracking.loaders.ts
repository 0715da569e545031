import DataLoader from 'dataloader';
import type { GqlContext } from '../graphql/context.js';
import type { ClusterRow, MemberRow } from './cluster.repository.js';
import type { TrackingService } from './tracking.service.js';

export interface TrackingLoaders {
  cluster: DataLoader<string, ClusterRow | null>;
  clusterIdByClaim: DataLoader<string, string | null>;
  members: DataLoader<string, MemberRow[]>;
}

const perRequest = new WeakMap<GqlContext, TrackingLoaders>();

/**
 * Per-request batching for tracking fields (a page of clusters with their members and rivals
 * costs a constant number of queries). Kept beside the feature and attached to the request
 * context lazily, so the shared loader factory needs no dependency on a later stage.
 */
export function trackingLoaders(ctx: GqlContext, service: TrackingService): TrackingLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      cluster: new DataLoader(async (ids) => {
        const rows = new Map((await service.findByIds(ids)).map((r) => [r.id, r]));
        return ids.map((id) => rows.get(id) ?? null);
      }),
      clusterIdByClaim: new DataLoader(async (ids) => {
        const map = await service.clusterIdsByClaims(ids);
        return ids.map((id) => map.get(id) ?? null);
      }),
      members: new DataLoader(async (ids) => {
        const rows = await service.membersOf(ids);
        return ids.map((id) => rows.filter((r) => r.clusterId === id));
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
