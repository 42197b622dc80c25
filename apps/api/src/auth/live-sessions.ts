import { Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { PostgresNotifications } from '../platform';
import { ACCOUNT_CHANGES_CHANNEL, followAccountChanges } from './account-changes';

/** 4401 is graphql-ws's Unauthorized: a client reconnects with a fresh token, or signs in again. */
export const SESSION_OVER_CLOSE_CODE = 4401;

type Live = { readonly userId: string; readonly close: (code: number, reason: string) => void; timer?: NodeJS.Timeout };

/**
 * The open WebSocket connections of this instance, by account. A connection authenticates once, so
 * it is closed when its access token expires (the client reconnects with its renewed token) and at
 * once when the account's sessions end on any instance (heard through PostgreSQL).
 */
@Injectable()
export class LiveSessions implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly live = new Set<Live>();
  private readonly stop = new AbortController();

  constructor(private readonly notifications: PostgresNotifications) {}

  onModuleInit(): void {
    this.notifications.listen(ACCOUNT_CHANGES_CHANNEL);
  }

  onApplicationBootstrap(): void {
    void this.follow();
  }

  beforeApplicationShutdown(): void {
    this.stop.abort();
    for (const live of this.live) {
      clearTimeout(live.timer);
    }
    this.live.clear();
  }

  /** Follows a connection until it closes (call what this returns then). */
  track(userId: string, tokenExpiresAt: Date, close: Live['close']): () => void {
    const live: Live = { userId, close };
    // setTimeout holds 32-bit milliseconds (24.8 days): an access token lives minutes.
    const lifetime = Math.min(Math.max(0, tokenExpiresAt.getTime() - Date.now()), 2 ** 31 - 1);
    live.timer = setTimeout(() => close(SESSION_OVER_CLOSE_CODE, 'Access token expired'), lifetime);
    live.timer.unref();
    this.live.add(live);
    return () => {
      clearTimeout(live.timer);
      this.live.delete(live);
    };
  }

  private async follow(): Promise<void> {
    await followAccountChanges(this.notifications, this.stop.signal, ({ userId, sessionsEnded }) => {
      for (const live of this.live) {
        if (sessionsEnded && live.userId === userId) {
          live.close(SESSION_OVER_CLOSE_CODE, 'Session ended');
        }
      }
    });
  }
}
