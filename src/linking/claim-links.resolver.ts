import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { notFound } from '../common/errors.js';
import { Claim } from '../claims/claim.model.js';
import { ClaimLink, LinkRelation } from './link.model.js';
import { LinkService } from './link.service.js';
import type { LinkView } from './link-view.js';
import { ClaimLoaders } from '../claims/claim.loaders.js';
import { LinkLoaders } from './link.loaders.js';

@Resolver(() => Claim)
export class ClaimLinksResolver {
  constructor(private readonly linkService: LinkService) {}

  @ResolveField(() => [ClaimLink], {
    description: 'Every link this claim takes part in, either side, strongest first.',
  })
  async links(
    @Parent() claim: Claim,
    @Args('relation', { type: () => LinkRelation, nullable: true }) relation: LinkRelation | null,
    @Context() ctx: GqlContext,
  ) {
    return this.linkService.filterByRelation(
      await ctx.loaders.get(LinkLoaders).linksByClaim.load(claim.id),
      relation ?? null,
    );
  }
}

@Resolver(() => ClaimLink)
export class ClaimLinkResolver {
  constructor(private readonly linkService: LinkService) {}

  @Query(() => ClaimLink, {
    nullable: true,
    description: 'A link by id, read from its first statement.',
  })
  async link(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return ctx.access.visible(await this.linkService.find(id));
  }

  @ResolveField(() => Claim, { description: 'The claim the link was read from.' })
  async claim(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(ClaimLoaders).claim.load(link.claimId)) ??
      Promise.reject(notFound('claim', link.claimId))
    );
  }

  @ResolveField(() => Claim, { description: 'The other statement; always in a different source.' })
  async evidence(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(ClaimLoaders).claim.load(link.evidenceId)) ??
      Promise.reject(notFound('claim', link.evidenceId))
    );
  }
}
