import { Field, Int, ObjectType } from '@nestjs/graphql';
import type {
  ClinicianInformMethod,
  CloseReason,
  ConflictResolution,
  ConflictSubject,
  Currency,
  ErasureReason,
  ImagingModality,
  InstitutionType,
  RecordKind,
  ReviewMode,
  Severity,
  TransferMethod,
} from '@sot/domain';
import {
  CaseStatusEnum,
  CloseReasonEnum,
  ConflictResolutionEnum,
  ConflictSubjectEnum,
  CurrencyEnum,
  DateTime,
  ErasureReasonEnum,
  ImagingModalityEnum,
  InformMethodEnum,
  InstitutionTypeEnum,
  RecordKindEnum,
  RecordStatusEnum,
  RequestStatusEnum,
  ReviewModeEnum,
  SeverityEnum,
  TransferMethodEnum,
  enumOf,
} from '../../graphql';
import { DeadlineStateEnum } from './deadline';
import type { DeadlineState } from './deadline';
import type { CaseDetails, ConflictStanding, OpinionRequestDetails, RecordItemDetails } from '../../projections';

@ObjectType({ description: 'Protected health information: shown only to those allowed to see the case' })
export class Patient {
  @Field() name: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) birthDate?: string;
  @Field({ nullable: true }) medicalRecordNumber?: string;
}

@ObjectType()
export class Clinician {
  @Field() name: string;
  @Field() specialty: string;
  @Field() institution: string;
}

@ObjectType()
export class Condition {
  @Field() name: string;
  @Field(() => SeverityEnum) severity: Severity;
  @Field() isCancer: boolean;
}

@ObjectType({ description: 'The opinion a second opinion is sought on' })
export class OriginalOpinion {
  @Field(() => Clinician) clinician: Clinician;
  @Field() diagnosis: string;
  @Field() recommendedTreatment: string;
}

@ObjectType()
export class Expert {
  @Field() name: string;
  @Field() specialty: string;
  @Field() institution: string;
  @Field(() => InstitutionTypeEnum) institutionType: InstitutionType;
  @Field() closeAssociateOfOriginalClinician: boolean;
}

@ObjectType()
export class Coverage {
  @Field() covered: boolean;
  @Field() inPlanExpertRequired: boolean;
  @Field({ nullable: true }) remoteReviewCovered?: boolean;
  @Field(() => Int, { nullable: true, description: 'Self-pay fee in cents' }) selfPayFeeCents?: number;
  @Field(() => CurrencyEnum, { nullable: true }) currency?: Currency;
  @Field({ nullable: true }) paymentPlan?: string;
  @Field({ nullable: true }) insurerReference?: string;
}

@ObjectType()
export class Refusal {
  @Field() refusedBy: string;
  @Field() reason: string;
  @Field(() => DateTime) at: Date;
}

@ObjectType()
export class RecordItem {
  @Field() itemId: string;
  @Field(() => RecordKindEnum) kind: RecordKind;
  @Field() description: string;
  @Field(() => ImagingModalityEnum, { nullable: true }) modality?: ImagingModality;
  @Field({ description: 'Who must release the originals' }) holder: string;
  @Field(() => TransferMethodEnum) transferMethod: TransferMethod;
  @Field(() => RecordStatusEnum) status: RecordItemDetails['status'];
  @Field(() => DateTime) requestedAt: Date;
  @Field(() => DateTime, { nullable: true }) sentAt?: Date;
  @Field(() => DateTime, { nullable: true }) receivedAt?: Date;
  @Field(() => DateTime, { nullable: true }) dueBy?: Date;
  @Field({ description: 'Outstanding (requested or sent) past its due date' }) overdue: boolean;
  @Field({ nullable: true }) releaseAuthorisationOnFile?: boolean;
  @Field({ nullable: true, description: 'Courier or transfer reference given when it was sent' })
  trackingReference?: string;
  @Field({ nullable: true, description: 'While refused: who refused' }) refusedBy?: string;
  @Field({ nullable: true }) refusalReason?: string;
  @Field(() => [Refusal], { description: 'Every refusal, oldest first, also after the item was sent after all' })
  refusals: Refusal[];
}

@ObjectType()
export class ReceivedOpinion {
  @Field() diagnosis: string;
  @Field() recommendedTreatment: string;
  @Field() changesDiagnosis: boolean;
  @Field() changesTreatment: boolean;
  @Field(() => DateTime) receivedAt: Date;
  @Field({ nullable: true, description: "The expert's summary: patient data" }) summary?: string;
}

@ObjectType()
export class OpinionRequest {
  @Field() requestId: string;
  @Field(() => Int, { description: '2 for the second opinion, 3 for the third...' }) ordinal: number;
  @Field(() => Expert) expert: Expert;
  @Field(() => ReviewModeEnum) reviewMode: ReviewMode;
  @Field(() => RequestStatusEnum) status: OpinionRequestDetails['status'];
  @Field(() => DateTime) requestedAt: Date;
  @Field({ nullable: true, description: 'What the expert was asked' }) question?: string;
  @Field() sameSpecialtyAsOriginal: boolean;
  @Field(() => [String]) independenceConcerns: string[];
  @Field(() => Coverage, { nullable: true }) coverage?: Coverage;
  @Field(() => [RecordItem], { description: 'The records checklist' }) records: RecordItem[];
  @Field(() => ReceivedOpinion, { nullable: true }) opinion?: ReceivedOpinion;
}

export const ConflictStandingEnum = enumOf(
  ['open', 'resolved', 'acknowledged_at_decision', 'closed_unresolved'] as const,
  'ConflictStanding',
  'OPEN until resolved; a decision taken over it ACKNOWLEDGED_AT_DECISION; CLOSED_UNRESOLVED with the case',
);

@ObjectType()
export class Conflict {
  @Field() conflictId: string;
  @Field(() => ConflictStandingEnum) standing: ConflictStanding;
  @Field(() => ConflictSubjectEnum) subject: ConflictSubject;
  @Field(() => [String], { description: '"original" or request ids' }) between: string[];
  @Field() raisedAutomatically: boolean;
  @Field(() => DateTime) raisedAt: Date;
  @Field() description: string;
  @Field({ nullable: true, description: 'How it was settled, in words' }) outcome?: string;
  @Field(() => ConflictResolutionEnum, { nullable: true }) resolution?: ConflictResolution;
  @Field(() => DateTime, { nullable: true }) resolvedAt?: Date;
  @Field({ nullable: true }) furtherOpinionRequestId?: string;
}

@ObjectType()
export class Decision {
  @Field() optionChosen: string;
  @Field({ nullable: true }) followsOpinionOf?: string;
  @Field() recordedBy: string;
  @Field(() => DateTime) decidedAt: Date;
  @Field(() => [String]) openConflictsAcknowledged: string[];
  @Field({ description: "The patient's reasons, in their own words: patient data" }) rationaleInPatientsWords: string;
}

@ObjectType({ description: 'A note on the case: patient data' })
export class Note {
  @Field() noteId: string;
  @Field() text: string;
  @Field({ description: 'User id of who wrote it' }) author: string;
  @Field(() => DateTime) addedAt: Date;
}

@ObjectType({ description: 'Something that needs attention; `code` says what' })
export class CaseWarning {
  @Field() code: string;
  @Field({ nullable: true }) requestId?: string;
  @Field(() => [String], { nullable: true }) itemIds?: string[];
  @Field(() => [String], { nullable: true }) concerns?: string[];
  @Field(() => [String], { nullable: true, description: 'EXPERT_NOT_INDEPENDENT: which rule matched, in words' })
  matchedRules?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'OPINION_DIFFERS_BUT_MARKED_UNCHANGED: diagnosis and/or treatment',
  })
  subjects?: string[];
  @Field(() => DateTime, { nullable: true }) deadline?: Date;
  @Field(() => Int, { nullable: true }) furtherOpinions?: number;
}

@ObjectType({ description: "The erasure of a case's patient data" })
export class Erasure {
  @Field(() => DateTime) erasedAt: Date;
  @Field(() => ErasureReasonEnum) reason: ErasureReason;
  @Field() erasedBy: string;
}

@ObjectType({ description: 'A case in full, as its events tell it' })
export class Case {
  @Field() id: string;
  @Field(() => CaseStatusEnum) status: CaseDetails['status'];
  @Field(() => Int, { description: 'Number of events: pass as expectedVersion' }) version: number;
  @Field(() => Patient) patient: Patient;
  @Field(() => Condition) condition: Condition;
  @Field(() => OriginalOpinion) originalOpinion: OriginalOpinion;
  @Field({ nullable: true }) caseManagerId?: string;
  @Field(() => DateTime, { nullable: true }) deadline?: Date;
  @Field(() => Int, {
    nullable: true,
    description: 'Calendar days to the deadline in the clinic’s time zone: 1 tomorrow, 0 today, -1 yesterday',
  })
  daysLeft?: number;
  @Field(() => DeadlineStateEnum, { nullable: true, description: 'Only while the case is open' })
  deadlineState?: DeadlineState;
  @Field({ nullable: true, description: 'Who set the deadline, and how' }) deadlineSource?: string;
  @Field(() => DateTime, { nullable: true }) clinicianInformedAt?: Date;
  @Field(() => InformMethodEnum, { nullable: true }) clinicianInformedMethod?: ClinicianInformMethod;
  @Field({ nullable: true, description: 'The reason given to the original clinician' })
  clinicianInformedReason?: string;
  @Field(() => DateTime) openedAt: Date;
  @Field(() => DateTime) lastActivityAt: Date;
  @Field(() => [OpinionRequest]) requests: OpinionRequest[];
  @Field(() => [Conflict]) conflicts: Conflict[];
  @Field(() => Decision, { nullable: true }) decision?: Decision;
  @Field(() => [Decision]) earlierDecisions: Decision[];
  @Field(() => [CaseWarning]) warnings: CaseWarning[];
  @Field(() => DateTime, { nullable: true }) closedAt?: Date;
  @Field(() => CloseReasonEnum, { nullable: true }) closeReason?: CloseReason;
  @Field({ nullable: true }) closeComment?: string;
  /** Resolved when asked for (CaseResolver.notes); set here only by `caseAsOf`, as of its moment. */
  @Field(() => [Note], { description: 'Oldest first' }) notes?: Note[];
  @Field(() => Erasure, {
    nullable: true,
    description: 'Set once the patient\'s data is erased: every patient text then reads "[erased]"',
  })
  erasure?: Erasure;
  /** Set on `caseAsOf`: what hangs off the case (its timeline) stops at the same moment. Not in the schema. */
  asOf?: Date;
}
