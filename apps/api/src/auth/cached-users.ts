import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, PostgresNotifications } from '../platform';
import type { AppConfig } from '../platform';
import { ACCOUNT_CHANGES_CHANNEL, followAccountChanges } from './account-changes';
import { UsersRepository } from './users.repository';
import type { UserRow } from './users.repository';

/**
 * Accounts as every request's authentication reads them, kept for AUTH_CACHE_SECONDS: a request
 * then costs no database round trip for who is asking. Any change to an account, on any instance,
 * drops it from every instance's cache at once (PostgreSQL NOTIFY); the time limit bounds what a
 * notification lost while the listener reconnects could leave (a disabled account keeps access that
 * long at most).
 */
@Injectable()
export class CachedUsers implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly rows = new Map<string, { readonly row: UserRow; readonly until: number }>();
  private readonly stop = new AbortController();

  constructor(
    private readonly users: UsersRepository,
    private readonly notifications: PostgresNotifications,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.notifications.listen(ACCOUNT_CHANGES_CHANNEL);
  }

  onApplicationBootstrap(): void {
    void this.follow();
  }

  beforeApplicationShutdown(): void {
    this.stop.abort();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const cached = this.rows.get(id);
    if (cached && cached.until > Date.now()) {
      return cached.row;
    }
    const row = await this.users.findById(id);
    if (row && this.config.AUTH_CACHE_SECONDS > 0) {
      this.rows.set(id, { row, until: Date.now() + this.config.AUTH_CACHE_SECONDS * 1000 });
    } else {
      this.rows.delete(id);
    }
    return row;
  }

  /** Drops an account changed by this instance, before the notification comes back. */
  forget(id: string): void {
    this.rows.delete(id);
  }

  private async follow(): Promise<void> {
    await followAccountChanges(this.notifications, this.stop.signal, ({ userId }) => this.rows.delete(userId));
  }
}
