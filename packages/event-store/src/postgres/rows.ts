import type { EventMetadata, JsonObject, Position, RecordedEvent } from '../types';

export type EventRow = {
  global_position: string;
  commit_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: Date;
};

export const EVENT_COLUMNS =
  'global_position, transaction_id::text AS commit_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at';

export const positionOf = (row: Pick<EventRow, 'commit_position' | 'global_position'>): Position => ({
  commit: BigInt(row.commit_position),
  prepare: BigInt(row.global_position),
});

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  type: row.event_type,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  streamRevision: Number(row.stream_revision),
  position: positionOf(row),
  recordedAt: row.recorded_at,
});
