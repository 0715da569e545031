import type { Request } from 'express';
import type { Actor } from '../common/actor.js';
import type { Loaders } from './loaders.js';

export interface GqlContext {
  req: Request;
  requestId: string;
  loaders: Loaders;
  actor: Actor;
}
