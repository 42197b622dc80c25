import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTime, enumOf } from '../graphql';
import { ROLES } from './actor';
import type { Role as RoleValue } from './actor';

export const Role = enumOf(ROLES, 'Role', 'What a user may see and do');

@ObjectType()
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: RoleValue;
}

@ObjectType()
export class AuthPayload {
  @Field() token: string;
  @Field(() => DateTime) expiresAt: Date;
  @Field(() => User) user: User;
}

@ObjectType({ description: 'Someone a case can be assigned to' })
export class AssignableUser {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => Role) role: RoleValue;
}
