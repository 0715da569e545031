import { Module } from '@nestjs/common';
import { ClaimsModule } from '../../claims/claims.module.js';
import { IngestModule } from '../../ingest/ingest.module.js';
import { LinkingModule } from '../../linking/linking.module.js';
import { ClaimProvenanceModule } from '../claim-provenance.module.js';
import { ReviewModule } from '../review/review.module.js';
import { RevisionDiffResolver } from './revision.resolver.js';
import { RevisionService } from './revision.service.js';

/** Stealth edits: re-anchoring claims across a source's revisions, and the revision diff. */
@Module({
  imports: [ClaimProvenanceModule, ReviewModule, ClaimsModule, LinkingModule, IngestModule],
  providers: [RevisionService, RevisionDiffResolver],
  exports: [RevisionService],
})
export class RevisionsModule {}
