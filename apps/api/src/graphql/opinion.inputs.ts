import { Field, InputType, Int } from '@nestjs/graphql';
import { CaseCommandInput } from './command-base.input';
import { ConflictResolution, ConflictSubject, InstitutionType, ReviewMode } from './enums';

@InputType()
export class ExpertInput {
  @Field() name: string;
  @Field() specialty: string;
  @Field() institution: string;
  @Field(() => InstitutionType) institutionType: string;
  @Field() closeAssociateOfOriginalClinician: boolean;
}

@InputType()
export class RequestOpinionInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => ExpertInput) expert: ExpertInput;
  @Field(() => ReviewMode) reviewMode: string;
  @Field({ nullable: true }) question?: string;
}

@InputType()
export class CoverageInput {
  @Field() covered: boolean;
  @Field() inPlanExpertRequired: boolean;
  @Field({ nullable: true }) remoteReviewCovered?: boolean;
  @Field(() => Int, { nullable: true }) selfPayFeeCents?: number;
  @Field({ nullable: true }) currency?: string;
  @Field({ nullable: true }) paymentPlan?: string;
  @Field({ nullable: true }) insurerReference?: string;
}

@InputType()
export class RecordInsuranceCoverageInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => CoverageInput) coverage: CoverageInput;
}

@InputType()
export class RecordOpinionReceivedInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field() diagnosis: string;
  @Field() recommendedTreatment: string;
  @Field() changesDiagnosis: boolean;
  @Field() changesTreatment: boolean;
  @Field({ nullable: true }) summary?: string;
}

@InputType()
export class CancelOpinionRequestInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field() reason: string;
}

@InputType()
export class RaiseConflictInput extends CaseCommandInput {
  @Field() conflictId: string;
  @Field(() => ConflictSubject) subject: string;
  @Field(() => [String]) between: string[];
  @Field() description: string;
}

@InputType()
export class ResolveConflictInput extends CaseCommandInput {
  @Field() conflictId: string;
  @Field(() => ConflictResolution) resolution: string;
  @Field({ nullable: true }) furtherOpinionRequestId?: string;
  @Field() outcome: string;
}

@InputType()
export class MakeDecisionInput extends CaseCommandInput {
  @Field() optionChosen: string;
  @Field({ nullable: true }) followsOpinionOf?: string;
  @Field() rationaleInPatientsWords: string;
  @Field({ nullable: true }) acknowledgeOpenConflicts?: boolean;
}
