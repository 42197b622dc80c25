import { Field, ID, InputType } from '@nestjs/graphql';
import type { Severity } from '@sot/domain';
import { SeverityEnum } from '../../../graphql';
import { CommandInput } from '../../mutations';

@InputType()
export class PatientInput {
  @Field() patientName: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) birthDate?: string;
  @Field({ nullable: true }) medicalRecordNumber?: string;
}

@InputType()
export class ConditionInput {
  @Field() name: string;
  @Field(() => SeverityEnum) severity: Severity;
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
