import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { SourceLoaders } from './source.loaders.js';
import { SourceRepository } from './source.repository.js';
import { SourceResolver, SourceRevisionResolver } from './source.resolver.js';
import { SourceService } from './source.service.js';
import { WorkspaceSourcesResolver } from './workspace-sources.resolver.js';

@Module({
  imports: [WorkspacesModule],
  providers: [
    SourceRepository,
    SourceService,
    SourceLoaders,
    SourceResolver,
    SourceRevisionResolver,
    WorkspaceSourcesResolver,
  ],
  exports: [SourceRepository, SourceService, SourceLoaders],
})
export class SourcesModule {}
