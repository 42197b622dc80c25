import type { Client } from 'pg';
import pino from 'pino';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/platform';
import { READ_MODEL_SCHEMA } from '../../src/projections';
import type { Harness } from '../app-harness';

/** Every read-model row of the given cases (or all), in a stable order, from one schema. */
const readModels = async (database: Client, schema: string, caseIds?: readonly string[]) => {
  const where = caseIds ? 'WHERE case_id = ANY($1::uuid[])' : '';
  const read = async (sql: string): Promise<unknown[]> =>
    (await database.query<Record<string, unknown>>(sql.replaceAll('$schema', schema), caseIds ? [caseIds] : [])).rows;
  return {
    details: await read(`SELECT case_id, version, details FROM $schema.case_details ${where} ORDER BY case_id`),
    notes: await read(`SELECT * FROM $schema.case_notes ${where} ORDER BY case_id, stream_revision`),
    summaries: await read(`SELECT * FROM $schema.case_summaries ${where} ORDER BY case_id`),
    timeline: await read(
      `SELECT case_id, stream_revision, event_type, actor_id, summary, text FROM $schema.timeline ${where} ORDER BY case_id, stream_revision`,
    ),
    ...(caseIds
      ? {}
      : {
          // The totals the projection keeps (of cases, and of each view it keeps), and what the rows say they should be.
          counts: await read(
            `SELECT case_manager_id, status, cases::int, with_open_conflicts::int, waiting_on_records::int,
                    waiting_on_opinions::int
               FROM $schema.caseload_counts
              WHERE cases <> 0 OR with_open_conflicts <> 0 OR waiting_on_records <> 0 OR waiting_on_opinions <> 0
              ORDER BY 1, 2`,
          ),
          counted: await read(
            `SELECT coalesce(case_manager_id, '') AS case_manager_id, status, count(*)::int AS cases,
                    (count(*) FILTER (WHERE open_conflicts > 0))::int AS with_open_conflicts,
                    (count(*) FILTER (WHERE outstanding_records > 0))::int AS waiting_on_records,
                    (count(*) FILTER (WHERE pending_opinions > 0))::int AS waiting_on_opinions
               FROM $schema.case_summaries GROUP BY 1, 2 ORDER BY 1, 2`,
          ),
        }),
  };
};

/**
 * Every event is on the timeline, and the case read model stands where the timeline does: both
 * projections have reached the store's head (either may start later than the other).
 */
const caughtUp = async (database: Client, schema: string): Promise<boolean> => {
  const { rows } = await database.query<{ behind: boolean }>(
    `SELECT (SELECT count(*) FROM event_store.events) <> (SELECT count(*) FROM ${schema}.timeline)
         OR (SELECT count(*) FROM ${schema}.checkpoints WHERE projection IN ('case-read-model', 'timeline')) <> 2
         OR (SELECT count(DISTINCT (commit_position, prepare_position)) FROM ${schema}.checkpoints
              WHERE projection IN ('case-read-model', 'timeline')) <> 1 AS behind`,
  );
  return rows[0]?.behind === false;
};

/**
 * The read models as they are, and as a second api instance builds them afresh from the events
 * into schema `rebuiltSchema` (started on the harness's database and keys, stopped afterwards).
 */
export const liveAndRebuilt = async (
  harness: Harness,
  database: Client,
  rebuiltSchema: string,
  caseIds?: readonly string[],
) => {
  const rebuilt = await createApp(loadConfig({ ...harness.env, PORT: '0' }), pino({ level: 'silent' }), rebuiltSchema);
  await rebuilt.init();
  try {
    const deadline = Date.now() + 60_000;
    while (!(await caughtUp(database, rebuiltSchema)) || !(await caughtUp(database, READ_MODEL_SCHEMA))) {
      if (Date.now() > deadline) {
        throw new Error('the read models did not catch up within 60 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      live: await readModels(database, READ_MODEL_SCHEMA, caseIds),
      rebuilt: await readModels(database, rebuiltSchema, caseIds),
    };
  } finally {
    await rebuilt.close();
  }
};
