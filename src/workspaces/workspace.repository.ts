import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Workspace } from './workspace.model.js';

@Injectable()
export class WorkspaceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Creates the workspace and, in the same transaction, makes its creator the owner. */
  async create(name: string, ownerUserId: string | null): Promise<Workspace> {
    return this.prisma.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({ data: { name } });
      if (ownerUserId)
        await tx.membership.create({
          data: { workspaceId: workspace.id, userId: ownerUserId, role: 'OWNER' },
        });
      return workspace;
    });
  }

  /**
   * The workspaces with this name, creating one when there is none. Under a transaction lock on
   * the name, so two commands that name a new workspace at the same moment (two ingests started
   * together) make one workspace, not two that then make the name ambiguous.
   */
  async findOrCreateByName(name: string): Promise<Workspace[]> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtext('claimtrace:workspace-name'), hashtext($1))::text AS locked`,
        name,
      );
      const named = await tx.workspace.findMany({ where: { name }, orderBy: { createdAt: 'asc' } });
      return named.length ? named : [await tx.workspace.create({ data: { name } })];
    });
  }

  findById(id: string): Promise<Workspace | null> {
    return this.prisma.workspace.findUnique({ where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<Workspace[]> {
    return this.prisma.workspace.findMany({ where: { id: { in: [...ids] } } });
  }

  findByName(name: string): Promise<Workspace[]> {
    return this.prisma.workspace.findMany({ where: { name }, orderBy: { createdAt: 'asc' } });
  }

  list(): Promise<Workspace[]> {
    return this.prisma.workspace.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }
}
