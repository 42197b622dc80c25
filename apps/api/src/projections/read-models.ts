import type { Database } from '@sot/postgres';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import { createKysely } from '../platform';
import { ensureReadModelSchema } from './schema/read-model-schema';
import type { ReadModelTables } from './schema/read-model.tables';

/** Where the read models live: their schema (one per shape), a query builder bound to it, the pool. */
export type ReadModelDatabase = {
  readonly pool: Pool;
  readonly db: Kysely<ReadModelTables>;
  readonly schema: string;
};

export const READ_MODELS = Symbol('READ_MODELS');
/** The read models' query builder, for the repositories that answer queries. */
export const READ_DB = Symbol('READ_DB');

export const openReadModels = async (database: Database, schema: string): Promise<ReadModelDatabase> => {
  await ensureReadModelSchema(createKysely(database.pool), schema);
  return { pool: database.pool, db: createKysely<ReadModelTables>(database.pool).withSchema(schema), schema };
};
