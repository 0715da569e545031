import { Injectable } from '@nestjs/common';
import type { ClaimLink, LinkRelation } from './link.model.js';

/** Links of claims. Linking itself (candidates, relation, jobs) is built on top of this. */
@Injectable()
export class LinkService {
  async linksForClaim(_claimId: string, _relation: LinkRelation | null): Promise<ClaimLink[]> {
    return [];
  }
}
