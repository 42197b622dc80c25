import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL } from '../../platform';
import { CASE_UPDATES_CHANNEL } from '../case-read-model/case-update-message';
import type { CaseUpdateMessage } from '../case-read-model/case-update-message';
import { backoffDelay } from '../runner/backoff';

/**
 * Every instance listens to the notifications the case projection sends on commit, and hands them
 * to its own GraphQL subscribers: updates fan out through PostgreSQL, not one process's memory.
 */
@Injectable()
export class CaseUpdatesListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private release: ((destroy?: boolean) => void) | undefined;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  // Before the platform closes the store and the database (its onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.emitter.emit('close');
    this.release?.();
    this.release = undefined;
    await Promise.resolve();
  }

  updates(signal: AbortSignal): AsyncIterableIterator<CaseUpdateMessage> {
    const iterator = on(this.emitter, 'update', { signal, close: ['close'] });
    return (async function* () {
      for await (const [message] of iterator) {
        yield message as CaseUpdateMessage;
      }
    })();
  }

  private async connect(): Promise<void> {
    const client: PoolClient = await this.pool.connect();
    let released = false;
    // The connection can fail after shutdown already released it (PostgreSQL stopping first).
    const release = (destroy = false) => {
      if (!released) {
        released = true;
        client.release(destroy);
      }
    };
    client.on('notification', (notification) => {
      if (notification.channel === CASE_UPDATES_CHANNEL && notification.payload) {
        this.emitter.emit('update', JSON.parse(notification.payload) as CaseUpdateMessage);
      }
    });
    client.on('error', (error) => {
      release(true);
      if (this.release === release) {
        this.release = undefined;
      }
      if (!this.stopped) {
        this.logger.warn({ err: error.message }, 'case update listener lost its connection; reconnecting');
        this.reconnect();
      }
    });
    try {
      await client.query(`LISTEN ${CASE_UPDATES_CHANNEL}`);
    } catch (error) {
      release(true);
      throw error;
    }
    this.release = release;
  }

  /** Retries with backoff (1 s doubling to 30 s) until the listener is back or the app stops. */
  private reconnect(failures = 1): void {
    setTimeout(
      () => {
        if (this.stopped) {
          return;
        }
        this.connect().then(
          () => this.logger.info('case update listener reconnected'),
          (error: unknown) => {
            this.logger.warn(
              {
                err: error instanceof Error ? error.message : String(error),
                retryInMs: backoffDelay(failures + 1, 1_000, 30_000),
              },
              'case update listener cannot reconnect yet',
            );
            this.reconnect(failures + 1);
          },
        );
      },
      backoffDelay(failures, 1_000, 30_000),
    ).unref();
  }
}
