import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorCode } from './errors.js';

/** HTTP status of the error Nest raises for a code, for errors that come from Nest pipes/guards. */
const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'RATE_LIMITED',
};

/** Codes that GraphQL/Apollo itself assigns to malformed requests; they are safe to pass on. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function exhaustive(code: never): never {
  throw new Error(`unmapped error code ${String(code)}`);
}

/** Maps a domain code to the GraphQL `extensions.code`; the switch makes a new code a type error until mapped. */
export function graphqlCodeFor(code: ErrorCode): string {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'FORBIDDEN':
    case 'CONFLICT':
    case 'UNAUTHENTICATED':
    case 'RATE_LIMITED':
      return code;
    default:
      return exhaustive(code);
  }
}

function messagesOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return exception.message;
}

/**
 * Apollo `formatError`: the one place that decides what a client sees of an error. Domain errors
 * and protocol errors pass with their code; everything else is logged in full and replaced by a
 * generic message, so stack traces, SQL and secrets never reach the client.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { ...original.details, code: graphqlCodeFor(original.code) },
    };
  }
  if (original instanceof HttpException) {
    const code = HTTP_TO_CODE[original.getStatus()];
    if (code)
      return { ...base, message: messagesOf(original), extensions: { code: graphqlCodeFor(code) } };
  }
  const code = formatted.extensions?.code;
  // Parse, validation (incl. the query limits) and variable-coercion errors are written by
  // graphql-js/Apollo about the request itself: safe and useful to pass on as they are.
  if (typeof code === 'string' && PROTOCOL_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  // errorLoggingPlugin logs the detail with the request id; the client gets nothing of it.
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
