import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { pageOf, toConnection } from '../../common/pagination.js';
import { LinkRepository } from '../../linking/link.repository.js';
import { viewFrom } from '../../linking/link-view.js';
import { WorkspaceService } from '../../workspaces/workspace.service.js';
import { ProvenanceRepository } from '../provenance.repository.js';

/** The links waiting for a reviewer because a source changed under them. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly provenance: ProvenanceRepository,
    private readonly links: LinkRepository,
    private readonly workspaces: WorkspaceService,
  ) {}

  async page(workspaceId: string, first: number | null, after: string | null) {
    if (!isUuid(workspaceId) || !(await this.workspaces.find(workspaceId)))
      throw notFound('workspace', workspaceId);
    const page = pageOf<[string, string]>(first, after, ['string', 'string']);
    const [rows, total] = await Promise.all([
      this.provenance.linksNeedingReview(workspaceId, page.limit, page.after),
      this.provenance.countLinksNeedingReview(workspaceId),
    ]);
    const found = new Map(
      (await this.links.findByIds(rows.map((r) => r.id))).map((l) => [l.id, l]),
    );
    // A link removed between the two queries drops out of the page.
    const nodes = rows.flatMap((r) => {
      const link = found.get(r.id);
      return link ? [{ view: viewFrom(link, link.aId), updatedAt: r.updatedAt }] : [];
    });
    const connection = toConnection(nodes, page.limit, total, (n) => [
      n.updatedAt.toISOString(),
      n.view.id,
    ]);
    return { ...connection, edges: connection.edges.map((e) => ({ ...e, node: e.node.view })) };
  }
}
