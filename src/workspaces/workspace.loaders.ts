import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byId, type LoaderSetFactory } from '../graphql/request-loaders.js';
import type { Workspace } from './workspace.model.js';
import { WorkspaceRepository } from './workspace.repository.js';

export interface WorkspaceLoaderSet {
  workspace: DataLoader<string, Workspace | null>;
}

/** Per-request batching for workspace reads (`ctx.loaders.get(WorkspaceLoaders)`). */
@Injectable()
export class WorkspaceLoaders implements LoaderSetFactory<WorkspaceLoaderSet> {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  create(): WorkspaceLoaderSet {
    return {
      workspace: new DataLoader(async (ids) => byId(ids, await this.workspaces.findByIds(ids))),
    };
  }
}
