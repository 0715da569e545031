import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Workspace } from '../../workspaces/workspace.model.js';
import { WorkspaceLinking } from './linking-progress.model.js';
import { LinkingProgressService } from './linking-progress.service.js';

@Resolver(() => Workspace)
export class LinkingProgressResolver {
  constructor(private readonly progress: LinkingProgressService) {}

  @ResolveField(() => WorkspaceLinking, {
    description:
      "Linking progress of the workspace's sources; `linking { complete }` answers whether it is done.",
  })
  linking(@Parent() workspace: Workspace) {
    // The workspace itself was authorized by the field or query that returned it.
    return this.progress.forWorkspace(workspace.id);
  }
}
