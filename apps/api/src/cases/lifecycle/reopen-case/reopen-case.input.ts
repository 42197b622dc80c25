import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class ReopenCaseInput extends CaseCommandInput {
  @Field() reason: string;
}
