import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { notFound } from '../common/errors.js';
import { Claim } from '../claims/claim.model.js';
import { Publisher, Source } from '../sources/source.model.js';
import { TrackingService } from './tracking.service.js';
import { trackingLoaders } from './tracking.loaders.js';
import {
  ClaimCluster,
  ClaimClusterConnection,
  ClusterOrder,
  ClusterStatement,
  Coverage,
  DependentGroup,
  FigurePoint,
  PublisherFraming,
  SourceDerivation,
  StatementStance,
  toClusterModel,
  type DependencyKind,
} from './tracking.model.js';
import type { DependentGroup as DependentGroupRow } from './domain/independence.js';
import type { MemberRow } from './cluster.repository.js';
import { ClaimLoaders } from '../claims/claim.loaders.js';
import { SourceLoaders } from '../sources/source.loaders.js';

async function claimOf(ctx: GqlContext, id: string) {
  const claim = await ctx.loaders.get(ClaimLoaders).claim.load(id);
  if (!claim) throw notFound('claim', id);
  return claim;
}

const toStatement = (
  m: Pick<MemberRow, 'claimId' | 'clusterId' | 'publisherId' | 'stance' | 'seenAt'>,
): ClusterStatement => ({
  claimId: m.claimId,
  clusterId: m.clusterId,
  publisherId: m.publisherId,
  stance: m.stance as StatementStance,
  seenAt: m.seenAt,
});

const toGroup = (g: DependentGroupRow): DependentGroup => ({
  sourceIds: g.sourceIds,
  reasons: g.reasons,
  reason: g.reasons.join('; '),
  kinds: g.kinds as DependencyKind[],
  derivations: g.derivations ?? [],
});

@Resolver(() => ClaimCluster)
export class ClaimClusterResolver {
  constructor(private readonly tracking: TrackingService) {}

  @Query(() => ClaimClusterConnection, {
    description: 'The propositions of a workspace, each with everyone who states or disputes it.',
  })
  async claimClusters(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('orderBy', {
      type: () => ClusterOrder,
      nullable: true,
      defaultValue: ClusterOrder.CONTESTEDNESS,
    })
    orderBy: ClusterOrder,
    @Context() ctx: GqlContext,
  ) {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    const page = await this.tracking.list(workspaceId, orderBy, first, after);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: toClusterModel(e.node) })) };
  }

  @Query(() => ClaimCluster, { nullable: true })
  async claimCluster(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    const row = await ctx.access.visible(await this.tracking.find(id));
    return row ? toClusterModel(row) : null;
  }

  @Query(() => Coverage, {
    description:
      'Publishers x claim clusters (default: the 50 most contested): where each publisher stands on each proposition, with the statements behind it.',
  })
  async coverage(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Args('clusterIds', { type: () => [ID], nullable: true }) clusterIds: string[] | null,
    @Args('publisherIds', { type: () => [ID], nullable: true }) publisherIds: string[] | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description:
        'How many of the most contested clusters when clusterIds is not given (default 50).',
    })
    first: number | null,
    @Context() ctx: GqlContext,
  ): Promise<Coverage> {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    const result = await this.tracking.coverage(workspaceId, clusterIds, publisherIds, first);
    for (const c of result.clusters) trackingLoaders(ctx, this.tracking).cluster.prime(c.id, c);
    return {
      publisherIds: result.publishers.map((p) => p.id),
      clusterRows: result.clusters,
      cells: result.cells.map((c) => ({
        publisherId: c.publisherId,
        clusterId: c.clusterId,
        status: c.status as Coverage['cells'][number]['status'],
        statements: c.statements.map(toStatement),
      })),
    };
  }

  @ResolveField(() => Claim, { description: 'The wording that stands for the cluster.' })
  representative(@Parent() c: ClaimCluster, @Context() ctx: GqlContext) {
    return claimOf(ctx, c.representativeId);
  }

  @ResolveField(() => Claim, {
    description: 'The first statement of the proposition in the workspace.',
  })
  earliestAppearance(@Parent() c: ClaimCluster, @Context() ctx: GqlContext) {
    return claimOf(ctx, c.earliestClaimId);
  }

  @ResolveField(() => [Claim], { description: 'Every statement of the proposition, oldest first.' })
  async members(@Parent() c: ClaimCluster, @Context() ctx: GqlContext) {
    const rows = await trackingLoaders(ctx, this.tracking).members.load(c.id);
    return Promise.all(rows.map((m) => claimOf(ctx, m.claimId)));
  }

  @ResolveField(() => [ClusterStatement], {
    description: 'The members with the voice each speaks in.',
  })
  async statements(@Parent() c: ClaimCluster, @Context() ctx: GqlContext) {
    return (await trackingLoaders(ctx, this.tracking).members.load(c.id)).map(toStatement);
  }

  @ResolveField(() => [ClaimCluster], { description: 'Clusters that state a rival proposition.' })
  async contradictedBy(@Parent() c: ClaimCluster, @Context() ctx: GqlContext) {
    const rows = await trackingLoaders(ctx, this.tracking).cluster.loadMany(c.contradictedByIds);
    return rows.filter((r) => r && !(r instanceof Error)).map((r) => toClusterModel(r as never));
  }

  @ResolveField(() => [DependentGroup], {
    description:
      'Groups of supporting sources that count as one (syndicated copies, same publisher, same cited speaker).',
  })
  dependentGroups(@Parent() c: ClaimCluster) {
    return c.dependentGroupRows.map(toGroup);
  }

  @ResolveField(() => [DependentGroup], { description: 'The same for the contradicting side.' })
  contradictionDependentGroups(@Parent() c: ClaimCluster) {
    return c.contradictionGroupRows.map(toGroup);
  }

  @ResolveField(() => [FigurePoint], {
    description:
      "The cluster's figures as each statement (of it and of its rivals) gives them, in order of appearance.",
  })
  figureTimeline(@Parent() c: ClaimCluster): FigurePoint[] {
    return c.figureRows.map((p) => ({ ...p, at: new Date(p.at) }));
  }

  @ResolveField(() => [PublisherFraming], {
    description:
      'Per publisher, the words it uses where others linked to this proposition use different ones. Compared, not scored.',
  })
  framingTerms(@Parent() c: ClaimCluster): PublisherFraming[] {
    return c.framingRows;
  }
}

@Resolver(() => ClusterStatement)
export class ClusterStatementResolver {
  @ResolveField(() => Claim)
  claim(@Parent() s: ClusterStatement, @Context() ctx: GqlContext) {
    return claimOf(ctx, s.claimId);
  }

  @ResolveField(() => Publisher, { nullable: true })
  publisher(@Parent() s: ClusterStatement, @Context() ctx: GqlContext) {
    return s.publisherId ? ctx.loaders.get(SourceLoaders).publisher.load(s.publisherId) : null;
  }
}

@Resolver(() => DependentGroup)
export class DependentGroupResolver {
  @ResolveField(() => [Source])
  async sources(@Parent() g: DependentGroup, @Context() ctx: GqlContext) {
    const rows = await ctx.loaders.get(SourceLoaders).source.loadMany(g.sourceIds);
    return rows.filter((r) => r && !(r instanceof Error));
  }
}

@Resolver(() => SourceDerivation)
export class SourceDerivationResolver {
  @ResolveField(() => Source, { description: 'The later source, which follows the origin.' })
  async copy(@Parent() d: SourceDerivation, @Context() ctx: GqlContext) {
    const source = await ctx.loaders.get(SourceLoaders).source.load(d.copyId);
    if (!source) throw notFound('source', d.copyId);
    return source;
  }

  @ResolveField(() => Source, { description: 'The source the copy follows.' })
  async origin(@Parent() d: SourceDerivation, @Context() ctx: GqlContext) {
    const source = await ctx.loaders.get(SourceLoaders).source.load(d.originId);
    if (!source) throw notFound('source', d.originId);
    return source;
  }
}

@Resolver(() => FigurePoint)
export class FigurePointResolver {
  @ResolveField(() => Claim)
  claim(@Parent() p: FigurePoint, @Context() ctx: GqlContext) {
    return claimOf(ctx, p.claimId);
  }

  @ResolveField(() => Source)
  async source(@Parent() p: FigurePoint, @Context() ctx: GqlContext) {
    const source = await ctx.loaders.get(SourceLoaders).source.load(p.sourceId);
    if (!source) throw notFound('source', p.sourceId);
    return source;
  }
}

@Resolver(() => PublisherFraming)
export class PublisherFramingResolver {
  @ResolveField(() => Publisher)
  async publisher(@Parent() f: PublisherFraming, @Context() ctx: GqlContext) {
    const publisher = await ctx.loaders.get(SourceLoaders).publisher.load(f.publisherId);
    if (!publisher) throw notFound('publisher', f.publisherId);
    return publisher;
  }
}

@Resolver(() => Coverage)
export class CoverageResolver {
  @ResolveField(() => [Publisher])
  async publishers(@Parent() c: Coverage, @Context() ctx: GqlContext) {
    const rows = await ctx.loaders.get(SourceLoaders).publisher.loadMany(c.publisherIds);
    return rows.filter((r) => r && !(r instanceof Error));
  }

  @ResolveField(() => [ClaimCluster])
  clusters(@Parent() c: Coverage) {
    return c.clusterRows.map(toClusterModel);
  }
}

@Resolver(() => Claim)
export class ClaimClusterFieldResolver {
  constructor(private readonly tracking: TrackingService) {}

  @ResolveField(() => ClaimCluster, {
    nullable: true,
    description: 'The proposition this statement belongs to; null when it is linked to nothing.',
  })
  async cluster(@Parent() claim: Claim, @Context() ctx: GqlContext) {
    const loaders = trackingLoaders(ctx, this.tracking);
    const id = await loaders.clusterIdByClaim.load(claim.id);
    const row = id ? await loaders.cluster.load(id) : null;
    return row ? toClusterModel(row) : null;
  }
}
