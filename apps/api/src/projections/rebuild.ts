import { comparePositions } from '@sot/event-store';
import type { EventStore } from '@sot/event-store';
import { quoteIdentifier } from '@sot/postgres';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { PatientDataVault } from '../patient-data';
import { createKysely } from '../platform';
import { caseReadModelProjection } from './case-read-model/case-read-model.projection';
import { readCheckpoints } from './runner/checkpoints';
import type { Projection } from './runner/projection';
import { ProjectionRunner } from './runner/projection-runner';
import { ensureReadModelSchema } from './schema/read-model-schema';
import type { ReadModelTables } from './schema/read-model.tables';
import { timelineProjection } from './timeline/timeline.projection';

/** The projections whose tables a rebuild replaces; the saga's effects are events, never replayed. */
const REBUILT = [caseReadModelProjection, timelineProjection];

/**
 * One runner applies them all, in one transaction per batch: the store is read, opened and parsed
 * once for every projection. Its checkpoint becomes each projection's at the swap.
 */
const REBUILD = 'rebuild';
const together: Projection = {
  name: REBUILD,
  apply: async (trx, events, context) => {
    for (const projection of REBUILT) {
      await projection.apply(trx, events, context);
    }
  },
};
const SWAP_RETRY_MS = 50;

export type RebuildOptions = {
  readonly store: EventStore;
  readonly vault: PatientDataVault;
  readonly pool: Pool;
  readonly logger: Logger;
  /** The schema queries read now: replaced by the rebuilt one. */
  readonly liveSchema: string;
  readonly batchSize: number;
  /** Events replayed so far, and about how many there are (the live timeline's size). */
  readonly progress: (done: number, total: number) => void;
  /** Keep the replaced tables (renamed) instead of dropping them: to compare, or to go back. */
  readonly keepReplaced?: boolean;
};

export type RebuildResult = { readonly events: number; readonly seconds: number; readonly replacedBy: string };

const countTimeline = async (pool: Pool, schema: string): Promise<number> => {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdentifier(schema)}.timeline`);
  return Number(rows[0]?.n ?? 0);
};

/**
 * Swaps the rebuilt schema in, once it has reached the live one: the live checkpoints are locked
 * for the moment of the swap, so no live batch commits in between and nothing applied to the old
 * tables is missing from the new ones. The saga's checkpoint carries over. Answers whether it swapped.
 */
const swapWhenCaughtUp = async (pool: Pool, live: string, next: string, replaced: string): Promise<boolean> => {
  const [l, n, r] = [live, next, replaced].map(quoteIdentifier);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${l}.checkpoints IN EXCLUSIVE MODE`);
    const { rows } = await client.query<{ behind: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM ${n}.checkpoints WHERE projection = $2) OR EXISTS (
         SELECT 1 FROM ${l}.checkpoints AS old, ${n}.checkpoints AS new
          WHERE old.projection = ANY($1) AND new.projection = $2
            AND (new.commit_position, new.prepare_position) < (old.commit_position, old.prepare_position)
       ) AS behind`,
      [REBUILT.map((projection) => projection.name), REBUILD],
    );
    if (rows[0]?.behind !== false) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(
      `INSERT INTO ${n}.checkpoints (projection, commit_position, prepare_position, updated_at)
         SELECT name, commit_position, prepare_position, now() FROM ${n}.checkpoints, unnest($1::text[]) AS name
          WHERE projection = $2`,
      [REBUILT.map((projection) => projection.name), REBUILD],
    );
    await client.query(`DELETE FROM ${n}.checkpoints WHERE projection = $1`, [REBUILD]);
    await client.query(
      `INSERT INTO ${n}.checkpoints SELECT * FROM ${l}.checkpoints ON CONFLICT (projection) DO NOTHING`,
    );
    await client.query(`ALTER SCHEMA ${l} RENAME TO ${r}`);
    await client.query(`ALTER SCHEMA ${n} RENAME TO ${l}`);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/**
 * Replays the whole store into new read-model tables beside the live ones, then swaps them in at
 * once. Queries keep being answered from the live tables all along; live subscribers hear nothing
 * of the replay; the api's own projections take over from the new tables' checkpoints.
 */
export const rebuildReadModels = async (options: RebuildOptions): Promise<RebuildResult> => {
  const { pool, liveSchema, logger } = options;
  const next = `${liveSchema}_rebuild`;
  const replaced = `${liveSchema}_replaced_${Date.now()}`;
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(next)} CASCADE`);
  await ensureReadModelSchema(createKysely(pool), next);
  const total = await countTimeline(pool, liveSchema);
  const db = createKysely<ReadModelTables>(pool).withSchema(next);
  let done = 0;
  const runner = new ProjectionRunner({
    projection: together,
    store: options.store,
    vault: options.vault,
    pool,
    db,
    schema: next,
    batchSize: options.batchSize,
    logger,
    announce: false,
    onApplied: (_name, _checkpoint, events) => {
      done += events;
      options.progress(done, Math.max(total, done));
    },
  });
  const started = performance.now();
  runner.start();
  try {
    for (;;) {
      const head = await options.store.headPosition();
      const checkpoint = (await readCheckpoints(db, [REBUILD])).get(REBUILD);
      const reached = head === undefined || (checkpoint !== undefined && comparePositions(checkpoint, head) >= 0);
      if (reached && (await swapWhenCaughtUp(pool, liveSchema, next, replaced))) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, SWAP_RETRY_MS));
    }
  } finally {
    await runner.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  if (!options.keepReplaced) {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(replaced)} CASCADE`);
  }
  logger.info({ events: done, seconds: Math.round(seconds * 10) / 10 }, 'read models rebuilt and swapped in');
  return { events: done, seconds, replacedBy: replaced };
};
