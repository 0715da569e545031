import { Module } from '@nestjs/common';
import { WorkspaceRepository } from './workspace.repository.js';
import { WorkspaceResolver } from './workspace.resolver.js';
import { WorkspaceService } from './workspace.service.js';

@Module({
  providers: [WorkspaceRepository, WorkspaceService, WorkspaceResolver],
  exports: [WorkspaceRepository, WorkspaceService],
})
export class WorkspacesModule {}
