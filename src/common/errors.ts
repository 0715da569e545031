/**
 * Every error a user can cause has a code. Services throw these; one place
 * (graphql-error.formatter.ts) turns them into GraphQL errors. Anything else that escapes is a
 * bug and reaches the client only as a generic internal error.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe, user-facing extra fields (e.g. `field`, `index`), copied into `extensions`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', message, details);

export const notFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} ${JSON.stringify(id)} was not found`, { id });

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, details);

export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
