import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class MarkRecordsReceivedInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [String]) itemIds: string[];
}
