import type { CaseEvent, CaseEventData, CaseEventType } from '@sot/domain';
import type {
  CaseDetails,
  ConflictDetails,
  ConflictStanding,
  OpinionRequestDetails,
  RecordItemDetails,
} from '../schema/case-details';

const opened = ({ occurredAt, personal, condition, originalOpinion }: CaseEventData<'CaseOpened'>): CaseDetails => ({
  status: 'open',
  patient: {
    name: personal.patientName,
    ...(personal.birthDate ? { birthDate: personal.birthDate } : {}),
    ...(personal.medicalRecordNumber ? { medicalRecordNumber: personal.medicalRecordNumber } : {}),
  },
  condition,
  originalOpinion,
  openedAt: occurredAt,
  lastActivityAt: occurredAt,
  requests: [],
  conflicts: [],
  earlierDecisions: [],
});

const updateRequest = (
  details: CaseDetails,
  requestId: string,
  change: (request: OpinionRequestDetails) => OpinionRequestDetails,
): CaseDetails => ({
  ...details,
  requests: details.requests.map((request) => (request.requestId === requestId ? change(request) : request)),
});

const updateItems = (
  details: CaseDetails,
  { requestId, itemIds }: { readonly requestId: string; readonly itemIds: readonly string[] },
  change: (item: RecordItemDetails) => RecordItemDetails,
): CaseDetails =>
  updateRequest(details, requestId, (request) => ({
    ...request,
    records: request.records.map((item) => (itemIds.includes(item.itemId) ? change(item) : item)),
  }));

/** A record item moves on: a refusal it had no longer stands. */
const itemNow =
  (status: 'sent' | 'received') =>
  ({ refusedBy: _by, refusalReason: _reason, ...item }: RecordItemDetails): RecordItemDetails => ({ ...item, status });

const requested = (details: CaseDetails, data: CaseEventData<'OpinionRequested'>): CaseDetails => {
  const { occurredAt, question: _question, ...request } = data;
  const added: OpinionRequestDetails = { ...request, requestedAt: occurredAt, status: 'requested', records: [] };
  return { ...details, requests: [...details.requests, added] };
};

const received = (details: CaseDetails, data: CaseEventData<'OpinionReceived'>): CaseDetails => {
  const { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, occurredAt } = data;
  const opinion = { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, receivedAt: occurredAt };
  return updateRequest(details, data.requestId, (request) => ({ ...request, status: 'received', opinion }));
};

const conflictRaised = (details: CaseDetails, data: CaseEventData<'ConflictRaised'>): CaseDetails => {
  const { conflictId, subject, between, raisedAutomatically, occurredAt: raisedAt } = data;
  const raised: ConflictDetails = { conflictId, standing: 'open', subject, between, raisedAutomatically, raisedAt };
  return { ...details, conflicts: [...details.conflicts, raised] };
};

const conflictResolved = (details: CaseDetails, data: CaseEventData<'ConflictResolved'>): CaseDetails => {
  const { conflictId, resolution, furtherOpinionRequestId, occurredAt: resolvedAt } = data;
  const settle = (conflict: ConflictDetails): ConflictDetails => ({
    ...conflict,
    standing: 'resolved',
    resolution,
    resolvedAt,
    ...(furtherOpinionRequestId ? { furtherOpinionRequestId } : {}),
  });
  return {
    ...details,
    conflicts: details.conflicts.map((conflict) => (conflict.conflictId === conflictId ? settle(conflict) : conflict)),
  };
};

/** Conflicts standing `from` move to `to`. */
const restand = (
  conflicts: readonly ConflictDetails[],
  from: readonly ConflictStanding[],
  to: ConflictStanding,
): ConflictDetails[] =>
  conflicts.map((conflict) => (from.includes(conflict.standing) ? { ...conflict, standing: to } : conflict));

const decided = (details: CaseDetails, data: CaseEventData<'DecisionMade'>): CaseDetails => {
  const { optionChosen, followsOpinionOf, recordedBy, openConflictsAcknowledged, occurredAt: decidedAt } = data;
  const decision = { optionChosen, recordedBy, openConflictsAcknowledged, decidedAt };
  return {
    ...details,
    status: 'decided',
    decision: followsOpinionOf ? { ...decision, followsOpinionOf } : decision,
    conflicts: restand(details.conflicts, ['open'], 'acknowledged_at_decision'),
  };
};

const closed = (details: CaseDetails, data: CaseEventData<'CaseClosed'>): CaseDetails => ({
  ...details,
  status: 'closed',
  closedAt: data.occurredAt,
  closeReason: data.reason,
  conflicts: restand(details.conflicts, ['open'], 'closed_unresolved'),
});

const reopened = ({ decision, closedAt: _at, closeReason: _reason, ...details }: CaseDetails): CaseDetails => ({
  ...details,
  status: 'open',
  earlierDecisions: decision ? [...details.earlierDecisions, decision] : details.earlierDecisions,
  conflicts: restand(details.conflicts, ['acknowledged_at_decision', 'closed_unresolved'], 'open'),
});

type Evolvers = {
  readonly [T in CaseEventType]: (details: CaseDetails, data: CaseEventData<T>) => CaseDetails;
};

/** One rule per event type: a new event type does not compile until this read model says what it shows. */
const evolvers: Evolvers = {
  CaseOpened: (_details, data) => opened(data),
  CaseManagerAssigned: (details, { caseManagerId }) => ({ ...details, caseManagerId }),
  DecisionDeadlineSet: (details, { deadline }) => ({ ...details, deadline }),
  OriginalClinicianInformed: (details, { occurredAt }) => ({ ...details, clinicianInformedAt: occurredAt }),
  OpinionRequested: requested,
  InsuranceCoverageRecorded: (details, { requestId, coverage }) =>
    updateRequest(details, requestId, (request) => ({ ...request, coverage })),
  RecordsRequested: (details, { requestId, items }) =>
    updateRequest(details, requestId, (request) => ({
      ...request,
      records: [...request.records, ...items.map((item): RecordItemDetails => ({ ...item, status: 'requested' }))],
    })),
  RecordsSent: (details, data) => updateItems(details, data, itemNow('sent')),
  RecordsReceived: (details, data) => updateItems(details, data, itemNow('received')),
  RecordsReleaseRefused: (details, data) =>
    updateItems(details, data, (item) => ({
      ...item,
      status: 'refused',
      refusedBy: data.refusedBy,
      refusalReason: data.reason,
    })),
  OpinionReceived: received,
  OpinionRequestCancelled: (details, { requestId }) =>
    updateRequest(details, requestId, (request) => ({ ...request, status: 'cancelled' })),
  ConflictRaised: conflictRaised,
  ConflictResolved: conflictResolved,
  DecisionMade: decided,
  CaseClosed: closed,
  CaseReopened: (details) => reopened(details),
  NoteAdded: (details) => details,
};

/** Folds one event into the case page; events before the case was opened are ignored. */
export const evolveCaseDetails = (details: CaseDetails | undefined, event: CaseEvent): CaseDetails | undefined => {
  if (event.type === 'CaseOpened') {
    return opened(event.data);
  }
  if (details === undefined) {
    return undefined;
  }
  // TypeScript cannot pair a union's tag with its data across a lookup; the table's type does.
  const evolver = evolvers[event.type] as (details: CaseDetails, data: CaseEvent['data']) => CaseDetails;
  const next = evolver(details, event.data);
  const at = event.data.occurredAt;
  return { ...next, lastActivityAt: at > next.lastActivityAt ? at : next.lastActivityAt };
};
