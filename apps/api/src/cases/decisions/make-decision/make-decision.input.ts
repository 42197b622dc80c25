import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class MakeDecisionInput extends CaseCommandInput {
  @Field() optionChosen: string;
  @Field({ nullable: true }) followsOpinionOf?: string;
  @Field() rationaleInPatientsWords: string;
  @Field({ nullable: true }) acknowledgeOpenConflicts?: boolean;
}
