import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { formatGraphQLError } from '../common/graphql-error.formatter.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { LinkingModule } from '../linking/linking.module.js';
import { LoaderFactory } from './loaders.js';
import type { GqlContext } from './context.js';
import { AuthService } from '../auth/auth.service.js';
import { armor, errorLoggingPlugin } from './hardening.js';

@Module({
  imports: [WorkspacesModule, SourcesModule, ClaimsModule, LinkingModule],
  providers: [LoaderFactory],
  exports: [LoaderFactory],
})
export class LoadersModule {}

export const GraphqlApiModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [LoadersModule],
  inject: [LoaderFactory, APP_CONFIG, AuthService],
  useFactory: (loaders: LoaderFactory, config: AppConfig, auth: AuthService) => ({
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
        loaders: loaders.create(),
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
