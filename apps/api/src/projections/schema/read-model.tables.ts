import type { ColumnType, Selectable } from 'kysely';
import type { CaseDetails } from './case-details';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type CheckpointsTable = {
  projection: string;
  commit_position: string;
  prepare_position: string;
  updated_at: Timestamp;
};

/** The case page of each case (see CaseDetails): its own shape, not the domain's state. */
export type CaseDetailsTable = {
  case_id: string;
  version: number;
  details: Json<CaseDetails>;
};

/** A case's notes, one row each, oldest first by stream revision (see NoteDetails). */
export type CaseNotesTable = {
  case_id: string;
  stream_revision: number;
  note_id: string;
  text: string;
  author: string;
  added_at: Timestamp;
};

export type OutstandingRecordDue = { readonly requestId: string; readonly itemId: string; readonly dueBy: string };

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
  /** The outstanding record items that have a due date: overdue is worked out at read time. */
  outstanding_record_due: Json<OutstandingRecordDue[]>;
  pending_opinions: number;
  received_opinions: number;
  diagnosis_changes: number;
  treatment_changes: number;
  open_conflicts: number;
  conflicts_raised: number;
  warnings: Json<unknown>;
  /** Patient name, record number and condition, folded by `searchable`. */
  search_text: string;
  /** The row's place in the URGENCY order, as one string that sorts byte by byte (see urgencyKey). */
  urgency_key: string;
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
  /** The event's free text (a note, a rationale...): patient data, unlike `summary`. */
  text: string | null;
};

/** How many cases each manager ('' for none) holds in each status: totals without a scan. */
export type CaseloadCountsTable = {
  case_manager_id: string;
  status: string;
  cases: ColumnType<string, number, number>;
  /** Of those cases, how many have an open conflict, outstanding records, pending opinions. */
  with_open_conflicts: ColumnType<string, number, number>;
  waiting_on_records: ColumnType<string, number, number>;
  waiting_on_opinions: ColumnType<string, number, number>;
};

/** Read models live in a schema of their own (rebuilt, never migrated): see ReadModelSchema. */
export type ReadModelTables = {
  checkpoints: CheckpointsTable;
  case_details: CaseDetailsTable;
  case_notes: CaseNotesTable;
  case_summaries: CaseSummariesTable;
  caseload_counts: CaseloadCountsTable;
  timeline: TimelineTable;
};

export type CaseSummaryRow = Selectable<CaseSummariesTable>;
export type TimelineRow = Selectable<TimelineTable>;
