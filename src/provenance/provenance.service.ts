import { Injectable } from '@nestjs/common';
import { ClaimRepository } from '../claims/claim.repository.js';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { SourceRepository } from '../sources/source.repository.js';
import { SourceService } from '../sources/source.service.js';
import { claimReviewDocument } from './exports/claim-review.js';
import { provDocument } from './exports/prov-o.js';
import { annotationCollection, annotationDocument } from './exports/web-annotation.js';
import { ProvenanceRepository } from './provenance.repository.js';
import type { ClaimContext } from './provenance.types.js';

/** A claim's provenance and its linked-data exports (PROV-O, Web Annotation, ClaimReview). */
@Injectable()
export class ProvenanceService {
  constructor(
    private readonly provenance: ProvenanceRepository,
    private readonly claims: ClaimRepository,
    private readonly sources: SourceService,
    private readonly sourceRows: SourceRepository,
  ) {}

  /** Batch function of the per-request loader. */
  async contexts(claimIds: readonly string[]): Promise<(ClaimContext | null)[]> {
    const rows = await this.provenance.claimContexts(claimIds.filter(isUuid));
    const byId = new Map(rows.map((r) => [r.claim.id, r]));
    return claimIds.map((id) => byId.get(id) ?? null);
  }

  async context(claimId: string): Promise<ClaimContext> {
    const [ctx] = await this.contexts([claimId]);
    if (!ctx) throw notFound('claim', claimId);
    return ctx;
  }

  async provJsonLd(claimId: string) {
    const ctx = await this.context(claimId);
    return provDocument(ctx, await this.provenance.linkRecordsOfClaim(ctx.claim.id));
  }

  async annotationJsonLd(claimId: string) {
    return annotationDocument(await this.context(claimId));
  }

  /** The claims of one revision of a source (default: the current one) as an AnnotationCollection. */
  async sourceAnnotations(sourceId: string, minCheckworthiness: number | null | undefined) {
    const source = await this.sources.get(sourceId);
    if (!source.currentRevisionId) throw notFound('revision of source', sourceId);
    const min = minCheckworthiness ?? 0;
    if (!(min >= 0 && min <= 1)) throw badInput('minCheckworthiness must be between 0 and 1');
    const [claims, [revision]] = await Promise.all([
      this.claims.listForRevision(source.currentRevisionId, min),
      this.sourceRows.findRevisionsByIds([source.currentRevisionId]),
    ]);
    const reviews = await this.provenance.claimReviews(claims.map((c) => c.id));
    const kindOf = new Map(reviews.map((r) => [r.claimId, r.kind]));
    return annotationCollection(
      {
        revisionId: revision!.id,
        url: source.url,
        retrievedAt: revision!.retrievedAt,
        label: `Claims of ${source.title ?? source.url ?? source.id} (revision ${revision!.number})`,
      },
      claims.map((c) => ({ ...c, reviewKind: kindOf.get(c.id) ?? null })),
    );
  }

  async claimReviewJsonLd(claimId: string) {
    const doc = claimReviewDocument(await this.context(claimId));
    if (!doc) {
      throw badInput(
        'the claim has no verdict yet; rate it first with markClaim(kind: FACT, verdict: ...)',
        { field: 'claimId' },
      );
    }
    return doc;
  }
}
