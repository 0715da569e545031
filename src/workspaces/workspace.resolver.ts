import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateWorkspaceInput } from './create-workspace.input.js';
import { Workspace } from './workspace.model.js';
import { WorkspaceService } from './workspace.service.js';

@Resolver(() => Workspace)
export class WorkspaceResolver {
  constructor(private readonly workspaceService: WorkspaceService) {}

  @Query(() => [Workspace])
  workspaces() {
    return this.workspaceService.list();
  }

  @Query(() => Workspace, { nullable: true })
  workspace(@Args('id', { type: () => ID }) id: string) {
    return this.workspaceService.find(id);
  }

  @Mutation(() => Workspace)
  createWorkspace(@Args('input') input: CreateWorkspaceInput) {
    return this.workspaceService.create(input.name);
  }
}
