import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTime } from './scalars';
import { Case } from './case.types';
import { Role } from './enums';

@ObjectType()
export class CasePayload {
  @Field(() => Case, { nullable: true, description: 'The case after the command; null only if the read model lagged' })
  case?: Case;
  @Field(() => Int) version: number;
  @Field({
    description: 'False when the read model had not caught up within the wait: `case` may be older than `version`',
  })
  caughtUp: boolean;
  @Field({ description: 'True when this commandId had already been recorded: nothing new was appended' })
  duplicate: boolean;
}

@ObjectType()
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: string;
}

@ObjectType()
export class AuthPayload {
  @Field() token: string;
  @Field(() => DateTime) expiresAt: Date;
  @Field(() => User) user: User;
}

@ObjectType()
export class CaseUpdate {
  @Field(() => ID) caseId: string;
  @Field(() => Int) version: number;
  @Field(() => [String]) eventTypes: string[];
  @Field({ nullable: true }) caseManagerId?: string;
}
