import type { CaseEvent, CaseEventData, CaseEventType } from './events';
import type {
  CaseData,
  CaseState,
  ClosedCase,
  ExistingCase,
  OpinionRequestState,
  RecordItemState,
  RecordItemStatus,
} from './state';

const withRequest = (
  data: CaseData,
  requestId: string,
  change: (request: OpinionRequestState) => OpinionRequestState,
): CaseData => ({
  ...data,
  requests: data.requests.map((request) => (request.requestId === requestId ? change(request) : request)),
});

const withItems = (
  data: CaseData,
  requestId: string,
  itemIds: readonly string[],
  change: (item: RecordItemState) => RecordItemState,
): CaseData =>
  withRequest(data, requestId, (request) => ({
    ...request,
    records: request.records.map((item) => (itemIds.includes(item.itemId) ? change(item) : item)),
  }));

const itemStatus =
  (status: RecordItemStatus) =>
  (item: RecordItemState): RecordItemState => {
    const { refusal: _refusal, ...rest } = item;
    return { ...rest, status };
  };

const opened = (data: CaseEventData<'CaseOpened'>): CaseData => ({
  openedAt: data.occurredAt,
  personal: data.personal,
  condition: data.condition,
  originalOpinion: data.originalOpinion,
  requests: [],
  conflicts: [],
  earlierDecisions: [],
  noteIds: [],
  lastEventAt: data.occurredAt,
});

const requested = (data: CaseData, event: CaseEventData<'OpinionRequested'>): CaseData => {
  const { occurredAt, question: _question, ...request } = event;
  const added: OpinionRequestState = { ...request, requestedAt: occurredAt, status: 'requested', records: [] };
  return { ...data, requests: [...data.requests, added] };
};

const received = (data: CaseData, event: CaseEventData<'OpinionReceived'>): CaseData => {
  const { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, occurredAt } = event;
  const opinion = { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, receivedAt: occurredAt };
  return withRequest(data, event.requestId, (request) => ({ ...request, status: 'received', opinion }));
};

const conflictRaised = (data: CaseData, event: CaseEventData<'ConflictRaised'>): CaseData => {
  const { conflictId, subject, between, raisedAutomatically, occurredAt } = event;
  const conflict = { conflictId, subject, between, raisedAutomatically, raisedAt: occurredAt };
  return { ...data, conflicts: [...data.conflicts, conflict] };
};

const conflictResolved = (data: CaseData, event: CaseEventData<'ConflictResolved'>): CaseData => {
  const { conflictId, resolution, furtherOpinionRequestId, occurredAt } = event;
  const resolved = {
    kind: resolution,
    at: occurredAt,
    ...(furtherOpinionRequestId ? { furtherOpinionRequestId } : {}),
  };
  return {
    ...data,
    conflicts: data.conflicts.map((c) => (c.conflictId === conflictId ? { ...c, resolution: resolved } : c)),
  };
};

const decided = (data: CaseData, event: CaseEventData<'DecisionMade'>): CaseData => {
  const { optionChosen, followsOpinionOf, recordedBy, openConflictsAcknowledged, occurredAt } = event;
  const decision = { optionChosen, recordedBy, openConflictsAcknowledged, decidedAt: occurredAt };
  return { ...data, decision: followsOpinionOf ? { ...decision, followsOpinionOf } : decision };
};

const reopened = (data: CaseData): CaseData => {
  const { decision, ...rest } = data;
  return decision ? { ...rest, earlierDecisions: [...data.earlierDecisions, decision] } : rest;
};

type DataEvolvers = { readonly [T in CaseEventType]: (data: CaseData, event: CaseEventData<T>) => CaseData };

/** The facts each event adds to a case's data; status changes are handled in `evolve`. */
const dataEvolvers: DataEvolvers = {
  CaseOpened: (_data, event) => opened(event),
  CaseManagerAssigned: (data, { caseManagerId }) => ({ ...data, caseManagerId }),
  DecisionDeadlineSet: (data, { deadline }) => ({ ...data, deadline }),
  OriginalClinicianInformed: (data, { occurredAt }) => ({ ...data, clinicianInformedAt: occurredAt }),
  OpinionRequested: requested,
  InsuranceCoverageRecorded: (data, { requestId, coverage }) =>
    withRequest(data, requestId, (request) => ({ ...request, coverage })),
  RecordsRequested: (data, { requestId, items }) =>
    withRequest(data, requestId, (request) => ({
      ...request,
      records: [...request.records, ...items.map((item): RecordItemState => ({ ...item, status: 'requested' }))],
    })),
  RecordsSent: (data, { requestId, itemIds }) => withItems(data, requestId, itemIds, itemStatus('sent')),
  RecordsReceived: (data, { requestId, itemIds }) => withItems(data, requestId, itemIds, itemStatus('received')),
  RecordsReleaseRefused: (data, { requestId, itemIds, refusedBy, reason, occurredAt: at }) =>
    withItems(data, requestId, itemIds, (item) => ({ ...item, status: 'refused', refusal: { refusedBy, reason, at } })),
  OpinionReceived: received,
  OpinionRequestCancelled: (data, { requestId }) =>
    withRequest(data, requestId, (request) => ({ ...request, status: 'cancelled' })),
  ConflictRaised: conflictRaised,
  ConflictResolved: conflictResolved,
  DecisionMade: decided,
  CaseReopened: (data) => reopened(data),
  CaseClosed: (data) => data,
  NoteAdded: (data, { noteId }) => ({ ...data, noteIds: [...data.noteIds, noteId] }),
  PatientDataErased: (data, { occurredAt }) => ({ ...data, erasedAt: occurredAt }),
};

const evolveData = (data: CaseData, event: CaseEvent): CaseData => {
  // TypeScript cannot pair a union's tag with its data across a lookup; the table's type does.
  const evolver = dataEvolvers[event.type] as (data: CaseData, event: CaseEvent['data']) => CaseData;
  return evolver(data, event.data);
};

const nextStatus = (state: ExistingCase, event: CaseEvent, data: CaseData): ExistingCase => {
  if (event.type === 'DecisionMade' && data.decision) {
    return { ...data, status: 'decided', decision: data.decision };
  }
  if (event.type === 'CaseClosed') {
    return { ...data, status: 'closed', closedAt: event.data.occurredAt, closeReason: event.data.reason };
  }
  if (event.type === 'CaseReopened') {
    const { closedAt: _closedAt, closeReason: _closeReason, ...reopened } = data as CaseData & Partial<ClosedCase>;
    return { ...reopened, status: 'open' };
  }
  // Every other event keeps the status it found.
  return { ...state, ...data };
};

export const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  if (state.status === 'none') {
    if (event.type !== 'CaseOpened') {
      return state;
    }
    const data = opened(event.data);
    return { ...data, status: 'open' };
  }
  const data = evolveData(state, event);
  const next = nextStatus(state, event, data);
  const lastEventAt = event.data.occurredAt > next.lastEventAt ? event.data.occurredAt : next.lastEventAt;
  return { ...next, lastEventAt };
};

export const fold = (events: readonly CaseEvent[], from: CaseState = { status: 'none' }): CaseState =>
  events.reduce(evolve, from);
