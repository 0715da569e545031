import { randomUUID } from 'node:crypto';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { formatGraphQLError } from '../common/graphql-error.formatter.js';
import { REQUEST_AUTHENTICATOR, type GqlContext, type RequestAuthenticator } from './context.js';
import { RequestLoaders } from './request-loaders.js';
import { armor, errorLoggingPlugin } from './hardening.js';

export const GraphqlApiModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  // Knows no feature: auth/ provides REQUEST_AUTHENTICATOR, and each feature provides its
  // loader factories (request-loaders.ts), found here through the app's container.
  inject: [ModuleRef, APP_CONFIG, REQUEST_AUTHENTICATOR],
  useFactory: (modules: ModuleRef, config: AppConfig, auth: RequestAuthenticator) => ({
    path: '/graphql',
    // Built in memory; `npm run schema` writes schema.gql and a test keeps the two equal.
    autoSchemaFile: true,
    sortSchema: true,
    // Apollo's and Nest's explorers load from a CDN; ours is served offline at /explorer.
    graphiql: false,
    introspection: config.introspection,
    formatError: formatGraphQLError,
    ...hardened(config),
    context: async ({ req }: { req: Request }): Promise<GqlContext> => {
      const access = await auth.accessFor(req.headers.authorization);
      return {
        req,
        requestId: String((req as Request & { id?: unknown }).id ?? randomUUID()),
        loaders: new RequestLoaders((type) => modules.get(type, { strict: false })),
        actor: access.actor,
        access,
      };
    },
  }),
});

function hardened(config: AppConfig) {
  const protection = armor(config);
  return {
    validationRules: protection.validationRules,
    // graphql-armor is typed against its own copy of @apollo/server's plugin type.
    plugins: [...protection.plugins, errorLoggingPlugin] as NonNullable<
      ApolloDriverConfig['plugins']
    >,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
  };
}
