import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Case } from '../case-detail';

@ObjectType()
export class CasePayload {
  @Field(() => Case, {
    nullable: true,
    description: 'The case after the command; null when it could not be read back (see caughtUp)',
  })
  case?: Case;
  @Field(() => Int) version: number;
  @Field({
    description: 'False when the read model had not caught up within the wait: `case` may be older than `version`',
  })
  caughtUp: boolean;
  @Field({ description: 'True when this commandId had already been recorded: nothing new was appended' })
  duplicate: boolean;
}
