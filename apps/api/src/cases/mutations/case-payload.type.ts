import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Case } from '../case-detail';

@ObjectType()
export class CasePayload {
  /** Resolved only when asked for (CasePayloadResolver): a read of the case, with its access-log row. */
  @Field(() => Case, {
    nullable: true,
    description:
      'The case after the command, read only when asked for (and then in the access log); null when it could not be read back (see caughtUp)',
  })
  case?: Case;
  @Field(() => Int) version: number;
  @Field({
    description: 'False when the read model had not caught up within the wait: `case` may be older than `version`',
  })
  caughtUp: boolean;
  @Field({ description: 'True when this commandId had already been recorded: nothing new was appended' })
  duplicate: boolean;
  /** Not in the schema: which case the command went to, and the mutation's name for the access log. */
  caseId: string;
  operation: string;
}
