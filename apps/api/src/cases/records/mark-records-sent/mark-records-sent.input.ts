import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class MarkRecordsSentInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [String]) itemIds: string[];
  @Field({ nullable: true }) trackingReference?: string;
}
