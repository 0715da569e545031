import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { ClaimRepository } from './claim.repository.js';
import { ClaimResolver } from './claim.resolver.js';
import { ClaimService } from './claim.service.js';

@Module({
  imports: [WorkspacesModule],
  providers: [ClaimRepository, ClaimService, ClaimResolver],
  exports: [ClaimRepository, ClaimService],
})
export class ClaimsModule {}
