import { Args, Context, Float, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { notFound } from '../common/errors.js';
import { Source } from '../sources/source.model.js';
import { SourceComparison } from './link.model.js';
import { ComparisonService } from './comparison.service.js';
import { SourceService } from '../sources/source.service.js';
import { SourceLoaders } from '../sources/source.loaders.js';
import { checkedConfidence } from './claim-links.resolver.js';

@Resolver(() => SourceComparison)
export class ComparisonResolver {
  constructor(
    private readonly comparisons: ComparisonService,
    private readonly sources: SourceService,
  ) {}

  @Query(() => SourceComparison, {
    description:
      "The left source's claims aligned with the right source's statements. minConfidence (0..1) leaves out machine links below it; by default the relation model's display threshold (chosen for precision), 0 keeps every link. The stance is read from every stored link whatever the threshold.",
  })
  async compareSources(
    @Args('leftId', { type: () => ID }) leftId: string,
    @Args('rightId', { type: () => ID }) rightId: string,
    @Args('minConfidence', { type: () => Float, nullable: true })
    minConfidence: number | null,
    @Context() ctx: GqlContext,
  ) {
    const min = checkedConfidence(minConfidence);
    for (const id of [leftId, rightId]) {
      if (!(await ctx.access.visible(await this.sources.find(id)))) throw notFound('source', id);
    }
    return this.comparisons.compare(leftId, rightId, min);
  }

  @ResolveField(() => Source)
  async left(@Parent() c: SourceComparison, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(SourceLoaders).source.load(c.leftId)) ??
      Promise.reject(notFound('source', c.leftId))
    );
  }

  @ResolveField(() => Source)
  async right(@Parent() c: SourceComparison, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(SourceLoaders).source.load(c.rightId)) ??
      Promise.reject(notFound('source', c.rightId))
    );
  }
}
