/**
 * Access checks for entry points that name an object by id: the object's workspace decides.
 * Unknown ids and ids of other workspaces answer the same NOT_FOUND, so existence never leaks.
 */
import { notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import type { GqlContext } from '../graphql/context.js';
import { ClaimLoaders } from '../claims/claim.loaders.js';
import { LinkLoaders } from '../linking/link.loaders.js';
import { SourceLoaders } from '../sources/source.loaders.js';

type Kind = 'claim' | 'source' | 'link';

async function workspaceOf(ctx: GqlContext, kind: Kind, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  if (kind === 'claim')
    return (await ctx.loaders.get(ClaimLoaders).claim.load(id))?.workspaceId ?? null;
  if (kind === 'source')
    return (await ctx.loaders.get(SourceLoaders).source.load(id))?.workspaceId ?? null;
  return (await ctx.loaders.get(LinkLoaders).link.load(id))?.workspaceId ?? null;
}

/** Throws NOT_FOUND unless the caller may read the object; returns its workspace id. */
export async function assertCanRead(ctx: GqlContext, kind: Kind, id: string): Promise<string> {
  const workspaceId = await workspaceOf(ctx, kind, id);
  if (!workspaceId || !(await ctx.access.canRead(workspaceId))) throw notFound(kind, id);
  return workspaceId;
}

/** NOT_FOUND unless readable; FORBIDDEN for a viewer. */
export async function assertCanWrite(ctx: GqlContext, kind: Kind, id: string): Promise<string> {
  const workspaceId = await workspaceOf(ctx, kind, id);
  if (!workspaceId) throw notFound(kind, id);
  await ctx.access.assertWrite(workspaceId, kind, id);
  return workspaceId;
}
