import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every exception raised in a resolver to GraphQL unchanged, so that formatGraphQLError
 * is the single place deciding what the client sees and what is logged. (Nest's default
 * handler would log user mistakes as server errors.)
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost) {
    return exception;
  }
}
