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
  '2026-11-26-001-access-log-who-what-outcome-append-only': {
    // Who (and in which role), which cases, which operation, with what outcome, from where; and
    // no one, the api's own role included, may change or remove a row once written.
    up: async (db) => {
      await sql`
        ALTER TABLE audit.access_log
          ADD COLUMN role text,
          ADD COLUMN case_ids uuid[] NOT NULL DEFAULT '{}',
          ADD COLUMN outcome text NOT NULL DEFAULT 'ALLOWED',
          ADD COLUMN client_address text`.execute(db);
      await sql`UPDATE audit.access_log SET case_ids = ARRAY[case_id]`.execute(db);
      await sql`ALTER TABLE audit.access_log DROP COLUMN case_id`.execute(db);
      await sql`ALTER TABLE audit.access_log RENAME COLUMN action TO operation`.execute(db);
      await sql`CREATE INDEX access_log_case_ids_idx ON audit.access_log USING gin (case_ids)`.execute(db);
      await sql`CREATE INDEX access_log_user_idx ON audit.access_log (user_id, id)`.execute(db);
      await sql`CREATE INDEX access_log_at_idx ON audit.access_log (at)`.execute(db);
      await sql`DROP INDEX IF EXISTS audit.access_log_case_idx`.execute(db);
      await sql`
        CREATE FUNCTION audit.access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit.access_log is append-only: % is not allowed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$`.execute(db);
      await sql`
        CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON audit.access_log
          FOR EACH ROW EXECUTE FUNCTION audit.access_log_is_append_only()`.execute(db);
      await sql`
        CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON audit.access_log
          FOR EACH STATEMENT EXECUTE FUNCTION audit.access_log_is_append_only()`.execute(db);
      await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit.access_log FROM PUBLIC`.execute(db);
    },
  },
  '2026-11-26-002-login-throttle': {
    // Failed sign-ins counted per account and per client address (rate-limiter-flexible's table),
    // in the database so that every api instance counts the same attempts.
    up: async (db) => {
      await sql`
        CREATE TABLE auth.login_throttle (
          key varchar(255) PRIMARY KEY,
          points integer NOT NULL DEFAULT 0,
          expire bigint
        )`.execute(db);
    },
  },
  '2026-11-26-003-session-version': {
    // Tokens carry the account's session version: signing out, disabling the account, changing
    // its role or resetting its password bumps it, and every token issued before stops working.
    up: async (db) => {
      await sql`ALTER TABLE auth.users ADD COLUMN session_version integer NOT NULL DEFAULT 0`.execute(db);
    },
  },
  '2026-11-26-004-patient-data-keys': {
    // One data key per case, wrapped, apart from the events it opens. Erasure keeps the row without
    // its key (a tombstone), so that no new key is ever made for an erased case.
    up: async (db) => {
      await sql`CREATE SCHEMA IF NOT EXISTS patient_data`.execute(db);
      await sql`
        CREATE TABLE patient_data.keys (
          case_id uuid PRIMARY KEY,
          wrapped_key bytea,
          wrapped_by text,
          created_at timestamptz NOT NULL DEFAULT now(),
          erased_at timestamptz,
          CONSTRAINT key_or_tombstone CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
        )`.execute(db);
    },
  },
  '2026-11-26-005-refresh-tokens': {
    // Refresh tokens, stored as SHA-256 hashes only. Each refresh replaces the token (rotation); a
    // replaced token presented again means it was stolen, and ends its whole family (the sign-in).
    up: async (db) => {
      await sql`
        CREATE TABLE auth.refresh_tokens (
          token_hash bytea PRIMARY KEY,
          family_id uuid NOT NULL,
          user_id text NOT NULL,
          session_version integer NOT NULL,
          expires_at timestamptz NOT NULL,
          replaced_at timestamptz,
          created_at timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
      await sql`CREATE INDEX refresh_tokens_family_idx ON auth.refresh_tokens (family_id)`.execute(db);
      await sql`CREATE INDEX refresh_tokens_expiry_idx ON auth.refresh_tokens (expires_at)`.execute(db);
    },
  },
  '2026-11-26-006-sessions-ended-at': {
    // Tokens from an identity provider carry no session version: those issued before this moment are refused.
    up: async (db) => {
      await sql`ALTER TABLE auth.users ADD COLUMN sessions_ended_at timestamptz`.execute(db);
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
