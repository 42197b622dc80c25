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
  @Field({ description: 'The access token: send it as Authorization: Bearer <token>' })
  token: string;
  @Field(() => DateTime, { description: 'When the access token stops working: refresh the session before then' })
  expiresAt: Date;
  @Field({ description: 'Exchanged once, with refreshSession, for a new token and the next refresh token' })
  refreshToken: string;
  @Field(() => DateTime, { description: 'When the sign-in ends, however often it is refreshed' })
  sessionExpiresAt: Date;
  @Field(() => User) user: User;
}

@ObjectType({ description: 'Someone a case can be assigned to' })
export class AssignableUser {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => Role) role: RoleValue;
}
