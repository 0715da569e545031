import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { actorOf } from '../graphql/actor.js';
import { notFound } from '../common/errors.js';
import { Workspace } from '../workspaces/workspace.model.js';
import { ClaimConnection } from '../claims/claim.model.js';
import { ClaimService } from '../claims/claim.service.js';
import { ClaimsArgs } from '../claims/claims.args.js';
import { IngestSourceInput } from './ingest-source.input.js';
import { Publisher, Source, SourceRevision } from './source.model.js';
import { SourceService } from './source.service.js';

@Resolver(() => Source)
export class SourceResolver {
  constructor(
    private readonly sourceService: SourceService,
    private readonly claimService: ClaimService,
  ) {}

  @Query(() => Source, { nullable: true })
  async source(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return ctx.access.visible(await this.sourceService.find(id));
  }

  @Mutation(() => Source, {
    description: 'Ingest one source. Same text again returns the existing source.',
  })
  async ingestSource(@Args('input') input: IngestSourceInput, @Context() ctx: GqlContext) {
    await ctx.access.assertWrite(input.workspaceId, 'workspace', input.workspaceId);
    const [result] = await this.sourceService.ingest([input], actorOf(ctx));
    return result!.source;
  }

  @Mutation(() => [Source], {
    description: 'Ingest many sources atomically (same rules per item; any error writes nothing).',
  })
  async ingestSources(
    @Args('inputs', { type: () => [IngestSourceInput] }) inputs: IngestSourceInput[],
    @Context() ctx: GqlContext,
  ) {
    for (const workspaceId of new Set(inputs.map((i) => i.workspaceId))) {
      await ctx.access.assertWrite(workspaceId, 'workspace', workspaceId);
    }
    const results = await this.sourceService.ingest(inputs, actorOf(ctx));
    return results.map((r) => r.source);
  }

  @ResolveField(() => Workspace)
  async workspace(@Parent() source: Source, @Context() ctx: GqlContext) {
    const workspace = await ctx.loaders.workspace.load(source.workspaceId);
    if (!workspace) throw notFound('workspace', source.workspaceId);
    return workspace;
  }

  @ResolveField(() => Publisher, { nullable: true })
  publisher(@Parent() source: Source, @Context() ctx: GqlContext) {
    return source.publisherId ? ctx.loaders.publisher.load(source.publisherId) : null;
  }

  @ResolveField(() => String, {
    description: 'The exact text of the current revision; every span indexes into it.',
  })
  async text(@Parent() source: Source, @Context() ctx: GqlContext) {
    return (await this.currentRevision(source, ctx)).text;
  }

  @ResolveField(() => String, { description: 'sha256 hex of text (UTF-8).' })
  async contentHash(@Parent() source: Source, @Context() ctx: GqlContext) {
    return (await this.currentRevision(source, ctx)).contentHash;
  }

  @ResolveField(() => SourceRevision, { name: 'currentRevision' })
  async currentRevision(@Parent() source: Source, @Context() ctx: GqlContext) {
    const revision = source.currentRevisionId
      ? await ctx.loaders.revision.load(source.currentRevisionId)
      : null;
    if (!revision) throw notFound('revision of source', source.id);
    return revision;
  }

  @ResolveField(() => [SourceRevision], { description: 'Every revision, oldest first.' })
  revisions(@Parent() source: Source, @Context() ctx: GqlContext) {
    return ctx.loaders.revisionsBySource.load(source.id);
  }

  @ResolveField(() => ClaimConnection, {
    description:
      'Claims of the current revision in text order; minCheckworthiness defaults to the configured threshold, 0 returns every sentence.',
  })
  claims(@Parent() source: Source, @Args() args: ClaimsArgs, @Context() ctx: GqlContext) {
    return this.claimService.pageForRevision(source.currentRevisionId, args, ctx.loaders);
  }
}

@Resolver(() => SourceRevision)
export class SourceRevisionResolver {
  constructor(private readonly claimService: ClaimService) {}

  @ResolveField(() => String)
  async text(@Parent() revision: SourceRevision, @Context() ctx: GqlContext) {
    const full = await ctx.loaders.revision.load(revision.id);
    return full!.text;
  }

  @ResolveField(() => ClaimConnection, { description: 'Claims extracted from this revision.' })
  claims(@Parent() revision: SourceRevision, @Args() args: ClaimsArgs, @Context() ctx: GqlContext) {
    return this.claimService.pageForRevision(revision.id, args, ctx.loaders);
  }
}
