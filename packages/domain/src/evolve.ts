import type { CaseEvent, CaseEventData } from './events';
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

/** The facts an event adds to a case's data; status changes are handled in `evolve`. */
const evolveData = (data: CaseData, event: CaseEvent): CaseData => {
  switch (event.type) {
    case 'CaseOpened':
      return opened(event.data);
    case 'CaseManagerAssigned':
      return { ...data, caseManagerId: event.data.caseManagerId };
    case 'DecisionDeadlineSet':
      return { ...data, deadline: event.data.deadline };
    case 'OriginalClinicianInformed':
      return { ...data, clinicianInformedAt: event.data.occurredAt };
    case 'OpinionRequested': {
      const { occurredAt, question: _question, ...request } = event.data;
      const added: OpinionRequestState = { ...request, requestedAt: occurredAt, status: 'requested', records: [] };
      return { ...data, requests: [...data.requests, added] };
    }
    case 'InsuranceCoverageRecorded':
      return withRequest(data, event.data.requestId, (request) => ({ ...request, coverage: event.data.coverage }));
    case 'RecordsRequested': {
      const items = event.data.items.map((item): RecordItemState => ({ ...item, status: 'requested' }));
      return withRequest(data, event.data.requestId, (request) => ({
        ...request,
        records: [...request.records, ...items],
      }));
    }
    case 'RecordsSent':
      return withItems(data, event.data.requestId, event.data.itemIds, itemStatus('sent'));
    case 'RecordsReceived':
      return withItems(data, event.data.requestId, event.data.itemIds, itemStatus('received'));
    case 'RecordsReleaseRefused': {
      const { refusedBy, reason, occurredAt: at } = event.data;
      return withItems(data, event.data.requestId, event.data.itemIds, (item) => ({
        ...item,
        status: 'refused',
        refusal: { refusedBy, reason, at },
      }));
    }
    case 'OpinionReceived': {
      const { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, occurredAt } = event.data;
      const opinion = { diagnosis, recommendedTreatment, changesDiagnosis, changesTreatment, receivedAt: occurredAt };
      return withRequest(data, event.data.requestId, (request) => ({ ...request, status: 'received', opinion }));
    }
    case 'OpinionRequestCancelled':
      return withRequest(data, event.data.requestId, (request) => ({ ...request, status: 'cancelled' }));
    case 'ConflictRaised': {
      const { conflictId, subject, between, raisedAutomatically, occurredAt } = event.data;
      const conflict = { conflictId, subject, between, raisedAutomatically, raisedAt: occurredAt };
      return { ...data, conflicts: [...data.conflicts, conflict] };
    }
    case 'ConflictResolved': {
      const { conflictId, resolution, furtherOpinionRequestId, occurredAt } = event.data;
      const resolved = {
        kind: resolution,
        at: occurredAt,
        ...(furtherOpinionRequestId ? { furtherOpinionRequestId } : {}),
      };
      return {
        ...data,
        conflicts: data.conflicts.map((c) => (c.conflictId === conflictId ? { ...c, resolution: resolved } : c)),
      };
    }
    case 'DecisionMade': {
      const { optionChosen, followsOpinionOf, recordedBy, openConflictsAcknowledged, occurredAt } = event.data;
      const decision = { optionChosen, recordedBy, openConflictsAcknowledged, decidedAt: occurredAt };
      return { ...data, decision: followsOpinionOf ? { ...decision, followsOpinionOf } : decision };
    }
    case 'CaseReopened': {
      const { decision, ...rest } = data;
      return decision ? { ...rest, earlierDecisions: [...data.earlierDecisions, decision] } : rest;
    }
    case 'CaseClosed':
      return data;
    case 'NoteAdded':
      return { ...data, noteIds: [...data.noteIds, event.data.noteId] };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
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
