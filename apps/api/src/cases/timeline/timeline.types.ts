import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTime, PageInfo } from '../../graphql';

@ObjectType()
export class TimelineEntry {
  @Field(() => Int) revision: number;
  @Field() eventType: string;
  @Field(() => DateTime) occurredAt: Date;
  @Field(() => DateTime) recordedAt: Date;
  @Field({ nullable: true }) actorId?: string;
  @Field({ description: 'One line of coded facts and ids; free text is in `text`' }) summary: string;
  @Field({ nullable: true, description: "The event's free text (a note, the patient's rationale...): patient data" })
  text?: string;
}

@ObjectType()
export class TimelineConnection {
  @Field(() => [TimelineEntry]) entries: TimelineEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
