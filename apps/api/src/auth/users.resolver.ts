import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Role as RoleValue } from './actor';
import { AssignableUser, Role } from './auth.types';
import { UsersRepository } from './users.repository';

@Resolver()
export class UsersResolver {
  constructor(private readonly accounts: UsersRepository) {}

  @Query(() => [AssignableUser], {
    description: 'Active case managers and supervisors, by name: whom a case can be opened for or assigned to',
  })
  async users(@Args('role', { type: () => Role, nullable: true }) role?: RoleValue): Promise<AssignableUser[]> {
    const rows = await this.accounts.assignable(role ?? undefined);
    return rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role }));
  }
}
