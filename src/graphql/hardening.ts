/**
 * Limits against hostile or careless queries: depth, cost, aliases, tokens (graphql-armor),
 * no batched operations, no field suggestions when introspection is off, and a per-key rate
 * limit. Each rejection is a GraphQL error with a code and a message that says the limit.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/env.js';
import { logger } from '../common/logger.js';
import type { GqlContext } from './context.js';

export const LIMITS = {
  maxDepth: 15,
  maxAliases: 40,
  maxTokens: 4000,
  maxCost: 50_000,
};

export function armor(config: AppConfig) {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, exposeLimits: true, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    // One point per field, two per object, multiplied by a literal `first` page size: 200 claims
    // with their facets fit; 50 sources x 200 claims x their links does not. (A page size passed
    // in a variable is not multiplied; page sizes are capped at 200 either way.)
    costLimit: {
      maxCost: LIMITS.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1,
      exposeLimits: true,
      ignoreIntrospection: true,
    },
    maxDirectives: { n: 50, exposeLimits: true },
    // Suggestions ("did you mean ...") would reveal the schema when introspection is off.
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();
}

/** Logs unexpected errors with the request id, so a client's report can be matched to the log. */
export const errorLoggingPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
          if (
            error.originalError &&
            'code' in error.originalError &&
            typeof error.originalError.code === 'string' &&
            !/^[0-9A-Z]{5}$/.test(error.originalError.code)
          )
            continue;
          logger.error(
            {
              err: error.originalError ?? error,
              requestId: contextValue?.requestId,
              operationName,
              path: error.path,
            },
            'unexpected error in GraphQL request',
          );
        }
      },
    };
  },
};

/**
 * Per-key (or, without a key, per-address) request rate limit, before any work is done. The
 * key's public lookup part is the bucket; an invalid key is rejected later anyway.
 */
export function rateLimitMiddleware(config: AppConfig) {
  const limiter = new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 });
  return async (req: Request, res: Response, next: NextFunction) => {
    if (config.rateLimitPerMinute <= 0) return next();
    const auth = req.headers.authorization ?? '';
    const lookup = /^Bearer\s+ct_([A-Za-z0-9]{12})_/i.exec(auth)?.[1];
    const bucket = lookup ? `key:${lookup}` : `ip:${req.ip ?? 'unknown'}`;
    try {
      await limiter.consume(bucket);
      next();
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return next(error);
      const retry = Math.ceil(error.msBeforeNext / 1000);
      res.setHeader('Retry-After', String(retry));
      res.status(429).json({
        errors: [
          {
            message: `rate limit of ${config.rateLimitPerMinute} requests per minute reached; retry in ${retry} s`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retry },
          },
        ],
      });
    }
  };
}
