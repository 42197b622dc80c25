import type { Pool } from 'pg';
import { EventStoreError, WrongExpectedVersionError } from '../types';
export { validateAppend } from '../validate-append';
import type { AppendResult, ExpectedRevision, NewEvent } from '../types';
import { isUniqueViolation } from './errors';
import { positionOf } from './rows';
import { DUPLICATE_EVENT_ID, WRONG_EXPECTED_VERSION } from './schema';

type Row = { r_revision: string; r_commit: string; r_global: string; r_already: boolean };

const currentRevision = async (pool: Pool, table: string, streamId: string): Promise<number | 'no_stream'> => {
  const { rows } = await pool.query<{ stream_revision: string }>(
    `SELECT stream_revision FROM ${table} WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1`,
    [streamId],
  );
  return rows[0] === undefined ? 'no_stream' : Number(rows[0].stream_revision);
};

const fieldOf = (error: unknown, field: 'code' | 'detail' | 'message'): string | undefined =>
  typeof error === 'object' && error !== null && field in error
    ? String((error as Record<string, unknown>)[field])
    : undefined;

/** What the append function (or, in a race it cannot see, a unique index) refused, as the port's error. */
const refusal = async (
  error: unknown,
  pool: Pool,
  table: string,
  streamId: string,
  expected: ExpectedRevision,
): Promise<unknown> => {
  const code = fieldOf(error, 'code');
  if (code === WRONG_EXPECTED_VERSION) {
    const actual = fieldOf(error, 'detail');
    return new WrongExpectedVersionError(
      streamId,
      expected,
      actual === 'no_stream' || actual === undefined ? 'no_stream' : Number(actual),
    );
  }
  if (code === DUPLICATE_EVENT_ID || isUniqueViolation(error, 'events_event_id_key')) {
    return new EventStoreError(
      'DUPLICATE_EVENT_ID',
      fieldOf(error, 'message') ?? `Some of these event ids were already appended differently (stream ${streamId})`,
    );
  }
  if (isUniqueViolation(error, 'events_stream_revision_key')) {
    return new WrongExpectedVersionError(streamId, expected, await currentRevision(pool, table, streamId));
  }
  return error;
};

/**
 * One append, one round trip: the `append_events` function (see schema.ts) locks the stream,
 * recognises a retry, checks the expected revision and inserts, in its own transaction.
 */
export const appendEvents = async (
  pool: Pool,
  schema: { table: string; appendFunction: string },
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> => {
  try {
    const { rows } = await pool.query<Row>(
      `SELECT r_revision, r_commit, r_global, r_already FROM ${schema.appendFunction}($1, $2, $3, $4, $5, $6)`,
      [
        streamId,
        String(expected),
        events.map((event) => event.eventId),
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => JSON.stringify(event.metadata)),
      ],
    );
    const last = rows.reduce((a, b) => (Number(b.r_revision) > Number(a.r_revision) ? b : a), rows[0]!);
    return {
      nextExpectedRevision: Number(last.r_revision),
      position: positionOf({ commit_position: last.r_commit, global_position: last.r_global }),
      ...(last.r_already ? { alreadyAppended: true } : {}),
    };
  } catch (error) {
    throw await refusal(error, pool, schema.table, streamId, expected);
  }
};
