import { Field, InputType } from '@nestjs/graphql';
import type { InstitutionType, ReviewMode } from '@sot/domain';
import { InstitutionTypeEnum, ReviewModeEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class ExpertInput {
  @Field() name: string;
  @Field() specialty: string;
  @Field() institution: string;
  @Field(() => InstitutionTypeEnum) institutionType: InstitutionType;
  @Field() closeAssociateOfOriginalClinician: boolean;
}

@InputType()
export class RequestOpinionInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => ExpertInput) expert: ExpertInput;
  @Field(() => ReviewModeEnum) reviewMode: ReviewMode;
  @Field({ nullable: true }) question?: string;
}
