import type { EventStore, RecordedEvent } from '../types';
import { ids, newEvent, readAllUnder, take, uniquePrefix } from './fixtures';

const WRITERS = 8;
const APPENDS_PER_WRITER = 40;

/**
 * Gap-free global order: while eight writers append at once, a subscriber reading at the same
 * time must see every event exactly once, in the order readAll gives afterwards. A reader that
 * passes a position whose transaction has not committed yet would miss events here.
 */
export const describeConcurrency = (store: () => EventStore): void => {
  describe('under concurrent writers', () => {
    it(`delivers every event exactly once and in global order to a subscriber running alongside ${WRITERS} writers`, async () => {
      const prefix = uniquePrefix();
      const subscription = store().subscribeToAll({ filter: { streamPrefix: prefix } });
      const expectedCount = WRITERS * APPENDS_PER_WRITER * 2;
      const received = take(subscription, expectedCount, 20_000);
      const writer = async (writerIndex: number): Promise<void> => {
        for (let append = 0; append < APPENDS_PER_WRITER; append += 1) {
          // Half the writers share streams, so appends also contend for the same revisions.
          const stream = writerIndex % 2 === 0 ? `${prefix}own-${writerIndex}` : `${prefix}shared-${append % 3}`;
          await store().append(
            stream,
            [newEvent('Written', { writerIndex, append }), newEvent('Written', { writerIndex, append, second: true })],
            'any',
          );
        }
      };
      let seen: RecordedEvent[];
      try {
        await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
        seen = await received;
      } finally {
        await subscription.close();
      }
      const all = await readAllUnder(store(), prefix);
      expect(all).toHaveLength(expectedCount);
      expect(new Set(ids(seen)).size).toBe(expectedCount);
      expect(ids(seen)).toEqual(ids(all));
    });
  });
};
