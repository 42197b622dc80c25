import type { IndependenceConcern } from './events';
import type {
  Clinician,
  Condition,
  Coverage,
  Expert,
  OriginalOpinion,
  PatientPersonalData,
  RecordItem,
  CloseReason,
  ConflictResolution,
  ConflictSubject,
  ReviewMode,
} from './values';

export type RecordItemStatus = 'requested' | 'sent' | 'received' | 'refused';

export type RecordItemState = RecordItem & {
  readonly status: RecordItemStatus;
  readonly refusal?: { readonly refusedBy: string; readonly reason: string; readonly at: string };
};

export type ReceivedOpinion = {
  readonly diagnosis: string;
  readonly recommendedTreatment: string;
  readonly changesDiagnosis: boolean;
  readonly changesTreatment: boolean;
  readonly receivedAt: string;
};

export type OpinionRequestState = {
  readonly requestId: string;
  readonly expert: Expert;
  readonly reviewMode: ReviewMode;
  readonly ordinal: number;
  readonly requestedAt: string;
  readonly sameSpecialtyAsOriginal: boolean;
  readonly independenceConcerns: readonly IndependenceConcern[];
  readonly status: 'requested' | 'received' | 'cancelled';
  readonly coverage?: Coverage;
  readonly records: readonly RecordItemState[];
  readonly opinion?: ReceivedOpinion;
};

export type ConflictState = {
  readonly conflictId: string;
  readonly subject: ConflictSubject;
  readonly between: readonly string[];
  readonly raisedAutomatically: boolean;
  readonly raisedAt: string;
  readonly resolution?: {
    readonly kind: ConflictResolution;
    readonly furtherOpinionRequestId?: string;
    readonly at: string;
  };
};

export type DecisionState = {
  readonly optionChosen: string;
  readonly followsOpinionOf?: string;
  readonly recordedBy: string;
  readonly decidedAt: string;
  readonly openConflictsAcknowledged: readonly string[];
};

export type CaseWarning =
  | { readonly code: 'DEADLINE_PASSED'; readonly deadline: string }
  | {
      readonly code: 'EXPERT_NOT_INDEPENDENT';
      readonly requestId: string;
      readonly concerns: readonly IndependenceConcern[];
      /** Which rule matched, in words a person can check. */
      readonly matchedRules: readonly string[];
    }
  | { readonly code: 'CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE'; readonly requestId: string }
  | { readonly code: 'MANY_FURTHER_OPINIONS'; readonly furtherOpinions: number }
  | { readonly code: 'RECORDS_RELEASE_REFUSED'; readonly requestId: string; readonly itemIds: readonly string[] }
  | { readonly code: 'RECORDS_OVERDUE'; readonly requestId: string; readonly itemIds: readonly string[] }
  | { readonly code: 'SLIDES_NOT_SENT_DIRECT'; readonly requestId: string; readonly itemIds: readonly string[] }
  | { readonly code: 'REMOTE_REVIEW_NOT_COVERED'; readonly requestId: string }
  | {
      readonly code: 'IMAGING_REPORT_WITHOUT_ORIGINALS';
      readonly requestId: string;
      readonly itemIds: readonly string[];
    }
  | {
      /** A prompt to check, not a conflict: the opinion's words differ while it is marked as agreeing. */
      readonly code: 'OPINION_DIFFERS_BUT_MARKED_UNCHANGED';
      readonly requestId: string;
      readonly subjects: readonly ('diagnosis' | 'treatment')[];
    }
  | { readonly code: 'ORIGINAL_CLINICIAN_NOT_INFORMED' };

export type CaseWarningCode = CaseWarning['code'];

export type CaseData = {
  readonly openedAt: string;
  readonly personal: PatientPersonalData;
  readonly condition: Condition;
  readonly originalOpinion: OriginalOpinion;
  readonly caseManagerId?: string;
  readonly deadline?: string;
  readonly clinicianInformedAt?: string;
  readonly requests: readonly OpinionRequestState[];
  readonly conflicts: readonly ConflictState[];
  readonly decision?: DecisionState;
  /** Decisions made before a reopening, oldest first: the history is never dropped. */
  readonly earlierDecisions: readonly DecisionState[];
  readonly noteIds: readonly string[];
  readonly lastEventAt: string;
  /** When the patient's identifying data was erased (its key destroyed). */
  readonly erasedAt?: string;
};

export type NoCase = { readonly status: 'none' };
export type OpenCase = CaseData & { readonly status: 'open' };
export type DecidedCase = CaseData & { readonly status: 'decided'; readonly decision: DecisionState };
export type ClosedCase = CaseData & {
  readonly status: 'closed';
  readonly closedAt: string;
  readonly closeReason: CloseReason;
};
export type ExistingCase = OpenCase | DecidedCase | ClosedCase;
export type CaseState = NoCase | ExistingCase;
export type CaseStatus = CaseState['status'];

export const initialState = (): CaseState => ({ status: 'none' });

export type { Clinician };
