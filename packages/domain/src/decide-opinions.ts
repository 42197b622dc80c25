import type { CaseCommandOf } from './commands';
import { fail } from './errors';
import { event } from './events';
import type { CaseEvent, IndependenceConcern } from './events';
import { normalise, requireActiveRequest, requireNotClosed, requireUndecided } from './guards';
import { sameInstitutionRule } from './institutions';
import type { CaseState, OpenCase } from './state';
import type { Expert } from './values';

const independenceConcernsOf = (state: OpenCase, expert: Expert): IndependenceConcern[] => {
  const concerns: IndependenceConcern[] = [];
  if (sameInstitutionRule(expert.institution, state.originalOpinion.clinician.institution) !== undefined) {
    concerns.push('same_institution_as_original');
  }
  if (expert.closeAssociateOfOriginalClinician) {
    concerns.push('close_associate_of_original');
  }
  return concerns;
};

export const requestOpinion = ({ data, metadata }: CaseCommandOf<'RequestOpinion'>, state: CaseState): CaseEvent[] => {
  const open = requireUndecided(state);
  if (open.requests.some((request) => request.requestId === data.requestId)) {
    fail('OPINION_REQUEST_ALREADY_EXISTS', `Opinion request ${data.requestId} already exists`, 'data.requestId');
  }
  // Numbers are never reused: a cancelled 3rd opinion leaves the next one the 4th.
  const highest = Math.max(1, ...open.requests.map((request) => request.ordinal));
  return [
    event('OpinionRequested', {
      occurredAt: metadata.now,
      ...data,
      ordinal: highest + 1,
      sameSpecialtyAsOriginal: normalise(data.expert.specialty) === normalise(open.originalOpinion.clinician.specialty),
      independenceConcerns: independenceConcernsOf(open, data.expert),
    }),
  ];
};

export const recordInsuranceCoverage = (
  { data, metadata }: CaseCommandOf<'RecordInsuranceCoverage'>,
  state: CaseState,
): CaseEvent[] => {
  requireActiveRequest(requireNotClosed(state), data.requestId);
  return [event('InsuranceCoverageRecorded', { occurredAt: metadata.now, ...data })];
};

export const recordOpinionReceived = (
  { data, metadata }: CaseCommandOf<'RecordOpinionReceived'>,
  state: CaseState,
): CaseEvent[] => {
  const request = requireActiveRequest(requireNotClosed(state), data.requestId);
  if (request.status === 'received') {
    fail(
      'OPINION_ALREADY_RECEIVED',
      `The opinion for request ${data.requestId} was already received`,
      'data.requestId',
    );
  }
  const { summary, ...opinion } = data;
  return [
    event('OpinionReceived', { occurredAt: metadata.now, ...opinion, ...(summary ? { personal: { summary } } : {}) }),
  ];
};

export const cancelOpinionRequest = (
  { data, metadata }: CaseCommandOf<'CancelOpinionRequest'>,
  state: CaseState,
): CaseEvent[] => {
  const request = requireActiveRequest(requireNotClosed(state), data.requestId);
  if (request.status === 'received') {
    fail('OPINION_ALREADY_RECEIVED', 'An opinion that has been received cannot be cancelled', 'data.requestId');
  }
  return [event('OpinionRequestCancelled', { occurredAt: metadata.now, ...data })];
};
