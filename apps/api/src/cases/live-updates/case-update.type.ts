import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CaseUpdate {
  @Field(() => ID) caseId: string;
  @Field(() => Int) version: number;
  @Field(() => [String]) eventTypes: string[];
  @Field({ nullable: true }) caseManagerId?: string;
}
