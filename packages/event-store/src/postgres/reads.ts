import type { Pool } from 'pg';
import type { Position, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../types';
import { EVENT_COLUMNS, positionOf, toRecordedEvent } from './rows';
import type { EventRow } from './rows';

const PAGE = 500;

/**
 * The gap guard: only events of transactions older than every transaction still in progress are
 * readable. Without it a reader could pass an event whose transaction has not committed yet.
 */
export const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export const readAllPage = async (
  pool: Pool,
  table: string,
  after: Position | undefined,
  limit: number,
  filter: ReadAllOptions['filter'],
): Promise<RecordedEvent[]> => {
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${table}
      WHERE ${VISIBLE}
        AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
        AND ($3::text IS NULL OR starts_with(stream_id, $3))
        AND ($4::text[] IS NULL OR event_type = ANY($4::text[]))
      ORDER BY transaction_id, global_position
      LIMIT $5`,
    [
      (after?.commit ?? 0n).toString(),
      (after?.prepare ?? 0n).toString(),
      filter?.streamPrefix ?? null,
      filter?.eventTypes ? [...filter.eventTypes] : null,
      limit,
    ],
  );
  return rows.map(toRecordedEvent);
};

export async function* readAll(pool: Pool, table: string, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
  let after = options.after;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const page = await readAllPage(pool, table, after, Math.min(PAGE, remaining), options.filter);
    for (const event of page) {
      yield event;
    }
    if (page.length < Math.min(PAGE, remaining)) {
      return;
    }
    remaining -= page.length;
    after = page[page.length - 1]!.position;
  }
}

export async function* readStream(
  pool: Pool,
  table: string,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  let next = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  while (remaining > 0 && next >= 0) {
    const limit = Math.min(PAGE, remaining);
    const { rows } = await pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${table}
        WHERE stream_id = $1 AND stream_revision ${backwards ? '<=' : '>='} $2
        ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, next, limit],
    );
    for (const row of rows) {
      yield toRecordedEvent(row);
    }
    if (rows.length < limit) {
      return;
    }
    remaining -= rows.length;
    const last = Number(rows[rows.length - 1]!.stream_revision);
    next = backwards ? last - 1 : last + 1;
  }
}

export const headPosition = async (pool: Pool, table: string): Promise<Position | undefined> => {
  const { rows } = await pool.query<Pick<EventRow, 'commit_position' | 'global_position'>>(
    `SELECT transaction_id::text AS commit_position, global_position FROM ${table}
      WHERE ${VISIBLE} ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return rows[0] === undefined ? undefined : positionOf(rows[0]);
};
