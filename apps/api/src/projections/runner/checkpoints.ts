import type { Position } from '@sot/event-store';
import type { Kysely, Transaction } from 'kysely';
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

export const writeCheckpoint = async (
  trx: Transaction<ReadModelTables>,
  projection: string,
  position: Position,
): Promise<void> => {
  const values = {
    commit_position: position.commit.toString(),
    prepare_position: position.prepare.toString(),
    updated_at: new Date(),
  };
  await trx
    .insertInto('checkpoints')
    .values({ projection, ...values })
    .onConflict((conflict) => conflict.column('projection').doUpdateSet(values))
    .execute();
};
