import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DateTime } from '../graphql';
import type { Role as RoleValue } from './actor';
import { Role } from './auth.types';

@ObjectType({ description: 'A user account, as supervisors manage it' })
export class Account {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: RoleValue;
  @Field({ description: 'A disabled account cannot sign in; its sessions ended when it was disabled' })
  disabled: boolean;
  @Field(() => DateTime) createdAt: Date;
}

@ObjectType({ description: 'An account with a password to hand over once: it is not stored, nor shown again' })
export class AccountWithPassword {
  @Field(() => Account) account: Account;
  @Field() temporaryPassword: string;
}

@InputType()
export class CreateAccountInput {
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: RoleValue;
}
