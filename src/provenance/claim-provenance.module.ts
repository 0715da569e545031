import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ProvenanceLoaders } from './provenance.loaders.js';
import { ProvenanceRepository } from './provenance.repository.js';
import {
  ClaimProvenanceFieldsResolver,
  ClaimProvenanceResolver,
  ProvenanceExportResolver,
} from './provenance.resolver.js';
import { ProvenanceService } from './provenance.service.js';

/** Claim provenance and attribution chains (Claim.provenance, claimProvenance, exports of one claim). */
@Module({
  imports: [SourcesModule, ClaimsModule, ExportsModule],
  providers: [
    ProvenanceRepository,
    ProvenanceService,
    ProvenanceLoaders,
    ClaimProvenanceResolver,
    ClaimProvenanceFieldsResolver,
    ProvenanceExportResolver,
  ],
  exports: [ProvenanceRepository, ProvenanceService, ProvenanceLoaders],
})
export class ClaimProvenanceModule {}
