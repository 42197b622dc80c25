import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DateTime, PageInfo } from '../../graphql';

@ObjectType({ description: 'One read of patient data, or one refused attempt' })
export class AccessLogEntry {
  @Field(() => ID) id: string;
  @Field(() => DateTime) at: Date;
  @Field() userId: string;
  @Field({ nullable: true }) role?: string;
  @Field({ description: 'The GraphQL field read: case, caseAsOf, timeline, cases, a mutation...' }) operation: string;
  @Field(() => [ID]) caseIds: string[];
  @Field({ description: 'ALLOWED, or the code it was refused with: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT' })
  outcome: string;
  @Field({ nullable: true, description: 'The peer address the request came from' }) clientAddress?: string;
}

@ObjectType()
export class AccessLogConnection {
  @Field(() => [AccessLogEntry]) entries: AccessLogEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class AccessLogFilterInput {
  @Field({ nullable: true }) userId?: string;
  @Field(() => ID, { nullable: true }) caseId?: string;
  @Field({ nullable: true }) operation?: string;
  @Field({ nullable: true }) outcome?: string;
  @Field(() => DateTime, { nullable: true, description: 'From this moment on' }) from?: Date;
  @Field(() => DateTime, { nullable: true, description: 'Before this moment' }) to?: Date;
}

@ArgsType()
export class AccessLogArgs {
  @Field(() => Int, { defaultValue: 50 }) first: number;
  @Field({ nullable: true, description: 'endCursor of the previous page' }) after?: string;
  @Field(() => AccessLogFilterInput, { nullable: true }) filter?: AccessLogFilterInput;
}
