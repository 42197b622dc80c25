import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class RecordOpinionReceivedInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field() diagnosis: string;
  @Field() recommendedTreatment: string;
  @Field() changesDiagnosis: boolean;
  @Field() changesTreatment: boolean;
  @Field({ nullable: true }) summary?: string;
}
