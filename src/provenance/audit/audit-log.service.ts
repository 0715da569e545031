import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { pageOf, toConnection } from '../../common/pagination.js';
import { WorkspaceService } from '../../workspaces/workspace.service.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { ChainVerifier, type ChainVerification } from './audit-verify.js';

@Injectable()
export class AuditLogService {
  constructor(
    private readonly events: AuditLogRepository,
    private readonly workspaces: WorkspaceService,
  ) {}

  private async assertWorkspace(workspaceId: string) {
    if (!isUuid(workspaceId) || !(await this.workspaces.find(workspaceId)))
      throw notFound('workspace', workspaceId);
  }

  async page(
    workspaceId: string,
    subjectId: string | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    await this.assertWorkspace(workspaceId);
    const page = pageOf<[string]>(first, after, ['string']);
    if (page.after && !/^\d{1,18}$/.test(page.after[0]))
      throw badInput('after is not a cursor returned by this API', { field: 'after' });
    const [rows, total] = await Promise.all([
      this.events.page(workspaceId, subjectId ?? null, page.limit, page.after?.[0] ?? null),
      this.events.count(workspaceId, subjectId ?? null),
    ]);
    return toConnection(rows, page.limit, total, (r) => [r.seq]);
  }

  /** Recomputes the workspace's chain from the first event and stops at the first break. */
  async verify(workspaceId: string): Promise<ChainVerification & { workspaceId: string }> {
    await this.assertWorkspace(workspaceId);
    const verifier = new ChainVerifier();
    outer: for await (const batch of this.events.chain(workspaceId)) {
      for (const event of batch) if (!verifier.push(event)) break outer;
    }
    return { workspaceId, ...verifier.result() };
  }
}
