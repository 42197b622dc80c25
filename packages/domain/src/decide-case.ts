import type { CaseCommandOf } from './commands';
import { fail } from './errors';
import { event } from './events';
import type { CaseEvent } from './events';
import { requireCase, requireNotClosed, requireUndecided } from './guards';
import type { CaseState } from './state';

/** No one alive was born before this; a later date is a typing error, not a patient. */
const EARLIEST_BIRTH_DATE = '1880-01-01';
/** A decision deadline is about treatment not being delayed: years, not decades, ahead at most. */
export const MAX_DEADLINE_YEARS = 5;

export const yearsAfter = (instant: string, years: number): number => {
  const date = new Date(instant);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
};

export const openCase = ({ data, metadata }: CaseCommandOf<'OpenCase'>, state: CaseState): CaseEvent[] => {
  if (state.status !== 'none') {
    fail('CASE_ALREADY_OPENED', 'A case with this id has already been opened');
  }
  const { birthDate } = data.personal;
  // Tomorrow in UTC is already today somewhere east of it: a newborn is never refused.
  const latestBirthDate = new Date(Date.parse(metadata.now) + 86_400_000).toISOString().slice(0, 10);
  if (birthDate !== undefined && (birthDate > latestBirthDate || birthDate < EARLIEST_BIRTH_DATE)) {
    fail(
      'INVALID_INPUT',
      `The birth date ${birthDate} is ${birthDate < EARLIEST_BIRTH_DATE ? `before ${EARLIEST_BIRTH_DATE}` : 'in the future'}`,
      'data.personal.birthDate',
    );
  }
  const occurredAt = metadata.now;
  const { personal, condition, originalOpinion, caseManagerId } = data;
  return [
    event('CaseOpened', { occurredAt, personal, condition, originalOpinion }),
    event('CaseManagerAssigned', { occurredAt, caseManagerId }),
  ];
};

export const assignCaseManager = (
  { data, metadata }: CaseCommandOf<'AssignCaseManager'>,
  state: CaseState,
): CaseEvent[] => {
  const existing = requireCase(state);
  if (existing.caseManagerId === data.caseManagerId) {
    fail('CASE_MANAGER_UNCHANGED', 'The case is already assigned to this case manager', 'data.caseManagerId');
  }
  return [
    event('CaseManagerAssigned', {
      occurredAt: metadata.now,
      caseManagerId: data.caseManagerId,
      ...(existing.caseManagerId ? { previousCaseManagerId: existing.caseManagerId } : {}),
      ...(data.reason ? { reason: data.reason } : {}),
    }),
  ];
};

export const setDecisionDeadline = (
  { data, metadata }: CaseCommandOf<'SetDecisionDeadline'>,
  state: CaseState,
): CaseEvent[] => {
  const open = requireUndecided(state);
  if (Date.parse(data.deadline) <= Date.parse(metadata.now)) {
    fail('DEADLINE_NOT_IN_FUTURE', `The deadline ${data.deadline} is not after now (${metadata.now})`, 'data.deadline');
  }
  if (Date.parse(data.deadline) > yearsAfter(metadata.now, MAX_DEADLINE_YEARS)) {
    fail(
      'INVALID_INPUT',
      `The deadline ${data.deadline.slice(0, 10)} is more than ${MAX_DEADLINE_YEARS} years away: check the year`,
      'data.deadline',
    );
  }
  return [
    event('DecisionDeadlineSet', {
      occurredAt: metadata.now,
      deadline: data.deadline,
      source: data.source,
      ...(open.deadline ? { previousDeadline: open.deadline } : {}),
    }),
  ];
};

export const informOriginalClinician = (
  { data, metadata }: CaseCommandOf<'InformOriginalClinician'>,
  state: CaseState,
): CaseEvent[] => {
  const active = requireNotClosed(state);
  if (active.clinicianInformedAt !== undefined) {
    fail('CLINICIAN_ALREADY_INFORMED', `The original clinician was informed on ${active.clinicianInformedAt}`);
  }
  return [event('OriginalClinicianInformed', { occurredAt: metadata.now, ...data })];
};

export const closeCase = ({ data, metadata }: CaseCommandOf<'CloseCase'>, state: CaseState): CaseEvent[] => {
  const active = requireNotClosed(state);
  if (data.reason === 'decision_made' && active.status !== 'decided') {
    fail('DECISION_NOT_MADE', 'The case cannot be closed as decided: no decision has been recorded', 'data.reason');
  }
  return [event('CaseClosed', { occurredAt: metadata.now, ...data })];
};

export const reopenCase = ({ data, metadata }: CaseCommandOf<'ReopenCase'>, state: CaseState): CaseEvent[] => {
  const existing = requireCase(state);
  if (existing.status !== 'closed') {
    fail('CASE_NOT_CLOSED', 'Only a closed case can be reopened');
  }
  return [event('CaseReopened', { occurredAt: metadata.now, reason: data.reason })];
};

export const addNote = ({ data, metadata }: CaseCommandOf<'AddNote'>, state: CaseState): CaseEvent[] => {
  const existing = requireCase(state);
  if (existing.noteIds.includes(data.noteId)) {
    fail('NOTE_ALREADY_EXISTS', `A note ${data.noteId} already exists on this case`, 'data.noteId');
  }
  return [
    event('NoteAdded', {
      occurredAt: metadata.now,
      noteId: data.noteId,
      author: metadata.actorId,
      personal: { text: data.text },
    }),
  ];
};

export const erasePatientData = (
  { data, metadata }: CaseCommandOf<'ErasePatientData'>,
  state: CaseState,
): CaseEvent[] => {
  const existing = requireCase(state);
  if (existing.status !== 'closed') {
    fail('CASE_NOT_CLOSED', "Close the case before erasing the patient's data");
  }
  return [
    event('PatientDataErased', {
      occurredAt: metadata.now,
      reason: data.reason,
      ...(data.reference ? { reference: data.reference } : {}),
      erasedBy: metadata.actorId,
    }),
  ];
};
