import { array, bool, identifier, instant, integer, object, oneOf, optional } from './schema';
import type { Infer, Schema } from './schema';
import * as values from './values';

export const independenceConcerns = ['same_institution_as_original', 'close_associate_of_original'] as const;
export type IndependenceConcern = (typeof independenceConcerns)[number];

/** The data of each event at its current schema version. Events are facts: past tense. */
export const eventDataSchemas = {
  CaseOpened: object({
    occurredAt: instant,
    personal: values.patientPersonalData,
    condition: values.condition,
    originalOpinion: values.originalOpinion,
  }),
  CaseManagerAssigned: object({
    occurredAt: instant,
    caseManagerId: identifier,
    previousCaseManagerId: optional(identifier),
    reason: optional(values.SHORT_TEXT),
  }),
  DecisionDeadlineSet: object({
    occurredAt: instant,
    deadline: instant,
    source: values.SHORT_TEXT,
    previousDeadline: optional(instant),
  }),
  OriginalClinicianInformed: object({
    occurredAt: instant,
    method: oneOf(values.clinicianInformMethods),
    reasonGiven: optional(values.SHORT_TEXT),
  }),
  OpinionRequested: object({
    occurredAt: instant,
    requestId: identifier,
    expert: values.expert,
    reviewMode: oneOf(values.reviewModes),
    question: optional(values.SHORT_TEXT),
    /** 2 for the second opinion, 3 for the third, ... counting the original as the first. */
    ordinal: integer({ min: 2, max: 100 }),
    sameSpecialtyAsOriginal: bool,
    independenceConcerns: array(oneOf(independenceConcerns), { max: 2 }),
  }),
  InsuranceCoverageRecorded: object({ occurredAt: instant, requestId: identifier, coverage: values.coverage }),
  RecordsRequested: object({
    occurredAt: instant,
    requestId: identifier,
    items: array(values.recordItem, { min: 1, max: 50 }),
  }),
  RecordsSent: object({
    occurredAt: instant,
    requestId: identifier,
    itemIds: values.recordItemIds,
    trackingReference: optional(values.SHORT_TEXT),
  }),
  RecordsReceived: object({ occurredAt: instant, requestId: identifier, itemIds: values.recordItemIds }),
  RecordsReleaseRefused: object({
    occurredAt: instant,
    requestId: identifier,
    itemIds: values.recordItemIds,
    refusedBy: values.NAME,
    reason: values.SHORT_TEXT,
  }),
  OpinionReceived: object({
    occurredAt: instant,
    requestId: identifier,
    diagnosis: values.SHORT_TEXT,
    recommendedTreatment: values.SHORT_TEXT,
    changesDiagnosis: bool,
    changesTreatment: bool,
    personal: optional(object({ summary: values.LONG_TEXT })),
  }),
  OpinionRequestCancelled: object({ occurredAt: instant, requestId: identifier, reason: values.SHORT_TEXT }),
  ConflictRaised: object({
    occurredAt: instant,
    conflictId: identifier,
    subject: oneOf(values.conflictSubjects),
    between: array(identifier, { min: 2, max: 10 }),
    description: values.SHORT_TEXT,
    raisedAutomatically: bool,
  }),
  ConflictResolved: object({
    occurredAt: instant,
    conflictId: identifier,
    resolution: oneOf(values.conflictResolutions),
    furtherOpinionRequestId: optional(identifier),
    outcome: values.SHORT_TEXT,
  }),
  DecisionMade: object({
    occurredAt: instant,
    optionChosen: values.SHORT_TEXT,
    followsOpinionOf: optional(identifier),
    personal: object({ rationaleInPatientsWords: values.LONG_TEXT }),
    recordedBy: identifier,
    openConflictsAcknowledged: array(identifier, { max: 50 }),
  }),
  CaseClosed: object({ occurredAt: instant, reason: oneOf(values.closeReasons), comment: optional(values.SHORT_TEXT) }),
  CaseReopened: object({ occurredAt: instant, reason: values.SHORT_TEXT }),
  NoteAdded: object({
    occurredAt: instant,
    noteId: identifier,
    author: identifier,
    personal: object({ text: values.LONG_TEXT }),
  }),
  PatientDataErased: object({
    occurredAt: instant,
    reason: oneOf(values.erasureReasons),
    reference: optional(values.REFERENCE),
    erasedBy: identifier,
  }),
} satisfies Record<string, Schema<{ occurredAt: string }>>;

export type CaseEventType = keyof typeof eventDataSchemas;
export type CaseEventData<T extends CaseEventType> = Infer<(typeof eventDataSchemas)[T]>;
export type CaseEventOf<T extends CaseEventType> = { readonly type: T; readonly data: CaseEventData<T> };
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];
export const caseEventTypes = Object.keys(eventDataSchemas) as CaseEventType[];

export const event = <T extends CaseEventType>(type: T, data: CaseEventData<T>): CaseEventOf<T> => ({ type, data });
