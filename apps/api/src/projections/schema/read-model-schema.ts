import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import { quoteIdentifier } from '@sot/postgres';

/**
 * Read models are derived data: a change of shape means a new schema name and a rebuild from the
 * events, never an in-place migration. `CREATE ... IF NOT EXISTS` makes start-up idempotent.
 * Indexes hold no data of their own: they change in place (`DROP INDEX IF EXISTS`, then create).
 */
/**
 * v2: the case page has its own read model (case_details), no longer the domain's folded state.
 * v3: the caseload row keeps its place in the URGENCY order (urgency_key), for keyset pages.
 * v4: how many cases each manager holds in each status (caseload_counts), so a total needs no scan.
 * v5: a case's notes in a table of their own (case_notes), out of the case page's document: a note
 *     costs the same to project however many notes its case already has.
 * v6: the kept counts also hold how many of those cases have an open conflict, outstanding records
 *     or pending opinions, so the saved views' counts need no scan either.
 */
export const READ_MODEL_SCHEMA = 'read_models_v6';

/** Each projection's tables, in schema `s` (already quoted). */
const checkpointsTable = (s: string): string => `
CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
  projection text PRIMARY KEY,
  commit_position numeric(20) NOT NULL,
  prepare_position numeric(20) NOT NULL,
  updated_at timestamptz NOT NULL
);`;

const caseReadModelTables = (s: string): string => `
CREATE TABLE IF NOT EXISTS ${s}.case_details (
  case_id uuid PRIMARY KEY,
  version integer NOT NULL,
  details jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.case_notes (
  case_id uuid NOT NULL,
  stream_revision integer NOT NULL,
  note_id text NOT NULL,
  text text NOT NULL,
  author text NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, stream_revision)
);
CREATE TABLE IF NOT EXISTS ${s}.case_summaries (
  case_id uuid PRIMARY KEY,
  status text NOT NULL,
  case_manager_id text,
  patient_name text NOT NULL,
  condition_name text NOT NULL,
  severity text NOT NULL,
  is_cancer boolean NOT NULL,
  deadline timestamptz,
  opened_at timestamptz NOT NULL,
  decided_at timestamptz,
  closed_at timestamptz,
  last_activity_at timestamptz NOT NULL,
  outstanding_records integer NOT NULL,
  refused_records integer NOT NULL,
  outstanding_record_due jsonb NOT NULL,
  pending_opinions integer NOT NULL,
  received_opinions integer NOT NULL,
  diagnosis_changes integer NOT NULL,
  treatment_changes integer NOT NULL,
  open_conflicts integer NOT NULL,
  conflicts_raised integer NOT NULL,
  warnings jsonb NOT NULL,
  search_text text NOT NULL,
  urgency_key text COLLATE "C" NOT NULL,
  version integer NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.caseload_counts (
  case_manager_id text NOT NULL,
  status text NOT NULL,
  cases bigint NOT NULL,
  with_open_conflicts bigint NOT NULL,
  waiting_on_records bigint NOT NULL,
  waiting_on_opinions bigint NOT NULL,
  PRIMARY KEY (case_manager_id, status)
);
DROP INDEX IF EXISTS ${s}.case_summaries_urgency_idx;
DROP INDEX IF EXISTS ${s}.case_summaries_manager_urgency_idx;
CREATE INDEX IF NOT EXISTS case_summaries_urgency_search_idx ON ${s}.case_summaries (urgency_key)
  INCLUDE (case_id, search_text);
CREATE INDEX IF NOT EXISTS case_summaries_manager_urgency_search_idx
  ON ${s}.case_summaries (case_manager_id, urgency_key) INCLUDE (case_id, search_text);
CREATE INDEX IF NOT EXISTS case_summaries_manager_idx ON ${s}.case_summaries (case_manager_id, status);
CREATE INDEX IF NOT EXISTS case_summaries_deadline_idx ON ${s}.case_summaries (deadline);
CREATE INDEX IF NOT EXISTS case_summaries_open_deadline_idx ON ${s}.case_summaries (case_manager_id, deadline)
  WHERE status = 'open';
CREATE INDEX IF NOT EXISTS case_summaries_search_idx ON ${s}.case_summaries USING gin (search_text gin_trgm_ops);`;

const timelineTable = (s: string): string => `
CREATE TABLE IF NOT EXISTS ${s}.timeline (
  case_id uuid NOT NULL,
  stream_revision integer NOT NULL,
  event_type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  actor_id text,
  summary text NOT NULL,
  text text,
  PRIMARY KEY (case_id, stream_revision)
);`;

/** The tables each projection keeps, and how to create them: what `rebuild <name>` replaces. */
export const PROJECTION_TABLES: Readonly<
  Record<string, { readonly tables: readonly string[]; readonly ddl: (s: string) => string }>
> = {
  'case-read-model': {
    tables: ['case_details', 'case_notes', 'case_summaries', 'caseload_counts'],
    ddl: caseReadModelTables,
  },
  timeline: { tables: ['timeline'], ddl: timelineTable },
};

/** Creates the schema with its checkpoints and the tables of `projections` (by default, all of them). */
export const ensureReadModelSchema = async (
  db: Kysely<unknown>,
  schema: string,
  projections: readonly string[] = Object.keys(PROJECTION_TABLES),
): Promise<void> => {
  const s = quoteIdentifier(schema);
  // pg_trgm (a trusted extension since PostgreSQL 13) indexes substring search of the caseload.
  const ddl = [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm;`,
    `CREATE SCHEMA IF NOT EXISTS ${s};`,
    checkpointsTable(s),
    ...projections.map((name) => PROJECTION_TABLES[name]!.ddl(s)),
  ];
  await sql.raw(ddl.join('\n')).execute(db);
};

/**
 * Tables freshly filled from the events, as autovacuum would leave them, before queries meet them:
 * their statistics (plans), the visibility map (index-only scans, such as the saved views' counts)
 * and the trigram index's pending entries. Fresh from a replay, a search read the table's rows for
 * every candidate and ran four times slower.
 */
export const vacuumProjectionTables = async (
  pool: Pool,
  schema: string,
  projections: readonly string[],
): Promise<void> => {
  for (const name of projections) {
    for (const table of PROJECTION_TABLES[name]?.tables ?? []) {
      await pool.query(`VACUUM (ANALYZE) ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`);
    }
  }
};
