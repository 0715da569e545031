import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../../workspaces/workspaces.module.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLogResolver } from './audit-log.resolver.js';
import { AuditLogService } from './audit-log.service.js';

/** Reading and verifying the audit log (the writer is AuditModule, used by every stage). */
@Module({
  imports: [WorkspacesModule],
  providers: [AuditLogRepository, AuditLogService, AuditLogResolver],
  exports: [AuditLogService],
})
export class AuditLogModule {}
