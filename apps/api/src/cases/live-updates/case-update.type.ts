import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CaseUpdate {
  @Field(() => ID) caseId: string;
  @Field(() => Int) version: number;
  @Field(() => [String]) eventTypes: string[];
  @Field({ nullable: true }) caseManagerId?: string;
  @Field({
    nullable: true,
    description: 'Set when the case changed hands: the manager whose caseload it left (they are told once)',
  })
  previousCaseManagerId?: string;
}
