import { Field, InputType } from '@nestjs/graphql';
import { DateTime } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class SetDecisionDeadlineInput extends CaseCommandInput {
  @Field(() => DateTime) deadline: Date;
  @Field({ description: 'Who set it, e.g. "Dr. Greer: within three weeks"' }) source: string;
}
