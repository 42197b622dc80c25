import type { CaseCommandOf } from './commands';
import { fail } from './errors';
import { event } from './events';
import type { CaseEvent } from './events';
import { requireCase, requireNotClosed, requireUndecided } from './guards';
import type { CaseState } from './state';

export const openCase = ({ data, metadata }: CaseCommandOf<'OpenCase'>, state: CaseState): CaseEvent[] => {
  if (state.status !== 'none') {
    fail('CASE_ALREADY_OPENED', 'A case with this id has already been opened');
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
