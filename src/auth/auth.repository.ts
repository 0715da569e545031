import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { WorkspaceRole } from '../common/principal.js';

/** All SQL of users, API keys and memberships. */
@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  findKeyByLookup(lookup: string) {
    return this.prisma.apiKey.findUnique({ where: { lookup } });
  }

  findUser(id: string) {
    return this.prisma.appUser.findUnique({ where: { id } });
  }

  findUserByName(name: string) {
    return this.prisma.appUser.findUnique({ where: { name } });
  }

  upsertUser(name: string, isAdmin: boolean) {
    return this.prisma.appUser.upsert({
      where: { name },
      create: { name, isAdmin },
      // Granting admin is explicit; creating another key never takes it away.
      update: isAdmin ? { isAdmin: true } : {},
    });
  }

  createKey(data: {
    userId: string;
    lookup: string;
    salt: string;
    hash: string;
    label: string | null;
  }) {
    return this.prisma.apiKey.create({ data });
  }

  listKeys(userId?: string) {
    return this.prisma.apiKey.findMany({
      where: userId ? { userId } : {},
      orderBy: { createdAt: 'asc' },
      omit: { salt: true, hash: true },
    });
  }

  findKey(id: string) {
    return this.prisma.apiKey.findUnique({ where: { id }, omit: { salt: true, hash: true } });
  }

  revokeKey(id: string) {
    return this.prisma.apiKey.update({
      where: { id },
      data: { revokedAt: new Date() },
      omit: { salt: true, hash: true },
    });
  }

  /** Records use at most once a minute, so reads do not each cost a write. */
  async touchKey(id: string) {
    await this.prisma.$executeRawUnsafe(
      `UPDATE api_key SET last_used_at = now()
        WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      id,
    );
  }

  async role(workspaceId: string, userId: string): Promise<WorkspaceRole | null> {
    const m = await this.prisma.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
    });
    return (m?.role as WorkspaceRole | undefined) ?? null;
  }

  async workspaceIdsOf(userId: string): Promise<string[]> {
    const rows = await this.prisma.membership.findMany({
      where: { userId },
      select: { workspaceId: true },
    });
    return rows.map((r) => r.workspaceId);
  }

  setMembership(workspaceId: string, userId: string, role: WorkspaceRole) {
    return this.prisma.membership.upsert({
      where: { workspaceId_userId: { workspaceId, userId } },
      create: { workspaceId, userId, role },
      update: { role },
    });
  }

  async removeMembership(workspaceId: string, userId: string): Promise<boolean> {
    const r = await this.prisma.membership.deleteMany({ where: { workspaceId, userId } });
    return r.count > 0;
  }

  listMembers(workspaceId: string) {
    return this.prisma.$queryRawUnsafe<
      { user_id: string; name: string; role: WorkspaceRole; created_at: Date }[]
    >(
      `SELECT m.user_id, u.name, m.role::text AS role, m.created_at FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.workspace_id = $1::uuid ORDER BY m.created_at`,
      workspaceId,
    );
  }

  async ownerCount(workspaceId: string): Promise<number> {
    return this.prisma.membership.count({ where: { workspaceId, role: 'OWNER' } });
  }
}
