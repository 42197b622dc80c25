import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTime } from './scalars';
import { CaseCommandInput, CommandInput } from './command-base.input';
import { CloseReason, InformMethod, Severity } from './enums';

@InputType()
export class PatientInput {
  @Field() patientName: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) birthDate?: string;
  @Field({ nullable: true }) medicalRecordNumber?: string;
}

@InputType()
export class ConditionInput {
  @Field() name: string;
  @Field(() => Severity) severity: string;
  @Field() isCancer: boolean;
}

@InputType()
export class ClinicianInput {
  @Field() name: string;
  @Field() specialty: string;
  @Field() institution: string;
}

@InputType()
export class OriginalOpinionInput {
  @Field(() => ClinicianInput) clinician: ClinicianInput;
  @Field() diagnosis: string;
  @Field() recommendedTreatment: string;
}

@InputType()
export class OpenCaseInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'A UUID; derived from commandId when omitted' }) caseId?: string;
  @Field(() => PatientInput) personal: PatientInput;
  @Field(() => ConditionInput) condition: ConditionInput;
  @Field(() => OriginalOpinionInput) originalOpinion: OriginalOpinionInput;
  @Field({ description: 'User id of the case manager' }) caseManagerId: string;
}

@InputType()
export class AssignCaseManagerInput extends CaseCommandInput {
  @Field() caseManagerId: string;
  @Field({ nullable: true }) reason?: string;
}

@InputType()
export class SetDecisionDeadlineInput extends CaseCommandInput {
  @Field(() => DateTime) deadline: Date;
  @Field({ description: 'Who set it, e.g. "Dr. Greer: within three weeks"' }) source: string;
}

@InputType()
export class InformOriginalClinicianInput extends CaseCommandInput {
  @Field(() => InformMethod) method: string;
  @Field({ nullable: true }) reasonGiven?: string;
}

@InputType()
export class CloseCaseInput extends CaseCommandInput {
  @Field(() => CloseReason) reason: string;
  @Field({ nullable: true }) comment?: string;
}

@InputType()
export class ReopenCaseInput extends CaseCommandInput {
  @Field() reason: string;
}

@InputType()
export class AddNoteInput extends CaseCommandInput {
  @Field() noteId: string;
  @Field() text: string;
}
