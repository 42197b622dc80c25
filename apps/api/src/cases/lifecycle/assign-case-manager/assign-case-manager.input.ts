import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class AssignCaseManagerInput extends CaseCommandInput {
  @Field() caseManagerId: string;
  @Field({ nullable: true }) reason?: string;
}
