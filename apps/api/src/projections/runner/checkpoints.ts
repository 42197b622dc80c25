import type { Position } from '@sot/event-store';
import { quoteIdentifier } from '@sot/postgres';
import type { Kysely, Transaction } from 'kysely';
import type { Pool } from 'pg';
import type { ReadModelTables } from '../schema/read-model.tables';

export const readCheckpoint = async (
  db: Kysely<ReadModelTables> | Transaction<ReadModelTables>,
  projection: string,
): Promise<Position | undefined> => {
  const row = await db
    .selectFrom('checkpoints')
    .select(['commit_position', 'prepare_position'])
    .where('projection', '=', projection)
    .executeTakeFirst();
  return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : undefined;
};

/** Several projections' checkpoints in one round trip (read-your-writes polls this per mutation). */
export const readCheckpoints = async (
  db: Kysely<ReadModelTables>,
  projections: readonly string[],
): Promise<Map<string, Position>> => {
  const rows = await db
    .selectFrom('checkpoints')
    .select(['projection', 'commit_position', 'prepare_position'])
    .where('projection', 'in', projections)
    .execute();
  return new Map(
    rows.map((row) => [row.projection, { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) }]),
  );
};

/**
 * Gives `projection` in `schema` the furthest checkpoint it has in any other read-model schema of the
 * database, unless it has one already. For projections whose effects are events: those effects are
 * in the store whatever the read-model generation, so a new one need not produce them again.
 */
export const carryCheckpointOver = async (pool: Pool, schema: string, projection: string): Promise<void> => {
  const { rows: schemas } = await pool.query<{ name: string }>(
    `SELECT table_schema AS name FROM information_schema.tables WHERE table_name = 'checkpoints' AND table_schema <> $1`,
    [schema],
  );
  if (schemas.length === 0) {
    return;
  }
  const union = schemas
    .map(({ name }) => `SELECT * FROM ${quoteIdentifier(name)}.checkpoints WHERE projection = $1`)
    .join(' UNION ALL ');
  await pool.query(
    `INSERT INTO ${quoteIdentifier(schema)}.checkpoints
       SELECT * FROM (${union}) AS earlier ORDER BY commit_position DESC, prepare_position DESC LIMIT 1
     ON CONFLICT (projection) DO NOTHING`,
    [projection],
  );
};

/** Another runner moved the checkpoint since this one read it: this one is no longer the leader. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
}

/**
 * The first statement of every batch: locks the projection's checkpoint row (and, by it, the table
 * against a rebuild's swap, which takes it EXCLUSIVE) and checks it is still where this runner
 * last saw it. So a batch reads nothing before a swap it would straddle: it waits for the swap,
 * then reads the tables swapped in, or finds its checkpoint moved and stands down.
 */
export const lockCheckpoint = async (
  trx: Transaction<ReadModelTables>,
  projection: string,
  expected: Position | undefined,
): Promise<void> => {
  const row = await trx
    .selectFrom('checkpoints')
    .select(['commit_position', 'prepare_position'])
    .where('projection', '=', projection)
    .forUpdate()
    .executeTakeFirst();
  const same =
    row === undefined
      ? expected === undefined
      : expected !== undefined &&
        BigInt(row.commit_position) === expected.commit &&
        BigInt(row.prepare_position) === expected.prepare;
  if (!same) {
    throw new CheckpointMovedError(`The checkpoint of ${projection} moved under this runner: it stands down`);
  }
};

/**
 * Moves a projection's checkpoint from where this runner last saw it, and only from there
 * (compare-and-set, in the batch's transaction): a leader that lost its lock without noticing
 * cannot write a batch twice or move the checkpoint backwards; its whole batch rolls back.
 */
export const moveCheckpoint = async (
  trx: Transaction<ReadModelTables>,
  projection: string,
  from: Position | undefined,
  to: Position,
): Promise<void> => {
  const values = {
    commit_position: to.commit.toString(),
    prepare_position: to.prepare.toString(),
    updated_at: new Date(),
  };
  const moved =
    from === undefined
      ? await trx
          .insertInto('checkpoints')
          .values({ projection, ...values })
          .onConflict((conflict) => conflict.column('projection').doNothing())
          .executeTakeFirst()
          .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0n))
      : await trx
          .updateTable('checkpoints')
          .set(values)
          .where('projection', '=', projection)
          .where('commit_position', '=', from.commit.toString())
          .where('prepare_position', '=', from.prepare.toString())
          .executeTakeFirst()
          .then((result) => Number(result.numUpdatedRows));
  if (moved !== 1) {
    throw new CheckpointMovedError(`The checkpoint of ${projection} moved under this runner: it stands down`);
  }
};
