/**
 * Which workspace a linking run works for, carried through async calls so a provider can
 * charge a per-workspace budget without the RelationClassifier interface knowing about
 * workspaces. The linking runner wraps each run in `runInLinkScope`; outside one, costs go to
 * the "unscoped" bucket.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LinkScope {
  workspaceId: string;
}

const storage = new AsyncLocalStorage<LinkScope>();

export const UNSCOPED = 'unscoped';

export function runInLinkScope<T>(scope: LinkScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScopeKey(): string {
  return storage.getStore()?.workspaceId ?? UNSCOPED;
}
