import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class RecordRecordsReleaseRefusedInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [String]) itemIds: string[];
  @Field() refusedBy: string;
  @Field() reason: string;
}
