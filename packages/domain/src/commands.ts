import { array, bool, identifier, instant, object, oneOf, optional } from './schema';
import type { Infer, Schema } from './schema';
import * as values from './values';

/** Who sends a command and when: time and actor arrive with the command, never from a clock here. */
export type CommandMetadata = { readonly now: string; readonly actorId: string };

export const commandDataSchemas = {
  OpenCase: object({
    personal: values.patientPersonalData,
    condition: values.condition,
    originalOpinion: values.originalOpinion,
    caseManagerId: identifier,
  }),
  AssignCaseManager: object({ caseManagerId: identifier, reason: optional(values.SHORT_TEXT) }),
  SetDecisionDeadline: object({ deadline: instant, source: values.SHORT_TEXT }),
  InformOriginalClinician: object({
    method: oneOf(values.clinicianInformMethods),
    reasonGiven: optional(values.SHORT_TEXT),
  }),
  RequestOpinion: object({
    requestId: identifier,
    expert: values.expert,
    reviewMode: oneOf(values.reviewModes),
    question: optional(values.SHORT_TEXT),
  }),
  RecordInsuranceCoverage: object({ requestId: identifier, coverage: values.coverage }),
  RequestRecords: object({ requestId: identifier, items: array(values.recordItem, { min: 1, max: 50 }) }),
  MarkRecordsSent: object({
    requestId: identifier,
    itemIds: values.recordItemIds,
    trackingReference: optional(values.SHORT_TEXT),
  }),
  MarkRecordsReceived: object({ requestId: identifier, itemIds: values.recordItemIds }),
  RecordRecordsReleaseRefused: object({
    requestId: identifier,
    itemIds: values.recordItemIds,
    refusedBy: values.NAME,
    reason: values.SHORT_TEXT,
  }),
  RecordOpinionReceived: object({
    requestId: identifier,
    diagnosis: values.SHORT_TEXT,
    recommendedTreatment: values.SHORT_TEXT,
    changesDiagnosis: bool,
    changesTreatment: bool,
    summary: optional(values.LONG_TEXT),
  }),
  CancelOpinionRequest: object({ requestId: identifier, reason: values.SHORT_TEXT }),
  RaiseConflict: object({
    conflictId: identifier,
    subject: oneOf(values.conflictSubjects),
    /** Two or more opinion sources: `original` or request ids with a received opinion. */
    between: array(identifier, { min: 2, max: 10 }),
    description: values.SHORT_TEXT,
    raisedAutomatically: optional(bool),
  }),
  ResolveConflict: object({
    conflictId: identifier,
    resolution: oneOf(values.conflictResolutions),
    furtherOpinionRequestId: optional(identifier),
    outcome: values.SHORT_TEXT,
  }),
  MakeDecision: object({
    optionChosen: values.SHORT_TEXT,
    /** Whose recommendation the patient follows, if any: `original` or a request id. */
    followsOpinionOf: optional(identifier),
    rationaleInPatientsWords: values.LONG_TEXT,
    acknowledgeOpenConflicts: optional(bool),
  }),
  CloseCase: object({ reason: oneOf(values.closeReasons), comment: optional(values.SHORT_TEXT) }),
  ReopenCase: object({ reason: values.SHORT_TEXT }),
  AddNote: object({ noteId: identifier, text: values.LONG_TEXT }),
  /** Destroys the key of the patient's data: a request reference, never the patient's name. */
  ErasePatientData: object({ reason: oneOf(values.erasureReasons), reference: optional(values.REFERENCE) }),
} satisfies Record<string, Schema<unknown>>;

export type CommandType = keyof typeof commandDataSchemas;
export type CommandData<T extends CommandType> = Infer<(typeof commandDataSchemas)[T]>;
export type CaseCommandOf<T extends CommandType> = {
  readonly type: T;
  readonly data: CommandData<T>;
  readonly metadata: CommandMetadata;
};
export type CaseCommand = { [T in CommandType]: CaseCommandOf<T> }[CommandType];
export const commandTypes = Object.keys(commandDataSchemas) as CommandType[];

const metadataSchema = object({ now: instant, actorId: identifier });

/**
 * Turns untrusted input into a command, or throws INVALID_INPUT naming the field. Every transport
 * (GraphQL, CLI, import) goes through here, so the rules live once.
 */
export const parseCommand = (type: CommandType, data: unknown, metadata: unknown): CaseCommand => {
  const schema: Schema<unknown> = commandDataSchemas[type];
  return {
    type,
    data: schema.parse(data, 'data'),
    metadata: metadataSchema.parse(metadata, 'metadata'),
  } as CaseCommand;
};

export const isCommandType = (value: string): value is CommandType => value in commandDataSchemas;
