import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { backoffDelay } from './backoff';
import { PG_POOL } from './database';
import { LOGGER } from './logger';

const CHANNEL_NAME = /^[a-z_]{1,63}$/;

/** Retry delay after `failures` failures in a row: 1 s doubling up to 30 s. */
const reconnectDelay = (failures: number): number => backoffDelay(failures, 1_000, 30_000);

/**
 * PostgreSQL notifications, for every api instance: one connection LISTENs on each channel a module
 * asked for (before start-up), and hands each JSON payload to that instance's own listeners. What one
 * instance commits is thus heard by all, not kept in one process's memory.
 */
@Injectable()
export class PostgresNotifications implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly channels = new Set<string>();
  private release: ((destroy?: boolean) => void) | undefined;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Asks for a channel; call it from onModuleInit, before the application starts. */
  listen(channel: string): void {
    if (!CHANNEL_NAME.test(channel)) {
      throw new Error(`Not a notification channel name: ${channel}`);
    }
    this.channels.add(channel);
  }

  /** The payloads arriving on a channel from now on, until `signal` aborts or the app stops. */
  messages<T>(channel: string, signal: AbortSignal): AsyncIterableIterator<T> {
    const iterator = on(this.emitter, channel, { signal, close: ['close'] });
    return (async function* () {
      for await (const [message] of iterator) {
        yield message as T;
      }
    })();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  // Before the platform closes the database (its onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.emitter.emit('close');
    this.release?.();
    this.release = undefined;
    await Promise.resolve();
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
    client.on('notification', ({ channel, payload }) => {
      if (this.channels.has(channel) && payload) {
        this.emitter.emit(channel, JSON.parse(payload) as unknown);
      }
    });
    client.on('error', (error) => {
      release(true);
      if (this.release === release) {
        this.release = undefined;
      }
      if (!this.stopped) {
        this.logger.warn({ err: error.message }, 'notification listener lost its connection; reconnecting');
        this.reconnect();
      }
    });
    try {
      for (const channel of this.channels) {
        await client.query(`LISTEN ${channel}`);
      }
    } catch (error) {
      release(true);
      throw error;
    }
    this.release = release;
  }

  /** Retries with backoff until the listener is back or the app stops. */
  private reconnect(failures = 1): void {
    setTimeout(() => {
      if (this.stopped) {
        return;
      }
      this.connect().then(
        () => this.logger.info('notification listener reconnected'),
        (error: unknown) => {
          this.logger.warn(
            { err: error instanceof Error ? error.message : String(error), retryInMs: reconnectDelay(failures + 1) },
            'notification listener cannot reconnect yet',
          );
          this.reconnect(failures + 1);
        },
      );
    }, reconnectDelay(failures)).unref();
  }
}
