import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { notFound } from '../common/errors.js';
import { Workspace } from '../workspaces/workspace.model.js';
import { Publisher, Source, SourceRevision } from './source.model.js';
import { SourceService } from './source.service.js';
import { SourceLoaders } from './source.loaders.js';
import { WorkspaceLoaders } from '../workspaces/workspace.loaders.js';

@Resolver(() => Source)
export class SourceResolver {
  constructor(private readonly sourceService: SourceService) {}

  @Query(() => Source, { nullable: true })
  async source(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return ctx.access.visible(await this.sourceService.find(id));
  }

  @ResolveField(() => Workspace)
  async workspace(@Parent() source: Source, @Context() ctx: GqlContext) {
    const workspace = await ctx.loaders.get(WorkspaceLoaders).workspace.load(source.workspaceId);
    if (!workspace) throw notFound('workspace', source.workspaceId);
    return workspace;
  }

  @ResolveField(() => Publisher, { nullable: true })
  publisher(@Parent() source: Source, @Context() ctx: GqlContext) {
    return source.publisherId
      ? ctx.loaders.get(SourceLoaders).publisher.load(source.publisherId)
      : null;
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
      ? await ctx.loaders.get(SourceLoaders).revision.load(source.currentRevisionId)
      : null;
    if (!revision) throw notFound('revision of source', source.id);
    return revision;
  }

  @ResolveField(() => [SourceRevision], { description: 'Every revision, oldest first.' })
  revisions(@Parent() source: Source, @Context() ctx: GqlContext) {
    return ctx.loaders.get(SourceLoaders).revisionsBySource.load(source.id);
  }
}

@Resolver(() => SourceRevision)
export class SourceRevisionResolver {
  @ResolveField(() => String)
  async text(@Parent() revision: SourceRevision, @Context() ctx: GqlContext) {
    const full = await ctx.loaders.get(SourceLoaders).revision.load(revision.id);
    return full!.text;
  }
}
