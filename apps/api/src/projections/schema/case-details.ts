import type {
  ClinicianInformMethod,
  CloseReason,
  Condition,
  ConflictResolution,
  ConflictSubject,
  Coverage,
  ErasureReason,
  Expert,
  IndependenceConcern,
  OriginalOpinion,
  RecordItem,
  ReviewMode,
} from '@sot/domain';

/**
 * The case page's read model: what a case manager is shown, folded from the events by this
 * projection's own rules. It is not the domain's state (that holds only what `decide` needs), so
 * either can change shape without the other; a change here means a new read-model schema and a
 * rebuild from the events.
 */
export type RefusalDetails = { readonly refusedBy: string; readonly reason: string; readonly at: string };

export type RecordItemDetails = RecordItem & {
  readonly status: 'requested' | 'sent' | 'received' | 'refused';
  readonly requestedAt: string;
  readonly sentAt?: string;
  readonly receivedAt?: string;
  readonly trackingReference?: string;
  /** The refusal standing now, while the item is refused. */
  readonly refusedBy?: string;
  readonly refusalReason?: string;
  /** Every refusal, oldest first: it stays in the item's history after the item is sent after all. */
  readonly refusals: readonly RefusalDetails[];
};

export type OpinionDetails = {
  readonly diagnosis: string;
  readonly recommendedTreatment: string;
  readonly changesDiagnosis: boolean;
  readonly changesTreatment: boolean;
  readonly receivedAt: string;
  /** The expert's summary, in free text: patient data. */
  readonly summary?: string;
};

export type OpinionRequestDetails = {
  readonly requestId: string;
  readonly ordinal: number;
  readonly expert: Expert;
  readonly reviewMode: ReviewMode;
  readonly status: 'requested' | 'received' | 'cancelled';
  readonly requestedAt: string;
  readonly question?: string;
  readonly sameSpecialtyAsOriginal: boolean;
  readonly independenceConcerns: readonly IndependenceConcern[];
  readonly coverage?: Coverage;
  readonly records: readonly RecordItemDetails[];
  readonly opinion?: OpinionDetails;
};

/**
 * Where a conflict stands: open until resolved; a decision taken over it acknowledges it; closing
 * the case leaves it unresolved for good; reopening opens what was not resolved.
 */
export type ConflictStanding = 'open' | 'resolved' | 'acknowledged_at_decision' | 'closed_unresolved';

export type ConflictDetails = {
  readonly conflictId: string;
  readonly standing: ConflictStanding;
  readonly subject: ConflictSubject;
  readonly between: readonly string[];
  readonly raisedAutomatically: boolean;
  readonly raisedAt: string;
  readonly description: string;
  readonly resolution?: ConflictResolution;
  readonly resolvedAt?: string;
  readonly outcome?: string;
  readonly furtherOpinionRequestId?: string;
};

export type DecisionDetails = {
  readonly optionChosen: string;
  readonly followsOpinionOf?: string;
  readonly recordedBy: string;
  readonly decidedAt: string;
  readonly openConflictsAcknowledged: readonly string[];
  readonly rationaleInPatientsWords: string;
};

/** A note on a case: a row of `case_notes`, apart from the case page (a case has any number). */
export type NoteDetails = {
  readonly noteId: string;
  readonly text: string;
  readonly author: string;
  readonly addedAt: string;
};

export type CaseDetails = {
  readonly status: 'open' | 'decided' | 'closed';
  readonly patient: { readonly name: string; readonly birthDate?: string; readonly medicalRecordNumber?: string };
  readonly condition: Condition;
  readonly originalOpinion: OriginalOpinion;
  readonly caseManagerId?: string;
  readonly deadline?: string;
  readonly deadlineSource?: string;
  readonly clinicianInformedAt?: string;
  readonly clinicianInformedMethod?: ClinicianInformMethod;
  /** What the original clinician was told as the reason for another opinion. */
  readonly clinicianInformedReason?: string;
  readonly openedAt: string;
  readonly lastActivityAt: string;
  readonly requests: readonly OpinionRequestDetails[];
  readonly conflicts: readonly ConflictDetails[];
  readonly decision?: DecisionDetails;
  /** Decisions made before a reopening, oldest first. */
  readonly earlierDecisions: readonly DecisionDetails[];
  readonly closedAt?: string;
  readonly closeReason?: CloseReason;
  readonly closeComment?: string;
  /** Once the patient's data is erased: when, why and by whom. Every patient text then reads ERASED. */
  readonly erasure?: { readonly erasedAt: string; readonly reason: ErasureReason; readonly erasedBy: string };
};
