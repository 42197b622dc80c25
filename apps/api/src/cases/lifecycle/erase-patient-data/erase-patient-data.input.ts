import { Field, InputType } from '@nestjs/graphql';
import type { ErasureReason } from '@sot/domain';
import { ErasureReasonEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class ErasePatientDataInput extends CaseCommandInput {
  @Field(() => ErasureReasonEnum) reason: ErasureReason;
  @Field({
    nullable: true,
    description: "The erasure request's reference, e.g. a ticket number: never the patient's name",
  })
  reference?: string;
}
