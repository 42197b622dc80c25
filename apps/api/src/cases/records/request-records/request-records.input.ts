import { Field, InputType } from '@nestjs/graphql';
import type { ImagingModality, RecordKind, TransferMethod } from '@sot/domain';
import { DateTime, ImagingModalityEnum, RecordKindEnum, TransferMethodEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class RecordItemInput {
  @Field() itemId: string;
  @Field(() => RecordKindEnum) kind: RecordKind;
  @Field() description: string;
  @Field(() => ImagingModalityEnum, { nullable: true }) modality?: ImagingModality;
  @Field() holder: string;
  @Field(() => TransferMethodEnum) transferMethod: TransferMethod;
  @Field(() => DateTime, { nullable: true, description: 'When the holder should have sent it' }) dueBy?: Date;
  @Field({ nullable: true, description: "Whether the patient's signed release authorisation is on file" })
  releaseAuthorisationOnFile?: boolean;
}

@InputType()
export class RequestRecordsInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => [RecordItemInput]) items: RecordItemInput[];
}
