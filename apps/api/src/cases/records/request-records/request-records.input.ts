import { Field, InputType } from '@nestjs/graphql';
import type { ImagingModality, RecordKind, TransferMethod } from '@sot/domain';
import { ImagingModalityEnum, RecordKindEnum, TransferMethodEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class RecordItemInput {
  @Field() itemId: string;
  @Field(() => RecordKindEnum) kind: RecordKind;
  @Field() description: string;
  @Field(() => ImagingModalityEnum, { nullable: true }) modality?: ImagingModality;
  @Field() holder: string;
  @Field(() => TransferMethodEnum) transferMethod: TransferMethod;
}

@InputType()
export class RequestRecordsInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [RecordItemInput]) items: RecordItemInput[];
}
