import { suiteDatabase } from '../../test/database';
import { createPostgresEventStore } from './postgres-event-store';

describe('the postgres event store schema', () => {
  it('is created by several instances starting at once, none of them failing', async () => {
    const database = await suiteDatabase('event_store_schema_race');
    try {
      for (let round = 0; round < 5; round += 1) {
        const schema = `race_${round}`;
        const stores = Array.from({ length: 6 }, () => createPostgresEventStore({ pool: database.pool, schema }));
        const appended = await Promise.allSettled(
          stores.map((store, index) =>
            store.append(
              `case-${index}`,
              [{ eventId: crypto.randomUUID(), type: 'Started', data: {}, metadata: {} }],
              'no_stream',
            ),
          ),
        );
        expect(appended.filter((result) => result.status === 'rejected')).toEqual([]);
        await Promise.all(stores.map((store) => store.close()));
      }
    } finally {
      await database.drop();
    }
  });
});
