import type { CaseEventData, CaseEventType } from './events';

/** What an erased patient datum reads as, wherever it was shown. */
export const ERASED = '[erased]';

type PatientDataFields = { readonly [T in CaseEventType]?: readonly (keyof CaseEventData<T> & string)[] };

/**
 * The fields of each event that identify the patient (`personal`) or are free text a person typed,
 * which can name them. They are stored sealed with the patient's key and read as ERASED once the key
 * is destroyed; every other field (codes, dates, ids, clinicians, diagnoses) is a fact kept for good.
 */
export const patientDataFields = {
  CaseOpened: ['personal'],
  CaseManagerAssigned: ['reason'],
  DecisionDeadlineSet: ['source'],
  OriginalClinicianInformed: ['reasonGiven'],
  OpinionRequested: ['question'],
  RecordsReleaseRefused: ['reason'],
  OpinionReceived: ['personal'],
  OpinionRequestCancelled: ['reason'],
  ConflictRaised: ['description'],
  ConflictResolved: ['outcome'],
  DecisionMade: ['personal'],
  CaseClosed: ['comment'],
  CaseReopened: ['reason'],
  NoteAdded: ['personal'],
} as const satisfies PatientDataFields;

/** The `personal` object of each event once erased: its required texts read ERASED, the optional ones are gone. */
const erasedPersonal: { readonly [T in CaseEventType]?: Readonly<Record<string, string>> } = {
  CaseOpened: { patientName: ERASED },
  OpinionReceived: { summary: ERASED },
  DecisionMade: { rationaleInPatientsWords: ERASED },
  NoteAdded: { text: ERASED },
};

export const patientDataFieldsOf = (type: string): readonly string[] =>
  (patientDataFields as Readonly<Record<string, readonly string[] | undefined>>)[type] ?? [];

/** What a field of an event reads as once the patient's key is gone. */
export const erasedValue = (type: CaseEventType, field: string): unknown =>
  field === 'personal' ? (erasedPersonal[type] ?? {}) : ERASED;
