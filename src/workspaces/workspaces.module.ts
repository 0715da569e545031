import { Module } from '@nestjs/common';
import { WorkspaceLoaders } from './workspace.loaders.js';
import { WorkspaceRepository } from './workspace.repository.js';
import { WorkspaceResolver } from './workspace.resolver.js';
import { WorkspaceService } from './workspace.service.js';

@Module({
  providers: [WorkspaceRepository, WorkspaceService, WorkspaceLoaders, WorkspaceResolver],
  exports: [WorkspaceRepository, WorkspaceService, WorkspaceLoaders],
})
export class WorkspacesModule {}
