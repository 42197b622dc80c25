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
