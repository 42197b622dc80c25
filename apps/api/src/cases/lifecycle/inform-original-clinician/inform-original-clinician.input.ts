import { Field, InputType } from '@nestjs/graphql';
import type { ClinicianInformMethod } from '@sot/domain';
import { InformMethodEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class InformOriginalClinicianInput extends CaseCommandInput {
  @Field(() => InformMethodEnum) method: ClinicianInformMethod;
  @Field({ nullable: true }) reasonGiven?: string;
}
