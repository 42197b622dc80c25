import { Pool } from 'pg';
import { suiteDatabase } from '../../test/database';
import { describeEventStoreContract } from '../contract';
import { createPostgresEventStore } from './postgres-event-store';

describeEventStoreContract('postgres', async () => {
  const database = await suiteDatabase('event_store_contract');
  const store = createPostgresEventStore({ pool: database.pool, pollIntervalMs: 50 });
  return {
    store,
    unreachableStore: () => {
      // Port 1 on loopback: nothing listens there.
      const pool = new Pool({
        connectionString: 'postgres://nobody:secret@127.0.0.1:1/none',
        connectionTimeoutMillis: 2_000,
      });
      const unreachable = createPostgresEventStore({ pool });
      return Promise.resolve({
        ...unreachable,
        close: async () => {
          await unreachable.close();
          await pool.end();
        },
      });
    },
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
});
