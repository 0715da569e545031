import type { Actor } from '../common/actor.js';
import type { GqlContext } from './context.js';

/** The actor of a GraphQL request. Until API keys exist every request acts as the local user. */
export function actorOf(ctx: GqlContext): Actor {
  return ctx.actor;
}
