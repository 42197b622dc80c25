import { array, bool, identifier, instant, integer, object, oneOf, optional } from './schema';
import type { Infer, Schema } from './schema';
import {
  LONG_TEXT,
  NAME,
  SHORT_TEXT,
  clinicianInformMethods,
  closeReasons,
  condition,
  conflictResolutions,
  conflictSubjects,
  coverage,
  expert,
  originalOpinion,
  patientPersonalData,
  recordItem,
  recordItemIds,
  reviewModes,
} from './values';

export const independenceConcerns = ['same_institution_as_original', 'close_associate_of_original'] as const;
export type IndependenceConcern = (typeof independenceConcerns)[number];

/** The data of each event at its current schema version. Events are facts: past tense. */
export const eventDataSchemas = {
  CaseOpened: object({ occurredAt: instant, personal: patientPersonalData, condition, originalOpinion }),
  CaseManagerAssigned: object({
    occurredAt: instant,
    caseManagerId: identifier,
    previousCaseManagerId: optional(identifier),
    reason: optional(SHORT_TEXT),
  }),
  DecisionDeadlineSet: object({
    occurredAt: instant,
    deadline: instant,
    source: SHORT_TEXT,
    previousDeadline: optional(instant),
  }),
  OriginalClinicianInformed: object({
    occurredAt: instant,
    method: oneOf(clinicianInformMethods),
    reasonGiven: optional(SHORT_TEXT),
  }),
  OpinionRequested: object({
    occurredAt: instant,
    requestId: identifier,
    expert,
    reviewMode: oneOf(reviewModes),
    question: optional(SHORT_TEXT),
    /** 2 for the second opinion, 3 for the third, ... counting the original as the first. */
    ordinal: integer({ min: 2, max: 100 }),
    sameSpecialtyAsOriginal: bool,
    independenceConcerns: array(oneOf(independenceConcerns), { max: 2 }),
  }),
  InsuranceCoverageRecorded: object({ occurredAt: instant, requestId: identifier, coverage }),
  RecordsRequested: object({
    occurredAt: instant,
    requestId: identifier,
    items: array(recordItem, { min: 1, max: 50 }),
  }),
  RecordsSent: object({
    occurredAt: instant,
    requestId: identifier,
    itemIds: recordItemIds,
    trackingReference: optional(SHORT_TEXT),
  }),
  RecordsReceived: object({ occurredAt: instant, requestId: identifier, itemIds: recordItemIds }),
  RecordsReleaseRefused: object({
    occurredAt: instant,
    requestId: identifier,
    itemIds: recordItemIds,
    refusedBy: NAME,
    reason: SHORT_TEXT,
  }),
  OpinionReceived: object({
    occurredAt: instant,
    requestId: identifier,
    diagnosis: SHORT_TEXT,
    recommendedTreatment: SHORT_TEXT,
    changesDiagnosis: bool,
    changesTreatment: bool,
    personal: optional(object({ summary: LONG_TEXT })),
  }),
  OpinionRequestCancelled: object({ occurredAt: instant, requestId: identifier, reason: SHORT_TEXT }),
  ConflictRaised: object({
    occurredAt: instant,
    conflictId: identifier,
    subject: oneOf(conflictSubjects),
    between: array(identifier, { min: 2, max: 10 }),
    description: SHORT_TEXT,
    raisedAutomatically: bool,
  }),
  ConflictResolved: object({
    occurredAt: instant,
    conflictId: identifier,
    resolution: oneOf(conflictResolutions),
    furtherOpinionRequestId: optional(identifier),
    outcome: SHORT_TEXT,
  }),
  DecisionMade: object({
    occurredAt: instant,
    optionChosen: SHORT_TEXT,
    followsOpinionOf: optional(identifier),
    personal: object({ rationaleInPatientsWords: LONG_TEXT }),
    recordedBy: identifier,
    openConflictsAcknowledged: array(identifier, { max: 50 }),
  }),
  CaseClosed: object({ occurredAt: instant, reason: oneOf(closeReasons), comment: optional(SHORT_TEXT) }),
  CaseReopened: object({ occurredAt: instant, reason: SHORT_TEXT }),
  NoteAdded: object({
    occurredAt: instant,
    noteId: identifier,
    author: identifier,
    personal: object({ text: LONG_TEXT }),
  }),
} satisfies Record<string, Schema<{ occurredAt: string }>>;

export type CaseEventType = keyof typeof eventDataSchemas;
export type CaseEventData<T extends CaseEventType> = Infer<(typeof eventDataSchemas)[T]>;
export type CaseEventOf<T extends CaseEventType> = { readonly type: T; readonly data: CaseEventData<T> };
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];
export const caseEventTypes = Object.keys(eventDataSchemas) as CaseEventType[];

export const event = <T extends CaseEventType>(type: T, data: CaseEventData<T>): CaseEventOf<T> => ({ type, data });
