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
import { Workspace } from '../workspaces/workspace.model.js';
import {
  ApiKey,
  CreateApiKeyInput,
  CreatedApiKey,
  RemoveMemberInput,
  SetMemberInput,
  Viewer,
  WorkspaceMember,
  WorkspaceRoleEnum,
} from './auth.model.js';
import { AuthService } from './auth.service.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => Viewer, { description: 'Who the API key belongs to.' })
  viewer(@Context() ctx: GqlContext): Viewer {
    const principal = ctx.access.requireUser();
    return { name: principal?.name ?? null, isAdmin: ctx.access.isAdmin };
  }

  @Query(() => [ApiKey], { description: "The caller's keys (administrators: everyone's)." })
  apiKeys(@Context() ctx: GqlContext) {
    const principal = ctx.access.requireUser();
    return this.auth.listKeys(ctx.access.isAdmin ? undefined : principal?.userId);
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Administrators: create a key for a user (created when new).',
  })
  async createApiKey(
    @Args('input') input: CreateApiKeyInput,
    @Context() ctx: GqlContext,
  ): Promise<CreatedApiKey> {
    ctx.access.requireAdmin();
    const created = await this.auth.createKey(input.user, {
      admin: input.admin ?? false,
      label: input.label ?? null,
    });
    const [apiKey] = (await this.auth.listKeys(created.user.id)).filter(
      (k) => k.id === created.keyId,
    );
    return { key: created.plaintext, apiKey: apiKey!, user: created.user.name };
  }

  @Mutation(() => ApiKey, { description: 'Revoke a key (your own, or any as an administrator).' })
  async revokeApiKey(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    const principal = ctx.access.requireUser();
    const mine = (await this.auth.listKeys(principal?.userId)).some((k) => k.id === id);
    if (!ctx.access.isAdmin && !mine) return this.auth.revokeKey('not-a-key-of-yours');
    return this.auth.revokeKey(id);
  }

  @Mutation(() => WorkspaceMember, { description: 'Owners: give a user a role in the workspace.' })
  async setWorkspaceMember(
    @Args('input') input: SetMemberInput,
    @Context() ctx: GqlContext,
  ): Promise<WorkspaceMember> {
    await ctx.access.assertOwner(input.workspaceId);
    const user = await this.auth.userByName(input.user);
    const m = await this.auth.setMembership(input.workspaceId, user.id, input.role);
    return { user: user.name, role: m.role as WorkspaceRoleEnum, since: m.createdAt };
  }

  @Mutation(() => Boolean, { description: 'Owners: remove a user from the workspace.' })
  async removeWorkspaceMember(@Args('input') input: RemoveMemberInput, @Context() ctx: GqlContext) {
    await ctx.access.assertOwner(input.workspaceId);
    const user = await this.auth.userByName(input.user);
    return this.auth.removeMembership(input.workspaceId, user.id);
  }
}

@Resolver(() => Workspace)
export class WorkspaceMembersResolver {
  constructor(private readonly auth: AuthService) {}

  @ResolveField(() => [WorkspaceMember])
  async members(@Parent() workspace: Workspace): Promise<WorkspaceMember[]> {
    const rows = await this.auth.listMembers(workspace.id);
    return rows.map((r) => ({
      user: r.name,
      role: r.role as WorkspaceRoleEnum,
      since: r.created_at,
    }));
  }

  @ResolveField(() => WorkspaceRoleEnum, { nullable: true, description: "The caller's role here." })
  myRole(@Parent() workspace: Workspace, @Context() ctx: GqlContext) {
    return ctx.access.role(workspace.id);
  }
}
