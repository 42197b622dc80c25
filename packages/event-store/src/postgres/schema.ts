import { quoteIdentifier } from '@sot/postgres';

/**
 * One table holds every event. `transaction_id` is the writing transaction's id: readers see only
 * events whose transaction is older than every transaction still running, so the global order,
 * (transaction_id, global_position), never gains an event behind a reader's back.
 */
export const eventStoreSchema = (schema: string): string => {
  const s = quoteIdentifier(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text        NOT NULL,
  stream_revision bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  event_type      text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision),
  CONSTRAINT events_event_id_key UNIQUE (event_id)
);
CREATE INDEX IF NOT EXISTS events_global_order_idx ON ${s}.events (transaction_id, global_position);
CREATE INDEX IF NOT EXISTS events_type_idx ON ${s}.events (event_type, transaction_id, global_position);
`;
};
