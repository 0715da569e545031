import { Args, Context, Float, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { badInput, notFound } from '../common/errors.js';
import { Claim } from '../claims/claim.model.js';
import { ClaimLink, LinkRelation } from './link.model.js';
import { LinkService } from './link.service.js';
import type { LinkView } from './link-view.js';

/** A confidence threshold from the API: null for the default, else 0..1. */
export function checkedConfidence(v: number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v) || v < 0 || v > 1)
    throw badInput('minConfidence must be between 0 and 1 (0 returns every link)');
  return v;
}

@Resolver(() => Claim)
export class ClaimLinksResolver {
  constructor(private readonly linkService: LinkService) {}

  @ResolveField(() => [ClaimLink], {
    description:
      'The links this claim takes part in, either side, strongest first. By default only machine links whose calibrated confidence clears the display threshold (chosen for precision); reviewed links always show. minConfidence (0..1) overrides the threshold; 0 returns every link.',
  })
  async links(
    @Parent() claim: Claim,
    @Args('relation', { type: () => LinkRelation, nullable: true }) relation: LinkRelation | null,
    @Args('minConfidence', { type: () => Float, nullable: true })
    minConfidence: number | null,
    @Context() ctx: GqlContext,
  ) {
    const links = await ctx.loaders.linksByClaim.load(claim.id);
    return this.linkService.filterByConfidence(
      this.linkService.filterByRelation(links, relation ?? null),
      checkedConfidence(minConfidence),
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
      (await ctx.loaders.claim.load(link.claimId)) ??
      Promise.reject(notFound('claim', link.claimId))
    );
  }

  @ResolveField(() => Claim, { description: 'The other statement; always in a different source.' })
  async evidence(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.claim.load(link.evidenceId)) ??
      Promise.reject(notFound('claim', link.evidenceId))
    );
  }
}
