import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../graphql/context.js';
import { assertCanRead } from '../visibility.js';
import { notFound } from '../../common/errors.js';
import { Source, SourceRevision } from '../../sources/source.model.js';
import { RevisionDiff } from '../provenance.model.js';
import { RevisionService, type RevisionDiffResult } from './revision.service.js';
import { SourceLoaders } from '../../sources/source.loaders.js';

@Resolver(() => RevisionDiff)
export class RevisionDiffResolver {
  constructor(private readonly revisions: RevisionService) {}

  @Query(() => RevisionDiff, {
    description:
      'What happened to each claim of revision `from` in revision `to` (numbers; default: the previous and the current revision).',
  })
  async sourceRevisionDiff(
    @Args('sourceId', { type: () => ID }) sourceId: string,
    @Args('from', { type: () => Int, nullable: true }) from: number | null,
    @Args('to', { type: () => Int, nullable: true }) to: number | null,
    @Context() ctx: GqlContext,
  ) {
    await assertCanRead(ctx, 'source', sourceId);
    const diff = await this.revisions.diff(sourceId, from, to);
    return {
      ...diff,
      entries: diff.entries.map((e) => ({
        status: e.status,
        method: e.method,
        score: e.score,
        oldClaim: e.old,
        newClaim: e.new,
        oldText: e.old?.text ?? null,
        newText: e.new?.text ?? null,
        change: e.change,
        linkCount: e.linkCount,
      })),
    };
  }

  @ResolveField(() => Source)
  async source(@Parent() diff: RevisionDiffResult, @Context() ctx: GqlContext) {
    return (
      (await ctx.loaders.get(SourceLoaders).source.load(diff.sourceId)) ??
      Promise.reject(notFound('source', diff.sourceId))
    );
  }

  @ResolveField(() => SourceRevision)
  async from(@Parent() diff: RevisionDiffResult, @Context() ctx: GqlContext) {
    return ctx.loaders.get(SourceLoaders).revision.load(diff.from.id);
  }

  @ResolveField(() => SourceRevision)
  async to(@Parent() diff: RevisionDiffResult, @Context() ctx: GqlContext) {
    return ctx.loaders.get(SourceLoaders).revision.load(diff.to.id);
  }
}
