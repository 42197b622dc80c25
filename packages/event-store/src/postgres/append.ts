import type { PoolClient } from 'pg';
import { EventStoreError, WrongExpectedVersionError } from '../types';
export { validateAppend } from '../validate-append';
import type { AppendResult, ExpectedRevision, NewEvent } from '../types';
import { isUniqueViolation } from './errors';
import { positionOf } from './rows';

/** First key of the two-key advisory locks appends take; other features use other namespaces. */
export const STREAM_LOCK_NAMESPACE = 7_301;

type Row = { stream_id: string; stream_revision: string; commit_position: string; global_position: string };

/**
 * The same event ids already stored, in the same stream and order, mean a retried append:
 * answer as the first time did and write nothing. Some of them stored elsewhere is an error.
 */
const previousAppend = async (
  client: PoolClient,
  table: string,
  streamId: string,
  events: readonly NewEvent[],
): Promise<AppendResult | undefined> => {
  const { rows } = await client.query<Row>(
    `SELECT stream_id, stream_revision, transaction_id::text AS commit_position, global_position
       FROM ${table} WHERE event_id = ANY($1::uuid[]) ORDER BY stream_revision`,
    [events.map((event) => event.eventId)],
  );
  if (rows.length === 0) {
    return undefined;
  }
  const sameAppend =
    rows.length === events.length &&
    rows.every(
      (row, index) =>
        row.stream_id === streamId && Number(row.stream_revision) === Number(rows[0]!.stream_revision) + index,
    );
  if (!sameAppend) {
    throw new EventStoreError(
      'DUPLICATE_EVENT_ID',
      `Some of these event ids were already appended differently (stream ${streamId})`,
    );
  }
  const last = rows[rows.length - 1]!;
  return { nextExpectedRevision: Number(last.stream_revision), position: positionOf(last), alreadyAppended: true };
};

const currentRevision = async (client: PoolClient, table: string, streamId: string): Promise<number | 'no_stream'> => {
  const { rows } = await client.query<{ stream_revision: string }>(
    `SELECT stream_revision FROM ${table} WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1`,
    [streamId],
  );
  return rows[0] === undefined ? 'no_stream' : Number(rows[0].stream_revision);
};

const matches = (expected: ExpectedRevision, actual: number | 'no_stream'): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
};

/** One attempt, inside the caller's transaction. */
export const appendInTransaction = async (
  client: PoolClient,
  table: string,
  notifyChannel: string,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> => {
  // Writers to one stream queue here, so the revision check and the insert cannot interleave.
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [STREAM_LOCK_NAMESPACE, streamId]);
  const retried = await previousAppend(client, table, streamId, events);
  if (retried) {
    return retried;
  }
  const actual = await currentRevision(client, table, streamId);
  if (!matches(expected, actual)) {
    throw new WrongExpectedVersionError(streamId, expected, actual);
  }
  const start = actual === 'no_stream' ? 0 : actual + 1;
  const { rows } = await client.query<Row>(
    `INSERT INTO ${table} (stream_id, stream_revision, event_id, event_type, data, metadata)
     SELECT $1, $2::bigint + e.ord - 1, e.id, e.type, e.data::jsonb, e.meta::jsonb
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS e(id, type, data, meta, ord)
     RETURNING stream_id, stream_revision, transaction_id::text AS commit_position, global_position`,
    [
      streamId,
      start,
      events.map((event) => event.eventId),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
    ],
  );
  await client.query('SELECT pg_notify($1, $2)', [notifyChannel, streamId.slice(0, 200)]);
  const last = rows.reduce((a, b) => (Number(b.stream_revision) > Number(a.stream_revision) ? b : a), rows[0]!);
  return { nextExpectedRevision: Number(last.stream_revision), position: positionOf(last) };
};

/** A concurrent writer took the revisions first: report it as the port's error. */
export const concurrentWriterError = async (
  error: unknown,
  readActual: () => Promise<number | 'no_stream'>,
  streamId: string,
  expected: ExpectedRevision,
): Promise<unknown> =>
  isUniqueViolation(error, 'events_stream_revision_key')
    ? new WrongExpectedVersionError(streamId, expected, await readActual())
    : error;

export { currentRevision };
