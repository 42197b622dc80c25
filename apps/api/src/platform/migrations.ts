import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

/** Tables that are not derived from events: accounts and the access log. */
const migrations: Record<string, Migration> = {
  '2026-11-25-001-users-and-access-log': {
    up: async (db) => {
      await sql`CREATE SCHEMA IF NOT EXISTS auth`.execute(db);
      await sql`CREATE SCHEMA IF NOT EXISTS audit`.execute(db);
      await db.schema
        .withSchema('auth')
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('CASE_MANAGER', 'SUPERVISOR', 'AUDITOR')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .withSchema('audit')
        .createTable('access_log')
        .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'uuid', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .withSchema('audit')
        .createIndex('access_log_case_idx')
        .on('access_log')
        .columns(['case_id', 'at'])
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export const migrateToLatest = async (db: Kysely<unknown>): Promise<void> => {
  const migrator = new Migrator({ db, provider, migrationTableSchema: 'public' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
};
