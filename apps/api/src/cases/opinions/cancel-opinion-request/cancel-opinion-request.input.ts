import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class CancelOpinionRequestInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field() reason: string;
}
