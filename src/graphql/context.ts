import type { Request } from 'express';
import type { Actor } from '../common/actor.js';
import type { Loaders } from './loaders.js';
import type { RequestAccess } from '../auth/request-access.js';

export interface GqlContext {
  req: Request;
  requestId: string;
  loaders: Loaders;
  actor: Actor;
  access: RequestAccess;
}
