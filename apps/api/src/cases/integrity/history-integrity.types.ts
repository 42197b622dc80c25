import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "Whether the case's stored history is as it was recorded (its events' hash chain)" })
export class HistoryIntegrity {
  @Field({ description: 'Every chained event matches its link, in order, with no revision missing' })
  intact: boolean;
  @Field(() => Int) checkedEvents: number;
  @Field(() => Int, { description: 'Events recorded before the chain existed: nothing to check' })
  unchainedEvents: number;
  @Field(() => Int, { nullable: true, description: 'The first event that was changed, removed or moved' })
  firstBrokenRevision?: number;
}
