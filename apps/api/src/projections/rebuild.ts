import { comparePositions } from '@sot/event-store';
import type { EventStore, Position } from '@sot/event-store';
import { quoteIdentifier } from '@sot/postgres';
import type { Kysely } from 'kysely';
import { DatabaseError } from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { PatientDataVault } from '../patient-data';
import { createKysely } from '../platform';
import { caseReadModelProjection } from './case-read-model/case-read-model.projection';
import { readCheckpoints } from './runner/checkpoints';
import type { Projection } from './runner/projection';
import { ProjectionRunner } from './runner/projection-runner';
import { PROJECTION_TABLES, ensureReadModelSchema, vacuumProjectionTables } from './schema/read-model-schema';
import type { ReadModelTables } from './schema/read-model.tables';
import { timelineProjection } from './timeline/timeline.projection';

/** The projections whose tables a rebuild replaces; the saga's effects are events, never replayed. */
const REBUILT = [caseReadModelProjection, timelineProjection];
export const REBUILDABLE: readonly string[] = REBUILT.map((projection) => projection.name);

/**
 * One runner applies them all per batch: the store is read, opened and parsed once for every
 * projection. Its checkpoint becomes each projection's at the swap. The timeline is written on a
 * connection of its own, committed before the batch's own transaction, while the case read model
 * is folded and written: the database works on both at once. Its writes are idempotent (a row per
 * event, erased texts stay erased), so a batch that fails after it is simply written again.
 */
const REBUILD = 'rebuild';
const together = (db: Kysely<ReadModelTables>): Projection => ({
  name: REBUILD,
  apply: async (trx, events, context) => {
    const timeline = db.transaction().execute((own) => timelineProjection.apply(own, events, context));
    // Awaited however the other fails: nothing of the batch may still be writing once it is retried.
    const [caseModel, timelineWritten] = await Promise.allSettled([
      caseReadModelProjection.apply(trx, events, context),
      timeline,
    ]);
    for (const outcome of [caseModel, timelineWritten]) {
      if (outcome.status === 'rejected') {
        throw outcome.reason;
      }
    }
  },
});
const POLL_MS = 10;
const SWAP_RETRY_MS = 50;
/** How long the swap holds the live projections still while the replay takes their last events. */
const SWAP_CATCH_UP_MS = 2_000;
/** How long the swap waits for one lock before giving way (PostgreSQL's deadlock_timeout is 1 s). */
const SWAP_LOCK_TIMEOUT_MS = 300;
/** First key of the advisory lock that lets one rebuild run at a time (they share the new schema's name). */
const REBUILD_LOCK_NAMESPACE = 7_301;

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
  /** Rebuild this projection's tables alone (one of REBUILDABLE); all of them when absent. */
  readonly projection?: string;
  /** Stops the replay before its swap (SIGINT, SIGTERM): its tables are dropped, the live ones stay. */
  readonly signal?: AbortSignal;
};

export type RebuildResult = { readonly events: number; readonly seconds: number; readonly replacedBy: string };

/** Interrupted before its swap: the live read models are as they were, the replay's tables dropped. */
export class RebuildInterruptedError extends Error {
  override readonly name = 'RebuildInterruptedError';
}

/** Another rebuild of the same read models holds the lock: this one changed nothing. */
export class RebuildRunningError extends Error {
  override readonly name = 'RebuildRunningError';
}

type Swap = {
  readonly pool: Pool;
  readonly live: string;
  readonly next: string;
  readonly replaced: string;
  /** The projection rebuilt alone, or undefined for all of them (their whole schema is swapped). */
  readonly one: Projection | undefined;
  /** The names of the projections rebuilt. */
  readonly names: readonly string[];
  readonly runner: ProjectionRunner;
  readonly db: Kysely<ReadModelTables>;
  readonly logger: Logger;
};

const countTimeline = async (pool: Pool, schema: string): Promise<number> => {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdentifier(schema)}.timeline`);
  return Number(rows[0]?.n ?? 0);
};

const rebuiltCheckpoint = async (swap: Swap): Promise<Position | undefined> => {
  const name = swap.one?.name ?? REBUILD;
  return (await readCheckpoints(swap.db, [name])).get(name);
};

/** Waits until the replay has reached `target`; false if it has not within SWAP_CATCH_UP_MS. */
const replayReaches = async (swap: Swap, target: Position | undefined): Promise<boolean> => {
  const deadline = Date.now() + SWAP_CATCH_UP_MS;
  while (target !== undefined) {
    const at = await rebuiltCheckpoint(swap);
    if (at !== undefined && comparePositions(at, target) >= 0) {
      return true;
    }
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
};

/** The DDL of the swap itself, in the transaction that holds the live projections still. */
const moveTablesIn = async (client: PoolClient, swap: Swap): Promise<void> => {
  const [l, n, r] = [swap.live, swap.next, swap.replaced].map(quoteIdentifier);
  if (swap.one) {
    const { name } = swap.one;
    await client.query(`CREATE SCHEMA ${r}`);
    await client.query(`CREATE TABLE ${r}.checkpoints AS SELECT * FROM ${l}.checkpoints WHERE projection = $1`, [name]);
    for (const table of PROJECTION_TABLES[name]!.tables.map(quoteIdentifier)) {
      await client.query(`ALTER TABLE ${l}.${table} SET SCHEMA ${r}`);
      await client.query(`ALTER TABLE ${n}.${table} SET SCHEMA ${l}`);
    }
    await client.query(
      `INSERT INTO ${l}.checkpoints SELECT * FROM ${n}.checkpoints WHERE projection = $1
         ON CONFLICT (projection) DO UPDATE SET commit_position = excluded.commit_position,
           prepare_position = excluded.prepare_position, updated_at = excluded.updated_at`,
      [name],
    );
    await client.query(`DROP SCHEMA ${n} CASCADE`);
    return;
  }
  // Every rebuilt projection starts from the replay's checkpoint; the saga's carries over.
  await client.query(
    `INSERT INTO ${n}.checkpoints (projection, commit_position, prepare_position, updated_at)
       SELECT name, commit_position, prepare_position, now() FROM ${n}.checkpoints, unnest($1::text[]) AS name
        WHERE projection = $2`,
    [REBUILDABLE, REBUILD],
  );
  await client.query(`DELETE FROM ${n}.checkpoints WHERE projection = $1`, [REBUILD]);
  await client.query(`INSERT INTO ${n}.checkpoints SELECT * FROM ${l}.checkpoints ON CONFLICT (projection) DO NOTHING`);
  await client.query(`ALTER SCHEMA ${l} RENAME TO ${r}`);
  await client.query(`ALTER SCHEMA ${n} RENAME TO ${l}`);
};

/** Lock waits the swap gives up on (and tries again): PostgreSQL's lock_not_available and deadlock_detected. */
const LOCK_GAVE_WAY = new Set(['55P03', '40P01']);

/**
 * Swaps the rebuilt tables in. The live checkpoints are locked first (EXCLUSIVE): every runner's
 * batch begins by locking its checkpoint row (lockCheckpoint), so the swap waits for the batches
 * in flight to commit, and the next ones wait at their first statement, before they read anything:
 * the live projections stand still while queries go on. The replay then takes the events up to
 * where the live ones stand and stops, and the tables move in the same transaction: `--all`
 * renames the schemas; one projection's tables are taken from their readers (ACCESS EXCLUSIVE)
 * only now, for the DDL. A runner held at its checkpoint afterwards finds it equal to the replay's
 * and goes on in the new tables, or moved, and follows from it.
 *
 * The swap waits no longer than SWAP_LOCK_TIMEOUT_MS for any lock, well under PostgreSQL's
 * deadlock_timeout: if a query holds what it needs, it is the swap that gives way, never the
 * query, and it is tried again. Answers whether it swapped.
 */
const swapIn = async (swap: Swap): Promise<boolean> => {
  const l = quoteIdentifier(swap.live);
  const client = await swap.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT_MS}ms'`);
    await client.query(`LOCK TABLE ${l}.checkpoints IN EXCLUSIVE MODE`);
    const { rows } = await client.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position, prepare_position FROM ${l}.checkpoints WHERE projection = ANY($1)
        ORDER BY commit_position DESC, prepare_position DESC LIMIT 1`,
      [swap.names],
    );
    const furthest = rows[0] && { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) };
    if (!(await replayReaches(swap, furthest))) {
      await client.query('ROLLBACK');
      return false;
    }
    // Nothing more may be written to the new tables while they move.
    await swap.runner.stop();
    if (swap.one) {
      const tables = PROJECTION_TABLES[swap.one.name]!.tables.map((table) => `${l}.${quoteIdentifier(table)}`);
      await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    }
    await moveTablesIn(client, swap);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // The caller starts the replay again and tries later.
    if (error instanceof DatabaseError && error.code !== undefined && LOCK_GAVE_WAY.has(error.code)) {
      swap.logger.info({ projection: swap.one?.name ?? 'all', code: error.code }, 'rebuild swap gave way to a lock');
      return false;
    }
    throw error;
  } finally {
    client.release();
  }
};

/**
 * Replays the whole store into new read-model tables beside the live ones, then swaps them in at
 * once: all of them, or one projection's. Queries keep being answered from the live tables all
 * along; live subscribers hear nothing of the replay; the api's own projections take over from the
 * new tables' checkpoints. One rebuild at a time (RebuildRunningError otherwise).
 */
export const rebuildReadModels = async (options: RebuildOptions): Promise<RebuildResult> => {
  const one = options.projection === undefined ? undefined : REBUILT.find(({ name }) => name === options.projection);
  if (options.projection !== undefined && !one) {
    throw new Error(`No projection to rebuild named ${options.projection}`);
  }
  const lock = await options.pool.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
      REBUILD_LOCK_NAMESPACE,
      options.liveSchema,
    ]);
    if (rows[0]?.locked !== true) {
      throw new RebuildRunningError(`Another rebuild of ${options.liveSchema} is running; nothing was changed`);
    }
    return await rebuild(options, one);
  } finally {
    // Ending the session releases the lock.
    lock.release(true);
  }
};

const rebuild = async (options: RebuildOptions, one: Projection | undefined): Promise<RebuildResult> => {
  const { pool, liveSchema, logger } = options;
  const next = `${liveSchema}_rebuild`;
  const replaced = `${liveSchema}_replaced_${Date.now()}`;
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(next)} CASCADE`);
  const names = one ? [one.name] : REBUILDABLE;
  await ensureReadModelSchema(createKysely(pool), next, names);
  const total = await countTimeline(pool, liveSchema);
  const db = createKysely<ReadModelTables>(pool).withSchema(next);
  let done = 0;
  const runner = new ProjectionRunner({
    projection: one ?? together(db),
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
      options.progress(done, total);
    },
  });
  const swap: Swap = { pool, live: liveSchema, next, replaced, one, names, runner, db, logger };
  const started = performance.now();
  runner.start();
  let tidied = false;
  try {
    for (;;) {
      if (options.signal?.aborted) {
        await runner.stop();
        await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(next)} CASCADE`);
        throw new RebuildInterruptedError(
          `Interrupted after ${done} events: nothing was swapped in, the live read models are as they were`,
        );
      }
      const head = await options.store.headPosition();
      const at = await rebuiltCheckpoint(swap);
      const reached = head === undefined || (at !== undefined && comparePositions(at, head) >= 0);
      if (reached && !tidied) {
        // Once, when the replay first reaches the head; it follows what comes meanwhile.
        logger.info({ projection: one?.name ?? 'all', events: done }, 'replay caught up; vacuuming its tables');
        await vacuumProjectionTables(pool, next, names);
        tidied = true;
        continue;
      }
      if (reached && (await swapIn(swap))) {
        break;
      }
      runner.start();
      await new Promise((resolve) => setTimeout(resolve, SWAP_RETRY_MS));
    }
  } finally {
    await runner.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  if (!options.keepReplaced) {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(replaced)} CASCADE`);
  }
  logger.info(
    { projection: one?.name ?? 'all', events: done, seconds: Math.round(seconds * 10) / 10 },
    'read models rebuilt and swapped in',
  );
  return { events: done, seconds, replacedBy: replaced };
};
