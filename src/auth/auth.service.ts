import { Inject, Injectable } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { DomainError, badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { logger } from '../common/logger.js';
import { AuthRepository } from './auth.repository.js';
import { generateKey, parseKey, secretMatches } from './api-key.js';
import type { Principal, WorkspaceRole } from '../common/principal.js';
import { RequestAccess, UNAUTHENTICATED_HINT } from './request-access.js';

const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,99}$/u;

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthRepository,
  ) {}

  get enforced() {
    return this.config.auth;
  }

  /** Builds the access object of a request from its Authorization header. */
  async accessFor(authorization: string | undefined): Promise<RequestAccess> {
    if (!this.config.auth) return new RequestAccess(null, false, this.repo);
    if (!authorization) return new RequestAccess(null, true, this.repo);
    try {
      return new RequestAccess(await this.authenticate(authorization), true, this.repo);
    } catch (error) {
      if (error instanceof DomainError) return new RequestAccess(null, true, this.repo, error);
      throw error;
    }
  }

  /** A wrong, unknown or revoked key is an error (not anonymous access), so a typo is noticed. */
  async authenticate(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const parsed = match ? parseKey(match[1]!) : null;
    const reject = () =>
      new DomainError('UNAUTHENTICATED', `the API key is not valid; ${UNAUTHENTICATED_HINT}`);
    if (!parsed) throw reject();
    const key = await this.repo.findKeyByLookup(parsed.lookup);
    if (!key || key.revokedAt || !secretMatches(parsed.secret, key.salt, key.hash)) throw reject();
    const user = await this.repo.findUser(key.userId);
    if (!user) throw reject();
    // Awaited, so a request made after this one sees the use recorded (the update writes at
    // most once a minute and otherwise matches no row). A failure to record is only logged.
    await this.repo
      .touchKey(key.id)
      .catch((error: unknown) => logger.warn({ err: error }, 'could not record key use'));
    return { userId: user.id, name: user.name, isAdmin: user.isAdmin, keyId: key.id };
  }

  /** Creates a key for a user (created when new). The plaintext is returned once and never stored. */
  async createKey(userName: string, options: { admin?: boolean; label?: string | null } = {}) {
    const name = userName.trim();
    if (!USER_NAME.test(name)) {
      throw badInput(
        'user must be 1-100 letters, digits, spaces or . _ @ - and start with a letter or digit',
        { field: 'user' },
      );
    }
    if (options.label && options.label.length > 200)
      throw badInput('label must be at most 200 characters', { field: 'label' });
    const user = await this.repo.upsertUser(name, Boolean(options.admin));
    const key = generateKey();
    const row = await this.repo.createKey({
      userId: user.id,
      lookup: key.lookup,
      salt: key.salt,
      hash: key.hash,
      label: options.label ?? null,
    });
    return { plaintext: key.plaintext, keyId: row.id, user };
  }

  listKeys(userId?: string) {
    return this.repo.listKeys(userId);
  }

  async revokeKey(id: string) {
    if (!isUuid(id) || !(await this.repo.findKey(id))) throw notFound('API key', id);
    return this.repo.revokeKey(id);
  }

  async userByName(name: string) {
    const user = await this.repo.findUserByName(name.trim());
    if (!user) throw notFound('user', name);
    return user;
  }

  setMembership(workspaceId: string, userId: string, role: WorkspaceRole) {
    return this.repo.setMembership(workspaceId, userId, role);
  }

  async removeMembership(workspaceId: string, userId: string) {
    const role = await this.repo.role(workspaceId, userId);
    if (role === 'OWNER' && (await this.repo.ownerCount(workspaceId)) <= 1) {
      throw new DomainError(
        'CONFLICT',
        'a workspace keeps at least one owner; make someone else owner first',
      );
    }
    return this.repo.removeMembership(workspaceId, userId);
  }

  listMembers(workspaceId: string) {
    return this.repo.listMembers(workspaceId);
  }

  /**
   * First start on the embedded default: make a local administrator key and write it to
   * .data/admin.key (mode 600), so the README's commands and scripts just work. A key that no
   * longer authenticates (revoked, database reset) is replaced.
   */
  async ensureLocalAdminKey(file: string): Promise<{ file: string; created: boolean }> {
    if (existsSync(file)) {
      const existing = readFileSync(file, 'utf8').trim();
      try {
        await this.authenticate(`Bearer ${existing}`);
        return { file, created: false };
      } catch {
        // fall through: make a new one
      }
    }
    const { plaintext } = await this.createKey('local-admin', {
      admin: true,
      label: 'created on first start',
    });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${plaintext}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return { file, created: true };
  }
}
