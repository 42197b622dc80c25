import { EventStoreError, EventStoreUnavailableError } from '../types';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);
// PostgreSQL classes 08 (connection exception) and 57P (operator intervention: shutdown, crash).
const CONNECTION_SQLSTATES = /^(08|57P)/;

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

export const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  codeOf(error) === '23505' &&
  typeof error === 'object' &&
  error !== null &&
  'constraint' in error &&
  error.constraint === constraint;

/** Turns what `pg` throws into the port's errors; anything else is passed on untouched. */
export const toStoreError = (error: unknown, what: string): unknown => {
  if (error instanceof EventStoreError) {
    return error;
  }
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const lostConnection =
    (code !== undefined && (CONNECTION_ERRORS.has(code) || CONNECTION_SQLSTATES.test(code))) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(message);
  if (lostConnection) {
    return new EventStoreUnavailableError(
      `The event store's PostgreSQL database is unreachable (${what}): ${message}`,
      error,
    );
  }
  if (code === '22P02' || code === '22P05' || code === '22023') {
    return new EventStoreError('INVALID_ARGUMENT', `The event store rejected the input (${what}): ${message}`, {
      cause: error,
    });
  }
  return error;
};
