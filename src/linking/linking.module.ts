import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { CandidateRepository } from './candidates/candidate.repository.js';
import { ClaimLinkResolver, ClaimLinksResolver } from './claim-links.resolver.js';
import { ComparisonResolver } from './comparison.resolver.js';
import { ComparisonService } from './comparison.service.js';
import { LinkLoaders } from './link.loaders.js';
import { AfterLinkSteps } from './jobs/after-link.steps.js';
import { LinkingQueueRepository } from './jobs/linking-queue.repository.js';
import { LinkingRunner } from './jobs/linking.runner.js';
import { LinkingWorker } from './jobs/linking.worker.js';
import { LinkRepository } from './link.repository.js';
import { LinkService } from './link.service.js';
import { LinkingService } from './linking.service.js';
import { LinkingProgressResolver } from './progress/linking-progress.resolver.js';
import { LinkingProgressService } from './progress/linking-progress.service.js';
import { relationClassifierProvider } from './relation-classifier.provider.js';

@Module({
  imports: [SourcesModule, ClaimsModule, IngestModule],
  providers: [
    relationClassifierProvider,
    CandidateRepository,
    LinkRepository,
    LinkService,
    LinkLoaders,
    LinkingService,
    AfterLinkSteps,
    LinkingQueueRepository,
    LinkingRunner,
    LinkingWorker,
    LinkingProgressService,
    LinkingProgressResolver,
    ComparisonService,
    ComparisonResolver,
    ClaimLinksResolver,
    ClaimLinkResolver,
  ],
  exports: [
    LinkService,
    LinkLoaders,
    LinkingService,
    LinkingWorker,
    LinkingProgressService,
    AfterLinkSteps,
    ComparisonService,
    LinkRepository,
  ],
})
export class LinkingModule {}
