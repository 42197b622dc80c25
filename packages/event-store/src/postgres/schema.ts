import { quoteIdentifier } from '@sot/postgres';

/** SQLSTATEs the append function raises; the adapter turns them into the port's errors. */
export const WRONG_EXPECTED_VERSION = 'SOT01';
export const DUPLICATE_EVENT_ID = 'SOT02';
/** First key of the two-key advisory locks appends take; other features use other namespaces. */
export const STREAM_LOCK_NAMESPACE = 7_301;
/** Instances starting together create the schema one after another (concurrent DDL collides). */
const SCHEMA_LOCK = [7_302, 1] as const;

/**
 * An append in one statement (one round trip, its own transaction): writers to one stream queue on
 * an advisory lock, the expected revision is checked and the events inserted. A retried append (the
 * same event ids, same stream, consecutive) answers as the first did: it is looked for only when
 * the expected revision does not hold (as a retry's no longer does), so a first append costs no
 * look-up of its ids. No NOTIFY here: one inside
 * the transaction serialises every commit on PostgreSQL's notification queue (see announcer.ts).
 */
const appendFunction = (s: string) => `
DROP FUNCTION IF EXISTS ${s}.append_events(text, text, uuid[], text[], text[], text[], text);
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data text[], p_meta text[]
) RETURNS TABLE (r_revision bigint, r_commit text, r_global bigint, r_already boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_found int;
  v_first bigint;
  v_last bigint;
  v_same boolean;
  v_actual bigint;
  v_matches boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(${STREAM_LOCK_NAMESPACE}, hashtext(p_stream));
  SELECT e.stream_revision INTO v_actual FROM ${s}.events e
    WHERE e.stream_id = p_stream ORDER BY e.stream_revision DESC LIMIT 1;
  v_matches := coalesce((p_expected = 'no_stream' AND v_actual IS NULL)
    OR (p_expected ~ '^[0-9]+$' AND v_actual = p_expected::bigint), false);
  -- A retried append no longer finds the revision it expected (or expected none in particular):
  -- only then are its ids looked for. An id used elsewhere fails the insert (a unique key).
  IF NOT v_matches THEN
    SELECT count(*), min(e.stream_revision), max(e.stream_revision), coalesce(bool_and(e.stream_id = p_stream), false)
      INTO v_found, v_first, v_last, v_same
      FROM ${s}.events e WHERE e.event_id = ANY (p_ids);
    IF v_found > 0 THEN
      IF v_found <> cardinality(p_ids) OR NOT v_same OR v_last - v_first <> v_found - 1 THEN
        RAISE EXCEPTION USING ERRCODE = '${DUPLICATE_EVENT_ID}',
          MESSAGE = 'Some of these event ids were already appended differently (stream ' || p_stream || ')';
      END IF;
      RETURN QUERY SELECT e.stream_revision, e.transaction_id::text, e.global_position, true
        FROM ${s}.events e WHERE e.stream_id = p_stream AND e.stream_revision = v_last;
      RETURN;
    END IF;
    IF NOT (p_expected = 'any' OR (p_expected = 'stream_exists' AND v_actual IS NOT NULL)) THEN
      RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_VERSION}',
        MESSAGE = 'wrong expected version', DETAIL = coalesce(v_actual::text, 'no_stream');
    END IF;
  END IF;
  RETURN QUERY INSERT INTO ${s}.events AS ev (stream_id, stream_revision, event_id, event_type, data, metadata)
    SELECT p_stream, coalesce(v_actual, -1) + x.ord, x.id, x.type, x.data::jsonb, x.meta::jsonb
      FROM unnest(p_ids, p_types, p_data, p_meta) WITH ORDINALITY AS x(id, type, data, meta, ord)
    RETURNING ev.stream_revision, ev.transaction_id::text, ev.global_position, false;
END
$fn$;
`;

/**
 * One table holds every event. `transaction_id` is the writing transaction's id: readers see only
 * events whose transaction is older than every transaction still running, so the global order,
 * (transaction_id, global_position), never gains an event behind a reader's back.
 */
export const eventStoreSchema = (schema: string): string => {
  const s = quoteIdentifier(schema);
  // One script, one implicit transaction: the lock is held until it ends.
  return `
SELECT pg_advisory_xact_lock(${SCHEMA_LOCK[0]}, ${SCHEMA_LOCK[1]});
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
-- Reads filter by type inside the global-order scan; an index of its own cost every append and served no query.
DROP INDEX IF EXISTS ${s}.events_type_idx;
${appendFunction(s)}`;
};
