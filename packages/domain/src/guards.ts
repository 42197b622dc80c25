import { fail } from './errors';
import type { CaseState, ConflictState, DecidedCase, ExistingCase, OpenCase, OpinionRequestState } from './state';
import { ORIGINAL_OPINION } from './values';

/** A case whose patient data was erased is a closed record: nothing more is written to it. */
export const requireCase = (state: CaseState): ExistingCase => {
  if (state.status === 'none') {
    return fail('CASE_NOT_FOUND', 'No case has been opened under this id');
  }
  return state.erasedAt === undefined
    ? state
    : fail('PATIENT_DATA_ERASED', "The patient's data was erased from this case: it takes no further changes");
};

export const requireNotClosed = (state: CaseState): OpenCase | DecidedCase => {
  const existing = requireCase(state);
  return existing.status === 'closed'
    ? fail('CASE_CLOSED', 'The case is closed; reopen it before recording anything but notes or reassignments')
    : existing;
};

export const requireUndecided = (state: CaseState): OpenCase => {
  const active = requireNotClosed(state);
  return active.status === 'decided'
    ? fail('DECISION_ALREADY_MADE', 'The patient has already decided; reopen the case to revisit the decision')
    : active;
};

export const findRequest = (state: ExistingCase, requestId: string): OpinionRequestState =>
  state.requests.find((request) => request.requestId === requestId) ??
  fail('OPINION_REQUEST_NOT_FOUND', `No opinion request ${requestId} on this case`, 'data.requestId');

export const requireActiveRequest = (state: ExistingCase, requestId: string): OpinionRequestState => {
  const request = findRequest(state, requestId);
  return request.status === 'cancelled'
    ? fail('OPINION_REQUEST_CANCELLED', `Opinion request ${requestId} was cancelled`, 'data.requestId')
    : request;
};

export const findConflict = (state: ExistingCase, conflictId: string): ConflictState =>
  state.conflicts.find((conflict) => conflict.conflictId === conflictId) ??
  fail('CONFLICT_NOT_FOUND', `No conflict ${conflictId} on this case`, 'data.conflictId');

export const openConflicts = (state: ExistingCase): ConflictState[] =>
  state.conflicts.filter((conflict) => conflict.resolution === undefined);

/** An opinion that exists: the original, or a request whose opinion has been received. */
export const requireReceivedOpinion = (state: ExistingCase, source: string, path: string): void => {
  if (source === ORIGINAL_OPINION) {
    return;
  }
  const request = findRequest(state, source);
  if (request.status !== 'received') {
    fail('OPINION_NOT_RECEIVED', `No opinion has been received for request ${source}`, path);
  }
};

export const requireDistinct = (ids: readonly string[], path: string): void => {
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    fail('INVALID_INPUT', `${path} lists ${duplicate} more than once`, path);
  }
};

export const normalise = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
