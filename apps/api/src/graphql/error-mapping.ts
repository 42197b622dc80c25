import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@sot/domain';
import type { DomainErrorCode } from '@sot/domain';
import { EventStoreError } from '@sot/event-store';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../platform';
import type { AppErrorCode } from '../platform';

/** Every domain rule maps to one GraphQL code; the switch is exhaustive so a new rule cannot slip by. */
export const graphQLCodeFor = (code: DomainErrorCode): AppErrorCode => {
  switch (code) {
    case 'CASE_NOT_FOUND':
    case 'OPINION_REQUEST_NOT_FOUND':
    case 'RECORD_ITEM_NOT_FOUND':
    case 'CONFLICT_NOT_FOUND':
      return 'NOT_FOUND';
    case 'CASE_ALREADY_OPENED':
    case 'OPINION_REQUEST_ALREADY_EXISTS':
    case 'RECORD_ITEM_ALREADY_EXISTS':
    case 'CONFLICT_ALREADY_EXISTS':
    case 'NOTE_ALREADY_EXISTS':
      return 'CONFLICT';
    case 'INVALID_INPUT':
    case 'CASE_CLOSED':
    case 'CASE_NOT_CLOSED':
    case 'DECISION_ALREADY_MADE':
    case 'DECISION_NOT_MADE':
    case 'DEADLINE_NOT_IN_FUTURE':
    case 'CLINICIAN_ALREADY_INFORMED':
    case 'CASE_MANAGER_UNCHANGED':
    case 'OPINION_REQUEST_CANCELLED':
    case 'OPINION_ALREADY_RECEIVED':
    case 'OPINION_NOT_RECEIVED':
    case 'RECORD_ITEM_WRONG_STATUS':
    case 'CONFLICT_ALREADY_RESOLVED':
    case 'CONFLICT_PARTIES_INVALID':
    case 'OPEN_CONFLICTS_NOT_ACKNOWLEDGED':
    case 'PATIENT_DATA_ERASED':
      return 'BAD_USER_INPUT';
    default: {
      const unexpected: never = code;
      return unexpected;
    }
  }
};

export type ErrorReporter = (error: unknown) => void;

/** A command's data is the mutation's `input`: name the field as the client sent it. */
const inputPath = (domainPath: string): string => domainPath.replace(/^data(?=[.[]|$)/, 'input');

/**
 * The variable path graphql-js names in its coercion errors, e.g. `Variable "$input" got invalid
 * value "XYZ" at "input.coverage.currency"` or `... at "input.personal"; Field "patientName" of
 * required type "String!" was not provided.`
 */
const variablePath = (message: string): string | undefined => {
  const at = /^Variable "\$[^"]+" got invalid value .*? at "([^"]+)"/.exec(message)?.[1];
  const missing = /Field "([^"]+)" of required type "[^"]+" was not provided/.exec(message)?.[1];
  const variable = /^Variable "\$([^"]+)"/.exec(message)?.[1];
  const path = at ?? variable;
  return path && missing ? `${path}.${missing}` : path;
};

/** Apollo's formatError: known errors keep their message and gain a code; anything else is hidden. */
export const formatGraphQLError =
  (report: ErrorReporter) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof DomainError) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: graphQLCodeFor(original.code),
          domainCode: original.code,
          ...(original.path ? { field: inputPath(original.path) } : {}),
        },
      };
    }
    if (original instanceof EventStoreError && original.code === 'UNAVAILABLE') {
      return {
        ...base,
        message: 'The event store is unavailable; nothing was recorded. Try again shortly.',
        extensions: { code: 'UNAVAILABLE' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const field =
        typeof formatted.extensions?.field === 'string' ? formatted.extensions.field : variablePath(formatted.message);
      return { ...base, extensions: { code, ...(field ? { field } : {}) } };
    }
    report(original);
    return { ...base, message: 'Internal error: it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
