import { Module } from '@nestjs/common';
import { LinkingModule } from '../linking/linking.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { ClusterMaintenanceService } from './cluster-maintenance.service.js';
import { ClusterRepository } from './cluster.repository.js';
import { ClusterInputRepository } from './cluster-input.repository.js';
import { ClusterStatsRepository } from './cluster-stats.repository.js';
import { DerivationRepository } from './derivation.repository.js';
import { DirtyClaimRepository } from './dirty-claim.repository.js';
import { FingerprintRepository } from './fingerprint.repository.js';
import {
  ClaimClusterFieldResolver,
  ClaimClusterResolver,
  ClusterStatementResolver,
  CoverageResolver,
  DependentGroupResolver,
  FigurePointResolver,
  PublisherFramingResolver,
  SourceDerivationResolver,
} from './tracking.resolver.js';
import { TrackingService } from './tracking.service.js';

/** Claim clusters, independent corroboration, coverage and framing (see docs/tracking.md). */
@Module({
  imports: [WorkspacesModule, LinkingModule],
  providers: [
    ClusterRepository,
    ClusterInputRepository,
    ClusterStatsRepository,
    DerivationRepository,
    DirtyClaimRepository,
    FingerprintRepository,
    ClusterMaintenanceService,
    TrackingService,
    ClaimClusterResolver,
    ClusterStatementResolver,
    DependentGroupResolver,
    FigurePointResolver,
    PublisherFramingResolver,
    SourceDerivationResolver,
    CoverageResolver,
    ClaimClusterFieldResolver,
  ],
  exports: [ClusterMaintenanceService, TrackingService],
})
export class TrackingModule {}
