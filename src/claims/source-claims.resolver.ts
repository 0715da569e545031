import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { Source, SourceRevision } from '../sources/source.model.js';
import { ClaimLoaders } from './claim.loaders.js';
import { ClaimConnection } from './claim.model.js';
import { ClaimService } from './claim.service.js';
import { ClaimsArgs } from './claims.args.js';

/** The claims of a source and of a revision; the sources feature knows nothing of claims. */
@Resolver(() => Source)
export class SourceClaimsResolver {
  constructor(private readonly claimService: ClaimService) {}

  @ResolveField(() => ClaimConnection, {
    description:
      'Claims of the current revision in text order; minCheckworthiness defaults to the configured threshold, 0 returns every sentence.',
  })
  claims(@Parent() source: Source, @Args() args: ClaimsArgs, @Context() ctx: GqlContext) {
    return this.claimService.pageForRevision(
      source.currentRevisionId,
      args,
      ctx.loaders.get(ClaimLoaders).claimPage,
    );
  }
}

@Resolver(() => SourceRevision)
export class RevisionClaimsResolver {
  constructor(private readonly claimService: ClaimService) {}

  @ResolveField(() => ClaimConnection, { description: 'Claims extracted from this revision.' })
  claims(@Parent() revision: SourceRevision, @Args() args: ClaimsArgs, @Context() ctx: GqlContext) {
    return this.claimService.pageForRevision(
      revision.id,
      args,
      ctx.loaders.get(ClaimLoaders).claimPage,
    );
  }
}
