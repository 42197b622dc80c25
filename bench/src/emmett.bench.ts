import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { randomUUID } from 'node:crypto';
import { measure } from './measure';
import { WRITERS, noteEvent } from './workload';

/**
 * The peer: emmett-postgresql's event store on the same database, appending the same note events
 * with the expected version, 8 writers each on its own stream, as our store is measured.
 */
export const emmettFigures = async (connectionString: string, seconds: number) => {
  const store = getPostgreSQLEventStore(connectionString);
  const versions = Array.from({ length: WRITERS }, () => 0n);
  const run = randomUUID().slice(0, 8);
  const append = (size: number) => async (worker: number) => {
    const events = Array.from({ length: size }, (_, index) => {
      const { type, data, metadata } = noteEvent(index);
      return { type, data, metadata };
    });
    const result = await store.appendToStream(`case-peer-${run}-${size}-${worker}`, events, {
      expectedStreamVersion: versions[worker]!,
    });
    versions[worker] = result.nextExpectedStreamVersion;
    return size;
  };
  try {
    // The peer creates its schema on first use: not part of any figure.
    await store.appendToStream(`case-peer-${run}-warm`, [{ type: 'Warm', data: {} }]);
    const single = await measure(WRITERS, seconds, append(1));
    versions.fill(0n);
    const multi = await measure(WRITERS, seconds, append(100));
    return { single, multi };
  } finally {
    await store.close();
  }
};
