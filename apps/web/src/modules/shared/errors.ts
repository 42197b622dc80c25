import { CombinedGraphQLErrors } from '@apollo/client/errors';

export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'UNAVAILABLE'
  /** Too many failed sign-ins: the message says how long to wait. */
  | 'RATE_LIMITED';

export type ApiError = { code: ApiErrorCode | undefined; message: string; field: string | undefined };

/** The first error the api gave, with its code and the input field it names (`input.x.y`). */
export const apiError = (error: unknown): ApiError => {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions as { code?: ApiErrorCode; field?: string } | undefined;
    return { code: extensions?.code, message: first?.message ?? error.message, field: extensions?.field };
  }
  return {
    code: undefined,
    message: 'The server could not be reached. Check your connection; nothing was lost, try again.',
    field: undefined,
  };
};

export const errorMessage = (error: unknown): string => apiError(error).message;
