import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service.js';
import type { ClaimFacets } from '../claims/extraction/types.js';
import { MIN_TRACK_CONFIDENCE } from './tracking.constants.js';
import { STRONG, toLinkEdge, type LinkEdge, type RawLink } from './tracking.sql.js';

export interface TrackedClaim {
  id: string;
  sourceId: string;
  text: string;
  publisherId: string | null;
  seenAt: Date;
  facets: ClaimFacets;
  checkworthiness: number;
}

/** What clustering reads: the counting links around changed statements, and those statements. */
@Injectable()
export class ClusterInputRepository {
  /** The counting links of the given statements, between statements of current revisions. */
  async strongLinks(tx: Tx, claimIds: string[]): Promise<LinkEdge[]> {
    if (claimIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<RawLink[]>(
      `WITH l AS (
         SELECT l.a_id, l.b_id, l.relation, l.confidence, l.status FROM claim_link l
          WHERE l.a_id = ANY($1::uuid[]) AND ${STRONG('l', '$2')}
         UNION
         SELECT l.a_id, l.b_id, l.relation, l.confidence, l.status FROM claim_link l
          WHERE l.b_id = ANY($1::uuid[]) AND ${STRONG('l', '$2')}
       )
       SELECT l.a_id, l.b_id, l.relation::text AS relation, l.confidence, l.status::text AS status
         FROM l
         JOIN claim ca ON ca.id = l.a_id JOIN source sa ON sa.current_revision_id = ca.revision_id
         JOIN claim cb ON cb.id = l.b_id JOIN source sb ON sb.current_revision_id = cb.revision_id`,
      claimIds,
      MIN_TRACK_CONFIDENCE,
    );
    return rows.map(toLinkEdge);
  }

  /** The statements among `claimIds` that belong to a current revision. */
  async trackedClaims(tx: Tx, claimIds: string[]): Promise<TrackedClaim[]> {
    if (claimIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<
      {
        id: string;
        source_id: string;
        text: string;
        publisher_id: string | null;
        seen_at: Date;
        facets: ClaimFacets;
        checkworthiness: number;
      }[]
    >(
      `SELECT c.id, c.source_id, c.text, s.publisher_id, COALESCE(s.published_at, s.created_at) AS seen_at,
              c.facets, c.checkworthiness
         FROM claim c JOIN source s ON s.current_revision_id = c.revision_id
        WHERE c.id = ANY($1::uuid[])`,
      claimIds,
    );
    return rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      text: r.text,
      publisherId: r.publisher_id,
      seenAt: r.seen_at,
      facets: r.facets,
      checkworthiness: Number(r.checkworthiness),
    }));
  }

  /** The sources of the given statements (any revision). */
  async sourcesOfClaims(tx: Tx, claimIds: string[]): Promise<string[]> {
    if (claimIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ source_id: string }[]>(
      `SELECT DISTINCT source_id FROM claim WHERE id = ANY($1::uuid[])`,
      claimIds,
    );
    return rows.map((r) => r.source_id);
  }
}
