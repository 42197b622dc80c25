import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Role as RoleValue } from './actor';
import { Account, AccountWithPassword, CreateAccountInput } from './accounts.types';
import { AccountsService } from './accounts.service';
import { Role } from './auth.types';
import { CurrentUser } from './current-user';
import type { AuthenticatedUser } from './current-user';

@Resolver()
export class AccountsResolver {
  constructor(private readonly service: AccountsService) {}

  @Query(() => [Account], { description: 'Every account, active or disabled. Supervisors only.' })
  accounts(@CurrentUser() user: AuthenticatedUser): Promise<Account[]> {
    return this.service.list(user);
  }

  @Mutation(() => AccountWithPassword, { description: 'Supervisors only; the temporary password is shown once' })
  createAccount(@CurrentUser() user: AuthenticatedUser, @Args('input') input: CreateAccountInput) {
    return this.service.create(user, input);
  }

  @Mutation(() => Account, { description: "Supervisors only; disabling ends the account's sessions at once" })
  setAccountDisabled(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('disabled') disabled: boolean,
  ) {
    return this.service.setDisabled(user, id, disabled);
  }

  @Mutation(() => Account, { description: "Supervisors only; ends the account's sessions" })
  changeAccountRole(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('role', { type: () => Role }) role: RoleValue,
  ) {
    return this.service.changeRole(user, id, role);
  }

  @Mutation(() => AccountWithPassword, {
    description: "Supervisors only; ends the account's sessions; the temporary password is shown once",
  })
  resetAccountPassword(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.resetPassword(user, id);
  }

  @Mutation(() => Boolean, { description: 'Ends every session of your account, on every device' })
  signOut(@CurrentUser() user: AuthenticatedUser): Promise<boolean> {
    return this.service.signOut(user);
  }
}
