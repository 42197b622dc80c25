import { Field, InputType, Int } from '@nestjs/graphql';
import type { Currency } from '@sot/domain';
import { CurrencyEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class CoverageInput {
  @Field() covered: boolean;
  @Field() inPlanExpertRequired: boolean;
  @Field({ nullable: true }) remoteReviewCovered?: boolean;
  @Field(() => Int, { nullable: true }) selfPayFeeCents?: number;
  @Field(() => CurrencyEnum, { nullable: true }) currency?: Currency;
  @Field({ nullable: true }) paymentPlan?: string;
  @Field({ nullable: true }) insurerReference?: string;
}

@InputType()
export class RecordInsuranceCoverageInput extends CaseCommandInput {
  @Field() requestId: string;
  @Field(() => CoverageInput) coverage: CoverageInput;
}
