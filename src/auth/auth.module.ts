import { Global, Module } from '@nestjs/common';
import { REQUEST_AUTHENTICATOR } from '../graphql/context.js';
import { AuthRepository } from './auth.repository.js';
import { AuthResolver, WorkspaceMembersResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';

/** Global: every entry point (GraphQL context, export controller) authenticates its caller. */
@Global()
@Module({
  providers: [
    AuthRepository,
    AuthService,
    { provide: REQUEST_AUTHENTICATOR, useExisting: AuthService },
    AuthResolver,
    WorkspaceMembersResolver,
  ],
  exports: [AuthService, AuthRepository, REQUEST_AUTHENTICATOR],
})
export class AuthModule {}
