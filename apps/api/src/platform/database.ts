import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';

/** Each repository names the tables it touches: `Kysely<{ 'auth.users': UsersTable }>`. */
export const createKysely = <T = unknown>(pool: Pool): Kysely<T> =>
  new Kysely<T>({ dialect: new PostgresDialect({ pool }) });

export const KYSELY = Symbol('KYSELY');
export const PG_POOL = Symbol('PG_POOL');
export const DATABASE = Symbol('DATABASE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_SCHEMA_NAME = Symbol('READ_MODEL_SCHEMA_NAME');
