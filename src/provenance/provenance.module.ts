import { Module } from '@nestjs/common';
import { AuditLogModule } from './audit/audit-log.module.js';
import { ClaimProvenanceModule } from './claim-provenance.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ReviewModule } from './review/review.module.js';
import { RevisionsModule } from './revisions/revisions.module.js';

/**
 * The provenance stage, one module per capability: claim provenance (above), review/ (confirm,
 * reject, draw, mark; the review queue), revisions/ (re-anchoring claims across revisions),
 * audit/ (the hash-chained log: writing, reading, verifying) and exports/.
 */
@Module({
  imports: [ClaimProvenanceModule, ReviewModule, RevisionsModule, AuditLogModule, ExportsModule],
  exports: [ClaimProvenanceModule, ReviewModule, RevisionsModule, AuditLogModule, ExportsModule],
})
export class ProvenanceModule {}
