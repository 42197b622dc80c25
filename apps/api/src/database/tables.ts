import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Role = 'CASE_MANAGER' | 'SUPERVISOR' | 'AUDITOR';

export type UsersTable = {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
};

export type AccessLogTable = {
  id: Generated<string>;
  user_id: string;
  case_id: string;
  action: string;
  at: Generated<Timestamp>;
};

export type CheckpointsTable = {
  projection: string;
  commit_position: string;
  prepare_position: string;
  updated_at: Timestamp;
};

/** The folded domain state of each case: what case detail and the checklist read. */
export type CaseStatesTable = {
  case_id: string;
  version: number;
  state: Json<unknown>;
};

export type CaseSummariesTable = {
  case_id: string;
  status: string;
  case_manager_id: string | null;
  patient_name: string;
  condition_name: string;
  severity: string;
  is_cancer: boolean;
  deadline: Timestamp | null;
  opened_at: Timestamp;
  decided_at: Timestamp | null;
  closed_at: Timestamp | null;
  last_activity_at: Timestamp;
  outstanding_records: number;
  refused_records: number;
  pending_opinions: number;
  received_opinions: number;
  diagnosis_changes: number;
  treatment_changes: number;
  open_conflicts: number;
  conflicts_raised: number;
  warnings: Json<unknown>;
  version: number;
};

export type TimelineTable = {
  case_id: string;
  stream_revision: number;
  event_type: string;
  occurred_at: Timestamp;
  recorded_at: Timestamp;
  actor_id: string | null;
  summary: string;
};

export type AppTables = {
  'auth.users': UsersTable;
  'audit.access_log': AccessLogTable;
};

/** Read models live in a schema of their own (rebuilt, never migrated): see ReadModelSchema. */
export type ReadModelTables = {
  checkpoints: CheckpointsTable;
  case_states: CaseStatesTable;
  case_summaries: CaseSummariesTable;
  timeline: TimelineTable;
};

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type CaseSummaryRow = Selectable<CaseSummariesTable>;
export type TimelineRow = Selectable<TimelineTable>;
