import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { badInput, notFound } from '../common/errors.js';
import { WorkspaceRepository } from './workspace.repository.js';
import type { Workspace } from './workspace.model.js';

@Injectable()
export class WorkspaceService {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  create(name: string, ownerUserId: string | null = null): Promise<Workspace> {
    return this.workspaces.create(name.trim(), ownerUserId);
  }

  /** Only these workspaces (null: all, for administrators). */
  async listVisible(ids: string[] | null): Promise<Workspace[]> {
    const all = await this.workspaces.list();
    if (ids === null) return all;
    const allowed = new Set(ids);
    return all.filter((w) => allowed.has(w.id));
  }

  list(): Promise<Workspace[]> {
    return this.workspaces.list();
  }

  async find(id: string): Promise<Workspace | null> {
    return isUuid(id) ? this.workspaces.findById(id) : null;
  }

  async get(id: string): Promise<Workspace> {
    const workspace = await this.find(id);
    if (!workspace) throw notFound('workspace', id);
    return workspace;
  }

  /** For the command line: an existing workspace by id or by (unique) name. */
  async resolveExisting(idOrName: string): Promise<Workspace> {
    if (isUuid(idOrName)) return this.get(idOrName);
    const named = await this.workspaces.findByName(idOrName);
    if (named.length === 0) throw notFound('workspace', idOrName);
    if (named.length > 1) {
      throw badInput(
        `${named.length} workspaces are named "${idOrName}"; pass the workspace id instead`,
      );
    }
    return named[0]!;
  }

  /** For the command line: a workspace by id, or by name (created when absent). */
  async resolveOrCreate(idOrName: string): Promise<Workspace> {
    if (isUuid(idOrName)) return this.get(idOrName);
    const named = await this.workspaces.findOrCreateByName(idOrName.trim());
    if (named.length > 1) {
      throw badInput(
        `${named.length} workspaces are named "${idOrName}"; pass the workspace id instead`,
      );
    }
    return named[0]!;
  }
}
