import { suiteDatabase } from '../../test/database';
import { createPostgresEventStore } from './postgres-event-store';

describe('the PostgreSQL store’s LISTEN connection', () => {
  it('is opened once for subscriptions started together, and given back when they end', async () => {
    const database = await suiteDatabase('event_store_listener');
    try {
      const store = createPostgresEventStore({ pool: database.pool, pollIntervalMs: 50 });
      const subscriptions = [store.subscribeToAll(), store.subscribeToAll(), store.subscribeToAll()];
      const iterators = subscriptions.map((subscription) => subscription[Symbol.asyncIterator]());
      // Let the three reach the database: each asks for the listener at the same moment.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await Promise.all(iterators.map((iterator) => iterator.return?.() ?? Promise.resolve()));
      const { pool } = database;
      // The last subscription to end gives the listener back, before the store is closed...
      expect(pool.totalCount - pool.idleCount).toBe(0);
      await store.close();
      // ...and nothing else is held: ending the pool cannot hang.
      expect(pool.totalCount - pool.idleCount).toBe(0);
    } finally {
      await database.drop();
    }
  });
});

describe('appends announced to other processes', () => {
  it('wake a subscriber of another store on the same database at once, not at its next poll', async () => {
    const database = await suiteDatabase('event_store_announce');
    const writer = createPostgresEventStore({ pool: database.pool });
    // Another process, in effect: its own store object and LISTEN connection, polling only every 30 s.
    const reader = createPostgresEventStore({ pool: database.pool, pollIntervalMs: 30_000 });
    const subscription = reader.subscribeToAll();
    const events = subscription[Symbol.asyncIterator]();
    try {
      await writer.append(
        'case-1',
        [{ eventId: crypto.randomUUID(), type: 'Started', data: {}, metadata: {} }],
        'no_stream',
      );
      const first = await events.next();
      expect(first.value).toMatchObject({ streamId: 'case-1' });
      // Caught up and waiting now: the next append must arrive through the announcement.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const next = events.next();
      await writer.append(
        'case-2',
        [{ eventId: crypto.randomUUID(), type: 'Started', data: {}, metadata: {} }],
        'no_stream',
      );
      expect((await next).value).toMatchObject({ streamId: 'case-2' });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await subscription.close();
      await events.return?.();
      await Promise.all([writer.close(), reader.close()]);
      await database.drop();
    }
  });
});
