import { Field, InputType } from '@nestjs/graphql';
import type { CloseReason } from '@sot/domain';
import { CloseReasonEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class CloseCaseInput extends CaseCommandInput {
  @Field(() => CloseReasonEnum) reason: CloseReason;
  @Field({ nullable: true }) comment?: string;
}
