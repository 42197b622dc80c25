import type { Pool, PoolClient } from 'pg';
import { quoteIdentifier } from '@sot/postgres';
import type { EventStore, ExpectedRevision, NewEvent } from '../types';
import { Announcer } from './announcer';
import { appendEvents, validateAppend } from './append';
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
class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly channel: string;
  private readonly appendFunction: string;
  private readonly pollIntervalMs: number;
  private schemaReady: Promise<unknown> | undefined;
  private readonly wakeup = new Wakeup();
  private listener: PoolClient | undefined;
  private subscriptions = 0;
  private listening: Promise<void> | undefined;
  private readonly announcer: Announcer;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    const schema = options.schema ?? 'event_store';
    this.table = `${quoteIdentifier(schema)}.events`;
    this.channel = `${schema}_appended`;
    this.appendFunction = `${quoteIdentifier(schema)}.append_events`;
    this.announcer = new Announcer(() => this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']));
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  // The port's operations are own properties (arrow functions): a store can be spread or passed around.
  readonly append: EventStore['append'] = async (streamId, events, expected) => {
    validateAppend(streamId, events, expected);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.appendOnce(streamId, events, expected);
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
  };

  readonly readStream: EventStore['readStream'] = (streamId, readOptions) =>
    wrapErrors(this.ready, readStream(this.pool, this.table, streamId, readOptions), `reading ${streamId}`);

  readonly readAll: EventStore['readAll'] = (readOptions) =>
    wrapErrors(this.ready, readAll(this.pool, this.table, readOptions), 'reading all events');

  readonly subscribeToAll: EventStore['subscribeToAll'] = (subscribeOptions = {}) => {
    this.subscriptions += 1;
    this.listen().catch(() => undefined);
    return catchUpSubscription(
      (after, limit) =>
        this.ready()
          .then(() => readAllPage(this.pool, this.table, after, limit, subscribeOptions.filter))
          .catch((error: unknown) => {
            throw toStoreError(error, 'subscribing to all events');
          }),
      this.wakeup,
      { ...subscribeOptions, pollIntervalMs: this.pollIntervalMs, onClose: this.unlisten },
    );
  };

  readonly headPosition: EventStore['headPosition'] = () =>
    this.ready()
      .then(() => headPosition(this.pool, this.table))
      .catch((error: unknown) => {
        throw toStoreError(error, 'reading the head position');
      });

  readonly close: EventStore['close'] = async () => {
    this.listener?.release();
    this.listener = undefined;
    await this.announcer.settled();
  };

  private readonly ready = (): Promise<unknown> =>
    (this.schemaReady ??= this.pool
      .query(eventStoreSchema(this.options.schema ?? 'event_store'))
      .catch((error: unknown) => {
        this.schemaReady = undefined;
        throw toStoreError(error, 'creating the events table');
      }));

  /** One LISTEN connection while anyone subscribes: appends wake subscribers at once. */
  /** One connection at a time: subscriptions started together share the one being opened. */
  private listen(): Promise<void> {
    this.listening ??= this.openListener().finally(() => {
      this.listening = undefined;
    });
    return this.listening;
  }

  private async openListener(): Promise<void> {
    if (this.listener) {
      return;
    }
    const listener = await this.pool.connect();
    this.listener = listener;
    listener.on('notification', () => this.wakeup.wakeAll());
    // A lost listener only costs latency: subscriptions keep polling.
    listener.on('error', () => {
      this.listener?.release(true);
      this.listener = undefined;
    });
    await listener.query(`LISTEN ${quoteIdentifier(this.channel)}`);
  }

  private readonly unlisten = (): void => {
    this.subscriptions -= 1;
    if (this.subscriptions === 0 && this.listener) {
      this.listener.release();
      this.listener = undefined;
    }
  };

  private async appendOnce(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    await this.ready();
    const { table, appendFunction } = this;
    const result = await appendEvents(this.pool, { table, appendFunction }, streamId, events, expected);
    if (!result.alreadyAppended) {
      // This process's subscribers at once; other processes through one coalesced NOTIFY.
      this.wakeup.wakeAll();
      this.announcer.announce();
    }
    return result;
  }
}

export const createPostgresEventStore = (options: PostgresEventStoreOptions): EventStore =>
  new PostgresEventStore(options);

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
