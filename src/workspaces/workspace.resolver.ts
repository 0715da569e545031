import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/context.js';
import { CreateWorkspaceInput } from './create-workspace.input.js';
import { Workspace } from './workspace.model.js';
import { WorkspaceService } from './workspace.service.js';

@Resolver(() => Workspace)
export class WorkspaceResolver {
  constructor(private readonly workspaceService: WorkspaceService) {}

  @Query(() => [Workspace], { description: 'The workspaces the caller is a member of.' })
  async workspaces(@Context() ctx: GqlContext) {
    return this.workspaceService.listVisible(await ctx.access.readableWorkspaceIds());
  }

  @Query(() => Workspace, { nullable: true })
  async workspace(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return ctx.access.visible(withWorkspaceId(await this.workspaceService.find(id)));
  }

  @Mutation(() => Workspace, { description: 'Create a workspace; the caller becomes its owner.' })
  createWorkspace(@Args('input') input: CreateWorkspaceInput, @Context() ctx: GqlContext) {
    const principal = ctx.access.requireUser();
    return this.workspaceService.create(input.name, principal?.userId ?? null);
  }
}

const withWorkspaceId = <T extends { id: string }>(w: T | null) =>
  w ? { ...w, workspaceId: w.id } : null;
