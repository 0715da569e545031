import { Global, Module } from '@nestjs/common';
import { AuthRepository } from './auth.repository.js';
import { AuthResolver, WorkspaceMembersResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';

@Global()
@Module({
  providers: [AuthRepository, AuthService, AuthResolver, WorkspaceMembersResolver],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
