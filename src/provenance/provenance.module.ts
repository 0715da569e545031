import { Global, Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { LinkingModule } from '../linking/linking.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLogResolver } from './audit-log.resolver.js';
import { AuditLogService } from './audit-log.service.js';
import { ExportController } from './export.controller.js';
import { ExportRepository } from './export.repository.js';
import { ExportService } from './export.service.js';
import { ProvenanceRepository } from './provenance.repository.js';
import {
  ClaimProvenanceFieldsResolver,
  ClaimProvenanceResolver,
  ProvenanceExportResolver,
} from './provenance.resolver.js';
import { ProvenanceService } from './provenance.service.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ReviewRepository } from './review.repository.js';
import { ReviewResolver } from './review.resolver.js';
import { ReviewService } from './review.service.js';
import { RevisionDiffResolver } from './revision.resolver.js';
import { RevisionService } from './revision.service.js';

/**
 * Read access for the per-request loaders (src/graphql/loaders.ts), which are built outside
 * this module; global so the GraphQL layer needs no import of a later feature.
 */
@Global()
@Module({ providers: [ProvenanceRepository], exports: [ProvenanceRepository] })
export class ProvenanceStoreModule {}

/** Provenance, review workflow, revision re-anchoring, audit verification and exports. */
@Module({
  imports: [ProvenanceStoreModule, WorkspacesModule, SourcesModule, ClaimsModule, LinkingModule],
  controllers: [ExportController],
  providers: [
    ReviewRepository,
    AuditLogRepository,
    ExportRepository,
    ProvenanceService,
    ReviewService,
    ReviewQueueService,
    RevisionService,
    AuditLogService,
    ExportService,
    ClaimProvenanceResolver,
    ClaimProvenanceFieldsResolver,
    ProvenanceExportResolver,
    ReviewResolver,
    RevisionDiffResolver,
    AuditLogResolver,
  ],
  exports: [ProvenanceService, ReviewService, RevisionService, AuditLogService, ExportService],
})
export class ProvenanceModule {}
