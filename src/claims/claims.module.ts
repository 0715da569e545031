import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { ClaimLoaders } from './claim.loaders.js';
import { ClaimRepository } from './claim.repository.js';
import { ClaimResolver } from './claim.resolver.js';
import { ClaimService } from './claim.service.js';
import { RevisionClaimsResolver, SourceClaimsResolver } from './source-claims.resolver.js';

@Module({
  imports: [WorkspacesModule],
  providers: [
    ClaimRepository,
    ClaimService,
    ClaimLoaders,
    ClaimResolver,
    SourceClaimsResolver,
    RevisionClaimsResolver,
  ],
  exports: [ClaimRepository, ClaimService, ClaimLoaders],
})
export class ClaimsModule {}
