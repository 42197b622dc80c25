import { Pool } from 'pg';
import { suiteDatabase } from '../../test/database';
import { describeEventStoreContract } from '../contract';
import { events, uniquePrefix } from '../contract/fixtures';
import { collect } from '../types';
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

// Event ids are unique across the whole PostgreSQL store (KurrentDB keeps them per stream).
describe('the postgres store', () => {
  it('refuses event ids already used in another stream, writing nothing', async () => {
    const database = await suiteDatabase('event_store_ids');
    const store = createPostgresEventStore({ pool: database.pool, pollIntervalMs: 50 });
    try {
      const batch = events(2);
      await store.append(`${uniquePrefix()}ids-first`, batch, 'no_stream');
      const elsewhere = `${uniquePrefix()}ids-elsewhere`;
      await expect(store.append(elsewhere, batch, 'no_stream')).rejects.toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
      expect(await collect(store.readStream(elsewhere))).toEqual([]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
