import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { PG_POOL } from '../database/database';
import { LOGGER } from '../logging/logger';
import { CASE_UPDATES_CHANNEL } from './case-read-model.projection';
import type { CaseUpdateMessage } from './projection-events';

/**
 * Every instance listens to the notifications the case projection sends on commit, and hands them
 * to its own GraphQL subscribers: updates fan out through PostgreSQL, not one process's memory.
 */
@Injectable()
export class CaseUpdatesListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: PoolClient | undefined;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.emitter.emit('close');
    this.client?.release();
    this.client = undefined;
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
    const client = await this.pool.connect();
    client.on('notification', (notification) => {
      if (notification.channel === CASE_UPDATES_CHANNEL && notification.payload) {
        this.emitter.emit('update', JSON.parse(notification.payload) as CaseUpdateMessage);
      }
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error.message }, 'case update listener lost its connection; reconnecting');
      client.release(true);
      this.client = undefined;
      if (!this.stopped) {
        setTimeout(() => void this.connect().catch(() => undefined), 1_000);
      }
    });
    await client.query(`LISTEN ${CASE_UPDATES_CHANNEL}`);
    this.client = client;
  }
}
