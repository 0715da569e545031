import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from './provenance/audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import { GraphqlApiModule } from './graphql/graphql-api.module.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { LinkingModule } from './linking/linking.module.js';
import { ProvenanceModule } from './provenance/provenance.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { TrackingModule } from './tracking/tracking.module.js';
import { WorkspacesModule } from './workspaces/workspaces.module.js';

@Module({})
export class AppModule {
  /** The whole service against `databaseUrl` (already migrated: see database/bootstrap.ts). */
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    options: { graphql?: boolean } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        AuditModule,
        AuthModule,
        WorkspacesModule,
        ClaimsModule,
        SourcesModule,
        IngestModule,
        LinkingModule,
        ProvenanceModule,
        TrackingModule,
        // The CLI and workers run the same services without the HTTP/GraphQL layer.
        ...(options.graphql === false ? [] : [GraphqlApiModule, HealthModule]),
      ],
    };
  }
}
