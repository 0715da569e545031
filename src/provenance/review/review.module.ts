import { Module } from '@nestjs/common';
import { ClaimsModule } from '../../claims/claims.module.js';
import { LinkingModule } from '../../linking/linking.module.js';
import { WorkspacesModule } from '../../workspaces/workspaces.module.js';
import { ClaimProvenanceModule } from '../claim-provenance.module.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ReviewRepository } from './review.repository.js';
import { ReviewResolver } from './review.resolver.js';
import { ReviewService } from './review.service.js';

/** Review of claims and links: confirm, reject, draw, mark, and the review queue. */
@Module({
  imports: [ClaimProvenanceModule, WorkspacesModule, ClaimsModule, LinkingModule],
  providers: [ReviewRepository, ReviewService, ReviewQueueService, ReviewResolver],
  exports: [ReviewRepository, ReviewService],
})
export class ReviewModule {}
