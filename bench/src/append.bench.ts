import { createPostgresEventStore } from '@sot/event-store';
import type { NewEvent } from '@sot/event-store';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { emmettFigures } from './emmett.bench';
import { measure } from './measure';
import { WRITERS, noteEvent } from './workload';
import type { Figure } from './report';

export const R1 = 'R1: single-row INSERT, 8 connections';
export const RM = 'Rm: 100-row INSERT, 8 connections';

/** R1 and Rm: plain INSERTs of the same row shape the store writes, with no store logic at all. */
export const insertBaselines = async (pool: Pool, seconds: number) => {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_rows (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, stream_revision bigint NOT NULL,
    event_id uuid NOT NULL UNIQUE, event_type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now())`);
  const row = (event: NewEvent, stream: string, revision: number) => [
    stream,
    revision,
    event.eventId,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
  ];
  const single = await measure(WRITERS, seconds, async (worker, iteration) => {
    await pool.query(
      'INSERT INTO bench_rows (stream_id, stream_revision, event_id, event_type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)',
      row(noteEvent(iteration), `r1-${worker}`, iteration),
    );
    return 1;
  });
  const multi = await measure(WRITERS, seconds, async (worker, iteration) => {
    const values = Array.from({ length: 100 }, (_, index) =>
      row(noteEvent(index), `rm-${worker}`, iteration * 100 + index),
    );
    const placeholders = values.map(
      (_, index) =>
        `($${index * 6 + 1},$${index * 6 + 2},$${index * 6 + 3},$${index * 6 + 4},$${index * 6 + 5},$${index * 6 + 6})`,
    );
    await pool.query(
      `INSERT INTO bench_rows (stream_id, stream_revision, event_id, event_type, data, metadata) VALUES ${placeholders.join(',')}`,
      values.flat(),
    );
    return 100;
  });
  await pool.query('DROP TABLE bench_rows');
  return { single, multi };
};

/** The event store's appends: one event, then 100 at a time, 8 writers each on its own stream. */
export const appendFigures = async (
  pool: Pool,
  connectionString: string,
  seconds: number,
  progress: (line: string) => void,
): Promise<Figure[]> => {
  progress('baselines: single-row and 100-row INSERTs, 8 connections');
  const { single, multi } = await insertBaselines(pool, seconds);
  const store = createPostgresEventStore({ pool, schema: 'bench_store' });
  const revisions = Array.from({ length: WRITERS }, () => -1);
  const run = randomUUID().slice(0, 8);
  const append = (size: number) => async (worker: number) => {
    const stream = `case-bench-${run}-${size}-${worker}`;
    const events = Array.from({ length: size }, (_, index) => noteEvent(index));
    const expected = revisions[worker]! < 0 ? 'no_stream' : revisions[worker]!;
    const result = await store.append(stream, events, expected);
    revisions[worker] = result.nextExpectedRevision;
    return size;
  };
  progress('event store: single-event appends, 8 writers');
  const ours1 = await measure(WRITERS, seconds, append(1));
  revisions.fill(-1);
  progress('event store: 100-event appends, 8 writers');
  const ours100 = await measure(WRITERS, seconds, append(100));
  await store.close();
  progress('peer: emmett-postgresql, single-event then 100-event appends, 8 writers');
  const peer = await emmettFigures(connectionString, seconds);
  const PEER1 = 'emmett-postgresql: append 1 event';
  const PEER100 = 'emmett-postgresql: append 100 events';
  return [
    { name: R1, unit: 'rows/s', measured: single },
    { name: RM, unit: 'rows/s', measured: multi },
    {
      name: 'append 1 event, 8 writers',
      unit: 'events/s',
      measured: ours1,
      baseline: R1,
      target: 0.5,
    },
    {
      name: 'append 100 events, 8 writers',
      unit: 'events/s',
      measured: ours100,
      baseline: RM,
      target: 0.8,
    },
    { name: PEER1, unit: 'events/s', measured: peer.single, baseline: R1 },
    { name: PEER100, unit: 'events/s', measured: peer.multi, baseline: RM },
    { name: 'append 1 event, against the peer', unit: 'events/s', measured: ours1, baseline: PEER1, target: 1.3 },
    {
      name: 'append 100 events, against the peer',
      unit: 'events/s',
      measured: ours100,
      baseline: PEER100,
      target: 1.1,
    },
  ];
};
