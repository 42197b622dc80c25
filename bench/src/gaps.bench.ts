import { createPostgresEventStore } from '@sot/event-store';
import type { Pool } from 'pg';
import type { Figure } from './report';
import { noteEvent } from './workload';

const SCHEMA = 'bench_gaps';
const WRITERS = 16;
const EVENTS_PER_APPEND = 100;
/** Each writer holds its transaction open this long at most after inserting: commits land out of order. */
const MAX_COMMIT_DELAY_MS = 5;

export type GapVerdict = { readonly missed: number; readonly duplicated: number; readonly outOfOrder: number };

/**
 * Gap safety at load: WRITERS writers append `total` events through the store's own append
 * function, each holding its transaction open a random few milliseconds before committing (so
 * later positions commit before earlier ones), while one live subscriber reads along. Every event
 * must reach it once, in the order of the store. Throws when one is missed or duplicated.
 */
export const gapFigures = async (
  pool: Pool,
  total: number,
  progress: (line: string) => void,
): Promise<{ figure: Figure; verdict: GapVerdict }> => {
  const store = createPostgresEventStore({ pool, schema: SCHEMA });
  await store.headPosition(); // creates the schema and its function
  const subscription = store.subscribeToAll({ filter: { streamPrefix: 'gap-' } });
  const seen = new Set<string>();
  let duplicated = 0;
  let outOfOrder = 0;
  let last: { commit: bigint; prepare: bigint } | undefined;
  const reading = (async () => {
    for await (const recorded of subscription) {
      if (seen.has(recorded.eventId)) {
        duplicated += 1;
      }
      seen.add(recorded.eventId);
      const { commit, prepare } = recorded.position;
      if (last && (commit < last.commit || (commit === last.commit && prepare <= last.prepare))) {
        outOfOrder += 1;
      }
      last = recorded.position;
      if (seen.size + duplicated >= total) {
        return;
      }
    }
  })();
  const appends = Math.ceil(total / EVENTS_PER_APPEND);
  let next = 0;
  const started = performance.now();
  const writer = async (index: number) => {
    const client = await pool.connect();
    try {
      for (let append = next++; append < appends; append = next++) {
        const events = Array.from({ length: EVENTS_PER_APPEND }, (_, event) => noteEvent(event));
        await client.query('BEGIN');
        await client.query(`SELECT 1 FROM ${SCHEMA}.append_events($1, 'any', $2, $3, $4, $5)`, [
          `gap-${index}-${append % 50}`,
          events.map((event) => event.eventId),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
        ]);
        await client.query('SELECT pg_sleep($1)', [(Math.random() * MAX_COMMIT_DELAY_MS) / 1000]);
        await client.query('COMMIT');
        // As the store's own append does after committing: wake the subscriber.
        await client.query(`SELECT pg_notify('${SCHEMA}_appended', '')`);
        if (append % 1_000 === 0) {
          progress(`gap safety: ${append * EVENTS_PER_APPEND} of ${total} events written, ${seen.size} seen`);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
  const deadline = Date.now() + 120_000;
  await Promise.race([
    reading,
    new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (Date.now() > deadline) {
          clearInterval(check);
          resolve();
        }
      }, 1_000).unref();
    }),
  ]);
  await subscription.close();
  const seconds = (performance.now() - started) / 1000;
  await pool.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  const verdict = { missed: appends * EVENTS_PER_APPEND - seen.size, duplicated, outOfOrder };
  if (verdict.missed !== 0 || verdict.duplicated !== 0 || verdict.outOfOrder !== 0) {
    throw new Error(`gap safety broken: ${JSON.stringify(verdict)}`);
  }
  const perSecond = seen.size / seconds;
  progress(`gap safety: ${seen.size} events from ${WRITERS} writers seen live, 0 missed, 0 twice, 0 out of order`);
  return {
    verdict,
    figure: {
      name: `gap-free: ${WRITERS} writers, 0 missed/twice`,
      unit: 'events/s',
      measured: { units: seen.size, seconds, perSecond, p50Ms: 0, p99Ms: 0 },
    },
  };
};
