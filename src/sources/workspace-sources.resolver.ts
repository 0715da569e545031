import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/pagination.js';
import { Workspace } from '../workspaces/workspace.model.js';
import { SourceConnection } from './source.model.js';
import { SourceService } from './source.service.js';

@Resolver(() => Workspace)
export class WorkspaceSourcesResolver {
  constructor(private readonly sourceService: SourceService) {}

  @ResolveField(() => SourceConnection, { description: 'Sources in ingest order.' })
  sources(@Parent() workspace: Workspace, @Args() args: PageArgs) {
    return this.sourceService.pageInWorkspace(workspace.id, args.first, args.after);
  }
}
