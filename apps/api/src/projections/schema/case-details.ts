import type {
  CloseReason,
  Condition,
  ConflictResolution,
  ConflictSubject,
  Coverage,
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
export type RecordItemDetails = RecordItem & {
  readonly status: 'requested' | 'sent' | 'received' | 'refused';
  readonly refusedBy?: string;
  readonly refusalReason?: string;
};

export type OpinionDetails = {
  readonly diagnosis: string;
  readonly recommendedTreatment: string;
  readonly changesDiagnosis: boolean;
  readonly changesTreatment: boolean;
  readonly receivedAt: string;
};

export type OpinionRequestDetails = {
  readonly requestId: string;
  readonly ordinal: number;
  readonly expert: Expert;
  readonly reviewMode: ReviewMode;
  readonly status: 'requested' | 'received' | 'cancelled';
  readonly requestedAt: string;
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
  readonly resolution?: ConflictResolution;
  readonly resolvedAt?: string;
  readonly furtherOpinionRequestId?: string;
};

export type DecisionDetails = {
  readonly optionChosen: string;
  readonly followsOpinionOf?: string;
  readonly recordedBy: string;
  readonly decidedAt: string;
  readonly openConflictsAcknowledged: readonly string[];
};

export type CaseDetails = {
  readonly status: 'open' | 'decided' | 'closed';
  readonly patient: { readonly name: string; readonly birthDate?: string; readonly medicalRecordNumber?: string };
  readonly condition: Condition;
  readonly originalOpinion: OriginalOpinion;
  readonly caseManagerId?: string;
  readonly deadline?: string;
  readonly clinicianInformedAt?: string;
  readonly openedAt: string;
  readonly lastActivityAt: string;
  readonly requests: readonly OpinionRequestDetails[];
  readonly conflicts: readonly ConflictDetails[];
  readonly decision?: DecisionDetails;
  /** Decisions made before a reopening, oldest first. */
  readonly earlierDecisions: readonly DecisionDetails[];
  readonly closedAt?: string;
  readonly closeReason?: CloseReason;
};
