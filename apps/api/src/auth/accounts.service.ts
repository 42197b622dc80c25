import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError, LOGGER } from '../platform';
import type { Role } from './actor';
import type { Account, AccountWithPassword } from './accounts.types';
import { NewUserRefused, createUser } from './create-user';
import type { AuthenticatedUser } from './current-user';
import { hashPassword } from './passwords';
import { CachedUsers } from './cached-users';
import { UsersRepository } from './users.repository';
import type { AccountChange, UserRow } from './users.repository';

const toAccount = (row: UserRow): Account => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled,
  createdAt: new Date(row.created_at as unknown as Date), // pg returns timestamptz as Date
});

/** Long enough to resist guessing until it is changed; shown once to the supervisor. */
const temporaryPassword = (): string => randomBytes(15).toString('base64url');

/**
 * Supervisors manage accounts: create, disable or enable, change role, reset a password. Every
 * change that takes something away ends the account's sessions at once. Supervisors cannot
 * disable or demote themselves (so the platform never loses its last supervisor by accident).
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly cached: CachedUsers,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(actor: AuthenticatedUser): Promise<Account[]> {
    requireSupervisor(actor);
    return (await this.users.all()).map(toAccount);
  }

  async create(
    actor: AuthenticatedUser,
    input: { email: string; displayName: string; role: Role },
  ): Promise<AccountWithPassword> {
    requireSupervisor(actor);
    const password = temporaryPassword();
    try {
      const { id } = await createUser(this.users, { ...input, password });
      this.audit(actor, id, 'account created', { role: input.role });
      return { account: toAccount((await this.users.findById(id))!), temporaryPassword: password };
    } catch (error) {
      if (error instanceof NewUserRefused) {
        throw new AppError('BAD_USER_INPUT', error.message);
      }
      throw error;
    }
  }

  async setDisabled(actor: AuthenticatedUser, id: string, disabled: boolean): Promise<Account> {
    requireSupervisor(actor);
    notYourself(actor, id, 'disable');
    const row = await this.change(id, { disabled }, disabled);
    this.audit(actor, id, disabled ? 'account disabled' : 'account enabled');
    return toAccount(row);
  }

  async changeRole(actor: AuthenticatedUser, id: string, role: Role): Promise<Account> {
    requireSupervisor(actor);
    notYourself(actor, id, 'change the role of');
    const row = await this.change(id, { role }, true);
    this.audit(actor, id, 'account role changed', { role });
    return toAccount(row);
  }

  async resetPassword(actor: AuthenticatedUser, id: string): Promise<AccountWithPassword> {
    requireSupervisor(actor);
    const password = temporaryPassword();
    const row = await this.change(id, { password_hash: await hashPassword(password) }, true);
    this.audit(actor, id, 'account password reset');
    return { account: toAccount(row), temporaryPassword: password };
  }

  /** Signing out ends every session of the caller's account, on every device. */
  async signOut(actor: AuthenticatedUser): Promise<boolean> {
    await this.users.update(actor.id, {}, true);
    // Here at once; other instances when the notification arrives.
    this.cached.forget(actor.id);
    return true;
  }

  private async change(id: string, change: AccountChange, endSessions: boolean) {
    const row = await this.users.update(id, change, endSessions);
    this.cached.forget(id);
    if (!row) {
      throw new AppError('NOT_FOUND', `No account ${id}: choose one from the accounts query`, { field: 'id' });
    }
    return row;
  }

  /** Who changed which account, and how: ids and roles only, never an email or a password. */
  private audit(actor: AuthenticatedUser, accountId: string, action: string, details: Record<string, string> = {}) {
    this.logger.info({ component: 'accounts', actorId: actor.id, accountId, ...details }, action);
  }
}

const requireSupervisor = (actor: AuthenticatedUser): void => {
  if (actor.role !== 'SUPERVISOR') {
    throw new AppError('FORBIDDEN', 'Only supervisors manage accounts');
  }
};

const notYourself = (actor: AuthenticatedUser, id: string, what: string): void => {
  if (actor.id === id) {
    throw new AppError('BAD_USER_INPUT', `You cannot ${what} your own account: ask another supervisor`, {
      field: 'id',
      reason: 'OWN_ACCOUNT',
    });
  }
};
