import { Module } from '@nestjs/common';
import { LinkingModule } from '../linking/linking.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { ClusterMaintenanceService } from './cluster-maintenance.service.js';
import { ClusterRepository } from './cluster.repository.js';
import {
  ClaimClusterFieldResolver,
  ClaimClusterResolver,
  ClusterStatementResolver,
  CoverageResolver,
  DependentGroupResolver,
  FigurePointResolver,
  PublisherFramingResolver,
} from './tracking.resolver.js';
import { TrackingService } from './tracking.service.js';

/** Claim clusters, independent corroboration, coverage and framing (see docs/tracking.md). */
@Module({
  imports: [WorkspacesModule, LinkingModule],
  providers: [
    ClusterRepository,
    ClusterMaintenanceService,
    TrackingService,
    ClaimClusterResolver,
    ClusterStatementResolver,
    DependentGroupResolver,
    FigurePointResolver,
    PublisherFramingResolver,
    CoverageResolver,
    ClaimClusterFieldResolver,
  ],
  exports: [ClusterMaintenanceService, TrackingService],
})
export class TrackingModule {}
