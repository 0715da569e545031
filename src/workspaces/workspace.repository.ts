import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Workspace } from './workspace.model.js';

@Injectable()
export class WorkspaceRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(name: string): Promise<Workspace> {
    return this.prisma.workspace.create({ data: { name } });
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
