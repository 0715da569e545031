import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { AuditModule } from '../provenance/audit/audit.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { IngestHooks } from './ingest-hooks.js';
import { IngestResolver } from './ingest.resolver.js';
import { IngestService } from './ingest.service.js';

/** The ingest stage: validate and prepare inputs, write source + revision + claims + audit in one transaction, then tell later stages (IngestHooks). */
@Module({
  imports: [WorkspacesModule, SourcesModule, ClaimsModule, AuditModule],
  providers: [IngestService, IngestHooks, IngestResolver],
  exports: [IngestService, IngestHooks],
})
export class IngestModule {}
