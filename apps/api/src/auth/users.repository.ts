import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import { ACCOUNT_CHANGES_CHANNEL } from './account-changes';
import type { AccountChangeMessage } from './account-changes';
import { KYSELY } from '../platform';
import type { Role } from './actor';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type UsersTable = {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** Tokens carrying another version are refused: bumping it ends every session of the account. */
  session_version: Generated<number>;
  /** When the account's sessions last ended: identity-provider tokens issued before are refused. */
  sessions_ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type UserRow = Selectable<UsersTable>;
export type AccountChange = { disabled?: boolean; role?: Role; password_hash?: string };
export type NewUser = Insertable<UsersTable>;

@Injectable()
export class UsersRepository {
  constructor(@Inject(KYSELY) private readonly db: Kysely<{ 'auth.users': UsersTable }>) {}

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('auth.users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('auth.users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Active accounts that can hold a caseload (case managers and supervisors), by name. */
  assignable(role?: Role): Promise<UserRow[]> {
    let query = this.db
      .selectFrom('auth.users')
      .selectAll()
      .where('disabled', '=', false)
      .where('role', 'in', ['CASE_MANAGER', 'SUPERVISOR'])
      .orderBy('display_name')
      .orderBy('id');
    if (role !== undefined) {
      query = query.where('role', '=', role);
    }
    return query.execute();
  }

  /** Every account, active or not, for supervisors managing them. */
  all(): Promise<UserRow[]> {
    return this.db.selectFrom('auth.users').selectAll().orderBy('display_name').orderBy('id').execute();
  }

  /** Changes an account; `endSessions` also bumps its session version. Undefined when no such account. */
  async update(id: string, change: AccountChange, endSessions: boolean): Promise<UserRow | undefined> {
    const row = await this.db
      .updateTable('auth.users')
      .set((eb) => ({
        ...change,
        ...(endSessions ? { session_version: eb('session_version', '+', 1), sessions_ended_at: sql<Date>`now()` } : {}),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (row) {
      // Every instance forgets the account it may hold, and closes its live connections when its
      // sessions ended (see CachedUsers, LiveSessions).
      const message: AccountChangeMessage = { userId: id, sessionsEnded: endSessions };
      await sql`SELECT pg_notify(${ACCOUNT_CHANGES_CHANNEL}, ${JSON.stringify(message)})`.execute(this.db);
    }
    return row;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('auth.users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Creates the account unless its id or email exists already (two first requests racing). */
  async createIfAbsent(user: NewUser): Promise<void> {
    await this.db
      .insertInto('auth.users')
      .values({ ...user, email: user.email.toLowerCase() })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }

  async create(user: NewUser): Promise<void> {
    await this.db
      .insertInto('auth.users')
      .values({ ...user, email: user.email.toLowerCase() })
      .execute();
  }
}
