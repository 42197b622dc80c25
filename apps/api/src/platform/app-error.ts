/** Errors the api raises itself; the GraphQL filter maps each code to `extensions.code`. */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'UNAVAILABLE'
  /** Too many attempts (failed sign-ins): `retryAfterSeconds` says when to try again. */
  | 'RATE_LIMITED';

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
