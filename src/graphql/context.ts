import type { Request } from 'express';
import type { Actor } from '../common/actor.js';
import type { Principal, WorkspaceRole } from '../common/principal.js';
import type { RequestLoaders } from './request-loaders.js';

/**
 * What the caller of one request may do, workspace by workspace. auth/request-access.ts
 * implements it; it is declared here so the GraphQL layer depends on no feature.
 */
export interface RequestAccessPolicy {
  readonly principal: Principal | null;
  readonly actor: Actor;
  readonly isAdmin: boolean;
  requireUser(): Principal | null;
  requireAdmin(): void;
  role(workspaceId: string): Promise<WorkspaceRole | null>;
  canRead(workspaceId: string): Promise<boolean>;
  visible<T extends { workspaceId: string }>(row: T | null): Promise<T | null>;
  assertRead(workspaceId: string, what: string, id: string): Promise<void>;
  assertWrite(workspaceId: string, what: string, id: string): Promise<void>;
  assertOwner(workspaceId: string): Promise<void>;
  readableWorkspaceIds(): Promise<string[] | null>;
}

/** Turns a request's Authorization header into its access policy (provided by auth/). */
export interface RequestAuthenticator {
  accessFor(authorization: string | undefined): Promise<RequestAccessPolicy>;
}

export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');

export interface GqlContext {
  req: Request;
  requestId: string;
  loaders: RequestLoaders;
  actor: Actor;
  access: RequestAccessPolicy;
}
