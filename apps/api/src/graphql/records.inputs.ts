import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from './command-base.input';
import { ImagingModality, RecordKind, TransferMethod } from './enums';

@InputType()
export class RecordItemInput {
  @Field() itemId: string;
  @Field(() => RecordKind) kind: string;
  @Field() description: string;
  @Field(() => ImagingModality, { nullable: true }) modality?: string;
  @Field() holder: string;
  @Field(() => TransferMethod) transferMethod: string;
}

@InputType()
export class RequestRecordsInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [RecordItemInput]) items: RecordItemInput[];
}

@InputType()
export class MarkRecordsSentInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [String]) itemIds: string[];
  @Field({ nullable: true }) trackingReference?: string;
}

@InputType()
export class MarkRecordsReceivedInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [String]) itemIds: string[];
}

@InputType()
export class RecordRecordsReleaseRefusedInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [String]) itemIds: string[];
  @Field() refusedBy: string;
  @Field() reason: string;
}
