import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { notFound } from '../common/errors.js';
import { Source, SourceRevision } from '../sources/source.model.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { Claim, ClaimConnection } from './claim.model.js';
import { QuoteSelectorModel } from './facets.model.js';
import { ClaimService } from './claim.service.js';
import { SourceLoaders } from '../sources/source.loaders.js';

@Resolver(() => Claim)
export class ClaimResolver {
  constructor(
    private readonly claims: ClaimService,
    private readonly workspaces: WorkspaceService,
  ) {}

  @Query(() => Claim, { nullable: true })
  async claim(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return ctx.access.visible(await this.claims.find(id));
  }

  @Query(() => ClaimConnection, {
    description:
      "Full-text search (with typo-tolerant trigram matching) over the current revisions' claims.",
  })
  async searchClaims(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: GqlContext,
  ) {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    const workspace = await this.workspaces.get(workspaceId);
    return this.claims.search(workspace.id, query, first, after);
  }

  @ResolveField(() => Source)
  async source(@Parent() claim: Claim, @Context() ctx: GqlContext) {
    const source = await ctx.loaders.get(SourceLoaders).source.load(claim.sourceId);
    if (!source) throw notFound('source', claim.sourceId);
    return source;
  }

  @ResolveField(() => SourceRevision, {
    description: 'The revision of the source text the claim was extracted from.',
  })
  async revision(@Parent() claim: Claim, @Context() ctx: GqlContext) {
    const revision = await ctx.loaders.get(SourceLoaders).revision.load(claim.revisionId);
    if (!revision) throw notFound('revision', claim.revisionId);
    return revision;
  }

  @ResolveField(() => QuoteSelectorModel, {
    description: 'Quote selector: exact text with ~32 code points of context.',
  })
  selector(@Parent() claim: Claim): QuoteSelectorModel {
    return { exact: claim.text, prefix: claim.prefix, suffix: claim.suffix };
  }
}
