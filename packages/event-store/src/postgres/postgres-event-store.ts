import type { Pool, PoolClient } from 'pg';
import { quoteIdentifier } from '@sot/postgres';
import type { EventStore, ExpectedRevision, NewEvent } from '../types';
import { appendInTransaction, concurrentWriterError, currentRevision, validateAppend } from './append';
import { toStoreError } from './errors';
import { headPosition, readAll, readAllPage, readStream } from './reads';
import { eventStoreSchema } from './schema';
import { Wakeup, catchUpSubscription } from './subscription';

export type PostgresEventStoreOptions = {
  readonly pool: Pool;
  /** The PostgreSQL schema holding the events table. */
  readonly schema?: string;
  /** How often a caught-up subscription looks for events it was not told about. */
  readonly pollIntervalMs?: number;
};

/** `any` appends race only with themselves: retry a few times rather than fail the caller. */
const ANY_RETRIES = 5;

/** Creates the events table on first use, so that building a store never touches the network. */
export const createPostgresEventStore = (options: PostgresEventStoreOptions): EventStore => {
  const { pool } = options;
  const schema = options.schema ?? 'event_store';
  const table = `${quoteIdentifier(schema)}.events`;
  const channel = `${schema}_appended`;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  let schemaReady: Promise<unknown> | undefined;
  const ready = (): Promise<unknown> =>
    (schemaReady ??= pool.query(eventStoreSchema(schema)).catch((error: unknown) => {
      schemaReady = undefined;
      throw toStoreError(error, 'creating the events table');
    }));

  const wakeup = new Wakeup();
  let listener: PoolClient | undefined;
  let subscriptions = 0;
  const listen = async (): Promise<void> => {
    if (listener) {
      return;
    }
    listener = await pool.connect();
    listener.on('notification', () => wakeup.wakeAll());
    // A lost listener only costs latency: subscriptions keep polling.
    listener.on('error', () => {
      listener?.release(true);
      listener = undefined;
    });
    await listener.query(`LISTEN ${quoteIdentifier(channel)}`);
  };
  const unlisten = (): void => {
    subscriptions -= 1;
    if (subscriptions === 0 && listener) {
      listener.release();
      listener = undefined;
    }
  };

  const appendOnce = async (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) => {
    await ready();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await appendInTransaction(client, table, channel, streamId, events, expected);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw await concurrentWriterError(error, () => currentRevision(client, table, streamId), streamId, expected);
    } finally {
      client.release();
    }
  };

  return {
    append: async (streamId, events, expected) => {
      validateAppend(streamId, events, expected);
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await appendOnce(streamId, events, expected);
        } catch (error) {
          const retry =
            expected === 'any' &&
            attempt < ANY_RETRIES &&
            error instanceof Error &&
            error.name === 'WrongExpectedVersionError';
          if (!retry) {
            throw toStoreError(error, `appending to ${streamId}`);
          }
        }
      }
    },
    readStream: (streamId, readOptions) =>
      wrapErrors(ready, readStream(pool, table, streamId, readOptions), `reading ${streamId}`),
    readAll: (readOptions) => wrapErrors(ready, readAll(pool, table, readOptions), 'reading all events'),
    subscribeToAll: (subscribeOptions = {}) => {
      subscriptions += 1;
      listen().catch(() => undefined);
      return catchUpSubscription(
        (after, limit) =>
          ready()
            .then(() => readAllPage(pool, table, after, limit, subscribeOptions.filter))
            .catch((error: unknown) => {
              throw toStoreError(error, 'subscribing to all events');
            }),
        wakeup,
        { ...subscribeOptions, pollIntervalMs, onClose: unlisten },
      );
    },
    headPosition: () =>
      ready()
        .then(() => headPosition(pool, table))
        .catch((error: unknown) => {
          throw toStoreError(error, 'reading the head position');
        }),
    close: () => {
      listener?.release();
      listener = undefined;
      return Promise.resolve();
    },
  };
};

async function* wrapErrors<T>(
  ready: () => Promise<unknown>,
  source: AsyncIterable<T>,
  what: string,
): AsyncGenerator<T> {
  try {
    await ready();
    yield* source;
  } catch (error) {
    throw toStoreError(error, what);
  }
}
