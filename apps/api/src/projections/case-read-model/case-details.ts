import { ERASED } from '@sot/domain';
import type { CaseEvent, CaseEventData, CaseEventType } from '@sot/domain';
import type {
  CaseDetails,
  ConflictDetails,
  ConflictStanding,
  DecisionDetails,
  OpinionDetails,
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

/** A record item moves on: the refusal no longer stands, though it stays in `refusals`. */
const itemNow =
  (status: 'sent' | 'received', at: string, trackingReference?: string) =>
  ({ refusedBy: _by, refusalReason: _reason, ...item }: RecordItemDetails): RecordItemDetails => ({
    ...item,
    status,
    ...(status === 'sent' ? { sentAt: at } : { receivedAt: at }),
    ...(trackingReference ? { trackingReference } : {}),
  });

const recordsRequested = (details: CaseDetails, data: CaseEventData<'RecordsRequested'>): CaseDetails => {
  const added = data.items.map((item): RecordItemDetails => ({
    ...item,
    status: 'requested',
    requestedAt: data.occurredAt,
    refusals: [],
  }));
  return updateRequest(details, data.requestId, (request) => ({ ...request, records: [...request.records, ...added] }));
};

const refused = (details: CaseDetails, data: CaseEventData<'RecordsReleaseRefused'>): CaseDetails =>
  updateItems(details, data, (item) => ({
    ...item,
    status: 'refused',
    refusedBy: data.refusedBy,
    refusalReason: data.reason,
    refusals: [...item.refusals, { refusedBy: data.refusedBy, reason: data.reason, at: data.occurredAt }],
  }));

const requested = (details: CaseDetails, data: CaseEventData<'OpinionRequested'>): CaseDetails => {
  const { occurredAt, ...request } = data;
  const added: OpinionRequestDetails = { ...request, requestedAt: occurredAt, status: 'requested', records: [] };
  return { ...details, requests: [...details.requests, added] };
};

const received = (details: CaseDetails, data: CaseEventData<'OpinionReceived'>): CaseDetails => {
  const { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, occurredAt, personal } = data;
  const opinion = {
    diagnosis,
    recommendedTreatment,
    changesDiagnosis,
    changesTreatment,
    receivedAt: occurredAt,
    ...(personal?.summary ? { summary: personal.summary } : {}),
  };
  return updateRequest(details, data.requestId, (request) => ({ ...request, status: 'received', opinion }));
};

const conflictRaised = (details: CaseDetails, data: CaseEventData<'ConflictRaised'>): CaseDetails => {
  const { conflictId, subject, between, raisedAutomatically, description, occurredAt: raisedAt } = data;
  const raised: ConflictDetails = {
    conflictId,
    standing: 'open',
    subject,
    between,
    raisedAutomatically,
    raisedAt,
    description,
  };
  return { ...details, conflicts: [...details.conflicts, raised] };
};

const conflictResolved = (details: CaseDetails, data: CaseEventData<'ConflictResolved'>): CaseDetails => {
  const { conflictId, resolution, furtherOpinionRequestId, outcome, occurredAt: resolvedAt } = data;
  const settle = (conflict: ConflictDetails): ConflictDetails => ({
    ...conflict,
    standing: 'resolved',
    resolution,
    resolvedAt,
    outcome,
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
  const { rationaleInPatientsWords } = data.personal;
  const decision = { optionChosen, recordedBy, openConflictsAcknowledged, decidedAt, rationaleInPatientsWords };
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
  ...(data.comment ? { closeComment: data.comment } : {}),
  conflicts: restand(details.conflicts, ['open'], 'closed_unresolved'),
});

const reopened = ({
  decision,
  closedAt: _at,
  closeReason: _reason,
  closeComment: _comment,
  ...details
}: CaseDetails): CaseDetails => ({
  ...details,
  status: 'open',
  earlierDecisions: decision ? [...details.earlierDecisions, decision] : details.earlierDecisions,
  conflicts: restand(details.conflicts, ['acknowledged_at_decision', 'closed_unresolved'], 'open'),
});

const eraseOpinion = ({ summary, ...opinion }: OpinionDetails): OpinionDetails =>
  summary === undefined ? opinion : { ...opinion, summary: ERASED };

/**
 * The case page once the patient's data is erased: every patient text reads ERASED, exactly as a
 * rebuild from the events (whose sealed fields then open as erased) would fold it.
 */
const erased = (details: CaseDetails, data: CaseEventData<'PatientDataErased'>): CaseDetails => {
  const eraseDecision = (decision: DecisionDetails): DecisionDetails => ({
    ...decision,
    rationaleInPatientsWords: ERASED,
  });
  const eraseRecord = (item: RecordItemDetails): RecordItemDetails => ({
    ...item,
    ...(item.refusalReason === undefined ? {} : { refusalReason: ERASED }),
    refusals: item.refusals.map((refusal) => ({ ...refusal, reason: ERASED })),
  });
  const eraseRequest = (request: OpinionRequestDetails): OpinionRequestDetails => ({
    ...request,
    ...(request.question === undefined ? {} : { question: ERASED }),
    records: request.records.map(eraseRecord),
    ...(request.opinion === undefined ? {} : { opinion: eraseOpinion(request.opinion) }),
  });
  const { deadlineSource, clinicianInformedReason, closeComment, decision, ...rest } = details;
  return {
    ...rest,
    patient: { name: ERASED },
    ...(deadlineSource === undefined ? {} : { deadlineSource: ERASED }),
    ...(clinicianInformedReason === undefined ? {} : { clinicianInformedReason: ERASED }),
    ...(closeComment === undefined ? {} : { closeComment: ERASED }),
    ...(decision === undefined ? {} : { decision: eraseDecision(decision) }),
    requests: details.requests.map(eraseRequest),
    conflicts: details.conflicts.map((conflict) => ({
      ...conflict,
      description: ERASED,
      ...(conflict.outcome === undefined ? {} : { outcome: ERASED }),
    })),
    earlierDecisions: details.earlierDecisions.map(eraseDecision),
    erasure: { erasedAt: data.occurredAt, reason: data.reason, erasedBy: data.erasedBy },
  };
};

type Evolvers = {
  readonly [T in CaseEventType]: (details: CaseDetails, data: CaseEventData<T>) => CaseDetails;
};

/** One rule per event type: a new event type does not compile until this read model says what it shows. */
const evolvers: Evolvers = {
  CaseOpened: (_details, data) => opened(data),
  CaseManagerAssigned: (details, { caseManagerId }) => ({ ...details, caseManagerId }),
  DecisionDeadlineSet: (details, { deadline, source }) => ({ ...details, deadline, deadlineSource: source }),
  OriginalClinicianInformed: (details, { occurredAt, method, reasonGiven }) => ({
    ...details,
    clinicianInformedAt: occurredAt,
    clinicianInformedMethod: method,
    ...(reasonGiven ? { clinicianInformedReason: reasonGiven } : {}),
  }),
  OpinionRequested: requested,
  InsuranceCoverageRecorded: (details, { requestId, coverage }) =>
    updateRequest(details, requestId, (request) => ({ ...request, coverage })),
  RecordsRequested: recordsRequested,
  RecordsSent: (details, data) => updateItems(details, data, itemNow('sent', data.occurredAt, data.trackingReference)),
  RecordsReceived: (details, data) => updateItems(details, data, itemNow('received', data.occurredAt)),
  RecordsReleaseRefused: refused,
  OpinionReceived: received,
  OpinionRequestCancelled: (details, { requestId }) =>
    updateRequest(details, requestId, (request) => ({ ...request, status: 'cancelled' })),
  ConflictRaised: conflictRaised,
  ConflictResolved: conflictResolved,
  DecisionMade: decided,
  CaseClosed: closed,
  CaseReopened: (details) => reopened(details),
  // Notes are rows of their own (case_notes, see the projection): the page only shows the activity.
  NoteAdded: (details) => details,
  PatientDataErased: erased,
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
