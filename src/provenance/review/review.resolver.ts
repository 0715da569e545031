import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GqlContext } from '../../graphql/context.js';
import { assertCanRead, assertCanWrite } from '../visibility.js';
import { actorOf } from '../../graphql/actor.js';
import { notFound } from '../../common/errors.js';
import { ConnectionType } from '../../common/connection.types.js';
import { Claim } from '../../claims/claim.model.js';
import { ClaimLink } from '../../linking/link.model.js';
import type { LinkView } from '../../linking/link-view.js';
import {
  CreateLinkInput,
  LinkHistoryEntry,
  MarkClaimInput,
  ReviewLinkInput,
  UpdateLinkInput,
} from '../provenance.model.js';
import { ReviewService } from './review.service.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ClaimLoaders } from '../../claims/claim.loaders.js';
import { ProvenanceLoaders } from '../provenance.loaders.js';

@ObjectType()
export class ClaimLinkConnection extends ConnectionType(ClaimLink, 'ClaimLink') {}

@Resolver(() => ClaimLink)
export class ReviewResolver {
  constructor(
    private readonly reviews: ReviewService,
    private readonly queue: ReviewQueueService,
  ) {}

  @Mutation(() => ClaimLink, {
    description: 'Confirm or reject a link, with an optional note; records who and when.',
  })
  async reviewLink(@Args('input') input: ReviewLinkInput, @Context() ctx: GqlContext) {
    await assertCanWrite(ctx, 'link', input.linkId);
    return this.reviews.reviewLink(input, actorOf(ctx));
  }

  @Mutation(() => ClaimLink, {
    description:
      'Draw a link by hand between claims of two different sources (HUMAN, CONFIRMED). CONFLICT when the pair is already linked: use updateLink.',
  })
  async createLink(@Args('input') input: CreateLinkInput, @Context() ctx: GqlContext) {
    await assertCanWrite(ctx, 'claim', input.claimId);
    await assertCanRead(ctx, 'claim', input.evidenceClaimId);
    return this.reviews.createLink(input, actorOf(ctx));
  }

  @Mutation(() => ClaimLink, {
    description:
      "Change a link's relation, with a note saying why. The link becomes CONFIRMED, so relinking keeps it.",
  })
  async updateLink(@Args('input') input: UpdateLinkInput, @Context() ctx: GqlContext) {
    await assertCanWrite(ctx, 'link', input.linkId);
    return this.reviews.updateLink(input, actorOf(ctx));
  }

  @Mutation(() => Claim, {
    description:
      'Mark a claim as FACT (optionally with a verdict), FRAMING or NOT_CHECKWORTHY; the latest mark wins, earlier ones stay in the audit log.',
  })
  async markClaim(@Args('input') input: MarkClaimInput, @Context() ctx: GqlContext) {
    await assertCanWrite(ctx, 'claim', input.claimId);
    const id = await this.reviews.markClaim(input, actorOf(ctx));
    return ctx.loaders.get(ClaimLoaders).claim.load(id);
  }

  @Query(() => ClaimLinkConnection, {
    description:
      'Links a source edit changed or removed a statement of, waiting for a reviewer (oldest first).',
  })
  async linksNeedingReview(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: GqlContext,
  ) {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    return this.queue.page(workspaceId, first, after);
  }

  @ResolveField(() => [LinkHistoryEntry], {
    description:
      'Every change of the link in order: created by method@version, re-scored, confirmed by X with a note, flagged by a source edit, ...',
  })
  async history(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return ctx.loaders.get(ProvenanceLoaders).linkHistory.load(link.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who last reviewed the link.' })
  async reviewedBy(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (await this.state(link, ctx)).reviewedBy;
  }

  @ResolveField(() => Date, { nullable: true })
  async reviewedAt(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (await this.state(link, ctx)).reviewedAt;
  }

  @ResolveField(() => String, { nullable: true, description: "The last reviewer's note." })
  async reviewNote(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (await this.state(link, ctx)).reviewNote;
  }

  @ResolveField(() => Boolean, {
    description: 'A source edit changed or removed one of its statements since the last review.',
  })
  async needsReview(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (await this.state(link, ctx)).needsReview;
  }

  @ResolveField(() => String, { nullable: true })
  async reviewReason(@Parent() link: LinkView, @Context() ctx: GqlContext) {
    return (await this.state(link, ctx)).reviewReason;
  }

  private async state(link: LinkView, ctx: GqlContext) {
    return (
      (await ctx.loaders.get(ProvenanceLoaders).linkReview.load(link.id)) ??
      Promise.reject(notFound('link', link.id))
    );
  }
}
