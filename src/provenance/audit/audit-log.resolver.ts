import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../graphql/context.js';
import { AuditEventConnection, AuditVerification } from '../provenance.model.js';
import { AuditLogService } from './audit-log.service.js';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly auditLog: AuditLogService) {}

  @Query(() => AuditEventConnection, {
    description:
      "A workspace's audit log in order, optionally about one subject (a claim, link, source or revision id).",
  })
  async auditEvents(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Args('subjectId', { type: () => String, nullable: true }) subjectId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: GqlContext,
  ) {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    return this.auditLog.page(workspaceId, subjectId, first, after);
  }

  @Query(() => AuditVerification, {
    description:
      "Recomputes the workspace's audit hash chain and reports the first event that does not verify.",
  })
  async verifyAuditLog(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Context() ctx: GqlContext,
  ) {
    await ctx.access.assertRead(workspaceId, 'workspace', workspaceId);
    return this.auditLog.verify(workspaceId);
  }
}
