import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { LinkRepository } from './link.repository.js';
import { viewFrom, type LinkView } from './link-view.js';
import { effectiveMinConfidence } from './relation/stance.js';
import type { Relation } from './relation/types.js';

@Injectable()
export class LinkService {
  constructor(private readonly links: LinkRepository) {}

  /** Links of many claims, each oriented from its claim: the batch function of the per-request loader. */
  async linksForClaims(claimIds: readonly string[]): Promise<LinkView[][]> {
    const rows = await this.links.forClaims(claimIds);
    return claimIds.map((id) =>
      rows.filter((r) => r.aId === id || r.bId === id).map((r) => viewFrom(r, id)),
    );
  }

  filterByRelation(links: LinkView[], relation: Relation | null): LinkView[] {
    return relation ? links.filter((l) => l.relation === relation) : links;
  }

  /**
   * Links a researcher sees by default: machine links at or above the display threshold, and
   * every reviewed link (a reviewer's confirmation outranks the score). 0 shows all.
   */
  filterByConfidence(links: LinkView[], minConfidence: number | null): LinkView[] {
    const min = effectiveMinConfidence(minConfidence);
    if (min <= 0) return links;
    return links.filter(
      (l) => l.origin !== 'MACHINE' || l.status !== 'SUGGESTED' || l.confidence >= min - 1e-9,
    );
  }

  /** Links by id, read from their first statement, in the order asked (null when unknown). */
  async findMany(ids: readonly string[]): Promise<(LinkView | null)[]> {
    const rows = await this.links.findByIds(ids.filter(isUuid));
    const byId = new Map(rows.map((r) => [r.id, viewFrom(r, r.aId)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async find(id: string): Promise<LinkView | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.links.findByIds([id]);
    return row ? viewFrom(row, row.aId) : null;
  }
}
