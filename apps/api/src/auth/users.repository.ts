import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { KYSELY } from '../database/database';
import type { AppTables, NewUser, Role, UserRow } from '../database/tables';

@Injectable()
export class UsersRepository {
  constructor(@Inject(KYSELY) private readonly db: Kysely<AppTables>) {}

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('auth.users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('auth.users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('auth.users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async create(user: NewUser): Promise<void> {
    await this.db
      .insertInto('auth.users')
      .values({ ...user, email: user.email.toLowerCase() })
      .execute();
  }
}

export const ROLES: readonly Role[] = ['CASE_MANAGER', 'SUPERVISOR', 'AUDITOR'];
