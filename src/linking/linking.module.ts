import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ClaimLinkResolver, ClaimLinksResolver } from './claim-links.resolver.js';
import { ComparisonResolver } from './comparison.resolver.js';
import { ComparisonService } from './comparison.service.js';
import { LinkingQueue } from './jobs/linking.queue.js';
import { LinkLoaders } from './link.loaders.js';
import { LinkRepository } from './link.repository.js';
import { LinkService } from './link.service.js';
import { LinkingService } from './linking.service.js';
import { relationClassifierProvider } from './relation-classifier.provider.js';

@Module({
  imports: [SourcesModule, ClaimsModule, IngestModule],
  providers: [
    relationClassifierProvider,
    LinkRepository,
    LinkService,
    LinkLoaders,
    LinkingService,
    LinkingQueue,
    ComparisonService,
    ComparisonResolver,
    ClaimLinksResolver,
    ClaimLinkResolver,
  ],
  exports: [
    LinkService,
    LinkLoaders,
    LinkingService,
    LinkingQueue,
    ComparisonService,
    LinkRepository,
  ],
})
export class LinkingModule {}
