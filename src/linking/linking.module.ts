import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ClaimLinksResolver } from './claim-links.resolver.js';
import { ComparisonResolver } from './comparison.resolver.js';
import { ComparisonService } from './comparison.service.js';
import { LinkService } from './link.service.js';

@Module({
  imports: [SourcesModule, ClaimsModule],
  providers: [LinkService, ComparisonService, ComparisonResolver, ClaimLinksResolver],
  exports: [LinkService, ComparisonService],
})
export class LinkingModule {}
