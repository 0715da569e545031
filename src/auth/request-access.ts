import { DomainError, forbidden, notFound } from '../common/errors.js';
import type { Actor } from '../common/actor.js';
import type { AuthRepository } from './auth.repository.js';
import type { Principal, WorkspaceRole } from '../common/principal.js';
import type { RequestAccessPolicy } from '../graphql/context.js';

export const UNAUTHENTICATED_HINT =
  'send an API key as "Authorization: Bearer <key>" (the local admin key is in .data/admin.key; `npm run keys -- create --user NAME` makes more)';

/**
 * What the caller of one request may do, workspace by workspace. Every entry point asks it
 * before touching a workspace's data. Objects of a workspace the caller is not a member of
 * answer NOT_FOUND exactly like missing ones, so their existence is not revealed; a viewer who
 * tries to write gets FORBIDDEN (they can already see the object).
 */
export class RequestAccess implements RequestAccessPolicy {
  private readonly roles = new Map<string, Promise<WorkspaceRole | null>>();

  constructor(
    readonly principal: Principal | null,
    /** False when auth is switched off (AUTH=false): everyone is a local administrator. */
    private readonly enforced: boolean,
    private readonly repo: AuthRepository,
    /** A bad key is reported when the request first needs access, as a GraphQL error with a code. */
    private readonly failure: DomainError | null = null,
  ) {}

  get actor(): Actor {
    if (!this.principal)
      return {
        id: this.enforced ? 'anonymous' : 'local',
        name: this.enforced ? 'anonymous' : 'local',
      };
    const key = this.principal.keyId ? `#key:${this.principal.keyId}` : '';
    return { id: `user:${this.principal.name}${key}`, name: this.principal.name };
  }

  get isAdmin(): boolean {
    return !this.enforced || Boolean(this.principal?.isAdmin);
  }

  requireUser(): Principal | null {
    if (this.failure) throw this.failure;
    if (this.enforced && !this.principal)
      throw new DomainError('UNAUTHENTICATED', UNAUTHENTICATED_HINT);
    return this.principal;
  }

  requireAdmin(): void {
    this.requireUser();
    if (!this.isAdmin) throw forbidden('only an administrator can do this');
  }

  /** The caller's role in a workspace; administrators act as owners everywhere. */
  async role(workspaceId: string): Promise<WorkspaceRole | null> {
    this.requireUser();
    if (this.isAdmin) return 'OWNER';
    let pending = this.roles.get(workspaceId);
    if (!pending) {
      pending = this.repo.role(workspaceId, this.principal!.userId);
      this.roles.set(workspaceId, pending);
    }
    return pending;
  }

  async canRead(workspaceId: string): Promise<boolean> {
    return (await this.role(workspaceId)) !== null;
  }

  /** Returns the row when the caller may read its workspace, else null (as if it did not exist). */
  async visible<T extends { workspaceId: string }>(row: T | null): Promise<T | null> {
    if (!row) return null;
    return (await this.canRead(row.workspaceId)) ? row : null;
  }

  async assertRead(workspaceId: string, what: string, id: string): Promise<void> {
    if (!(await this.canRead(workspaceId))) throw notFound(what, id);
  }

  async assertWrite(workspaceId: string, what: string, id: string): Promise<void> {
    const role = await this.role(workspaceId);
    if (role === null) throw notFound(what, id);
    if (role === 'VIEWER')
      throw forbidden(
        'viewers can read and export but not change this workspace; ask an owner for the editor role',
      );
  }

  async assertOwner(workspaceId: string): Promise<void> {
    const role = await this.role(workspaceId);
    if (role === null) throw notFound('workspace', workspaceId);
    if (role !== 'OWNER') throw forbidden('only an owner of the workspace can do this');
  }

  /** Workspace ids the caller may read; null means all (administrators). */
  async readableWorkspaceIds(): Promise<string[] | null> {
    this.requireUser();
    if (this.isAdmin) return null;
    return this.repo.workspaceIdsOf(this.principal!.userId);
  }
}
