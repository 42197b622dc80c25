/** Every rule a command can break, as a closed union. The API maps each code to a GraphQL error code. */
export const domainErrorCodes = [
  'INVALID_INPUT',
  'CASE_NOT_FOUND',
  'CASE_ALREADY_OPENED',
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'DECISION_ALREADY_MADE',
  'DECISION_NOT_MADE',
  'NOTE_ALREADY_EXISTS',
  'DEADLINE_NOT_IN_FUTURE',
  'CLINICIAN_ALREADY_INFORMED',
  'CASE_MANAGER_UNCHANGED',
  'OPINION_REQUEST_NOT_FOUND',
  'OPINION_REQUEST_ALREADY_EXISTS',
  'OPINION_REQUEST_CANCELLED',
  'OPINION_ALREADY_RECEIVED',
  'OPINION_NOT_RECEIVED',
  'RECORD_ITEM_NOT_FOUND',
  'RECORD_ITEM_ALREADY_EXISTS',
  'RECORD_ITEM_WRONG_STATUS',
  'CONFLICT_NOT_FOUND',
  'CONFLICT_ALREADY_EXISTS',
  'CONFLICT_ALREADY_RESOLVED',
  'CONFLICT_PARTIES_INVALID',
  'OPEN_CONFLICTS_NOT_ACKNOWLEDGED',
  'PATIENT_DATA_ERASED',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Where in the command the problem is, e.g. `data.items[2].kind`. */
    readonly path?: string,
  ) {
    super(message);
  }
}

export const fail = (code: DomainErrorCode, message: string, path?: string): never => {
  throw new DomainError(code, message, path);
};

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
