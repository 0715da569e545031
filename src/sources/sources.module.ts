import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { IngestHooks } from './ingest-hooks.js';
import { SourceRepository } from './source.repository.js';
import { SourceResolver, SourceRevisionResolver } from './source.resolver.js';
import { SourceService } from './source.service.js';
import { WorkspaceSourcesResolver } from './workspace-sources.resolver.js';

@Module({
  imports: [WorkspacesModule, ClaimsModule],
  providers: [
    SourceRepository,
    SourceService,
    IngestHooks,
    SourceResolver,
    SourceRevisionResolver,
    WorkspaceSourcesResolver,
  ],
  exports: [SourceRepository, SourceService, IngestHooks],
})
export class SourcesModule {}
