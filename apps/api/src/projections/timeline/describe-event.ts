import type { CaseEvent, CaseEventData, CaseEventType } from '@sot/domain';

const ordinal = (n: number): string => `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
const words = (value: string): string => value.replace(/_/g, ' ');

type Describers = { readonly [T in CaseEventType]: (data: CaseEventData<T>) => string };

/**
 * One line per event type for the audit trail, built only from coded facts, ids, dates and the
 * names of clinicians, experts and institutions: never free text (a reason, a source, an outcome
 * can name the patient; they go in the entry's `text`, see event-text.ts). A new event type does
 * not compile until it has its line.
 */
const describers: Describers = {
  CaseOpened: ({ condition, originalOpinion }) =>
    `Case opened: ${condition.name} (${condition.severity.replace('_', '-')}); original opinion by ${originalOpinion.clinician.name}, ${originalOpinion.clinician.institution}`,
  CaseManagerAssigned: ({ caseManagerId, previousCaseManagerId }) =>
    `Assigned to ${caseManagerId}${previousCaseManagerId ? ` (was ${previousCaseManagerId})` : ''}`,
  DecisionDeadlineSet: ({ deadline }) => `Decision deadline set to ${deadline.slice(0, 10)}`,
  OriginalClinicianInformed: ({ method }) => `Original clinician informed (${method.replace('_', ' ')})`,
  OpinionRequested: ({ expert, ordinal: n, reviewMode }) =>
    `${ordinal(n)} opinion requested from ${expert.name} (${expert.specialty}, ${expert.institution}), ${reviewMode.replace('_', ' ')}`,
  InsuranceCoverageRecorded: ({ requestId, coverage }) =>
    `Coverage for ${requestId}: ${coverage.covered ? 'covered' : 'not covered'}${coverage.inPlanExpertRequired ? ', in-plan expert required' : ''}`,
  RecordsRequested: ({ requestId, items }) =>
    `Records requested for ${requestId}: ${items.map((item) => item.description).join('; ')}`,
  RecordsSent: ({ requestId, itemIds }) => `Records sent for ${requestId}: ${itemIds.join(', ')}`,
  RecordsReceived: ({ requestId, itemIds }) => `Records received for ${requestId}: ${itemIds.join(', ')}`,
  RecordsReleaseRefused: ({ refusedBy, itemIds }) => `${refusedBy} refused to release ${itemIds.join(', ')}`,
  OpinionReceived: ({ requestId, changesDiagnosis, changesTreatment }) => {
    const changes = [changesDiagnosis ? 'diagnosis' : '', changesTreatment ? 'treatment' : ''].filter(Boolean);
    return `Opinion received for ${requestId}: ${changes.length ? `changes the ${changes.join(' and the ')}` : 'agrees with the original'}`;
  },
  OpinionRequestCancelled: ({ requestId }) => `Opinion request ${requestId} cancelled`,
  ConflictRaised: ({ raisedAutomatically, subject, between }) =>
    `${raisedAutomatically ? 'Conflict raised automatically' : 'Conflict raised'} on the ${subject} between ${between.join(', ')}`,
  ConflictResolved: ({ conflictId, resolution }) => `Conflict ${conflictId} resolved by ${words(resolution)}`,
  DecisionMade: ({ optionChosen, openConflictsAcknowledged }) =>
    `Decision recorded: ${optionChosen}${openConflictsAcknowledged.length ? ` (open conflicts acknowledged: ${openConflictsAcknowledged.join(', ')})` : ''}`,
  CaseClosed: ({ reason }) => `Case closed (${words(reason)})`,
  CaseReopened: () => 'Case reopened',
  NoteAdded: () => 'Note added',
  PatientDataErased: ({ reason, reference }) =>
    `Patient data erased (${words(reason)}${reference ? `; reference ${reference}` : ''})`,
};

export const describeEvent = (event: CaseEvent): string => {
  // TypeScript cannot pair a union's tag with its data across a lookup; the table's type does.
  const describe = describers[event.type] as (data: CaseEvent['data']) => string;
  return describe(event.data);
};
