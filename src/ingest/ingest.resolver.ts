import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { actorOf } from '../graphql/actor.js';
import { Source } from '../sources/source.model.js';
import { IngestSourceInput } from './ingest-source.input.js';
import { IngestService } from './ingest.service.js';

@Resolver(() => Source)
export class IngestResolver {
  constructor(private readonly ingestService: IngestService) {}

  @Mutation(() => Source, {
    description: 'Ingest one source. Same text again returns the existing source.',
  })
  async ingestSource(@Args('input') input: IngestSourceInput, @Context() ctx: GqlContext) {
    await ctx.access.assertWrite(input.workspaceId, 'workspace', input.workspaceId);
    const [result] = await this.ingestService.ingest([input], actorOf(ctx));
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
    const results = await this.ingestService.ingest(inputs, actorOf(ctx));
    return results.map((r) => r.source);
  }
}
