import { warningsAt } from '@sot/domain';
import type { Insertable } from 'kysely';
import type { CaseSummariesTable, OutstandingRecordDue } from '../schema/read-model.tables';
import type { CaseDetails } from '../schema/case-details';
import { searchable } from '../schema/searchable';

const MAX_COUNT = 99_999;
const MAX_EPOCH_MS = 9_999_999_999_999;
const descending = (value: number, max: number): string =>
  String(max - Math.min(Math.max(value, 0), max)).padStart(String(max).length, '0');

/**
 * URGENCY as one string that sorts byte by byte (COLLATE "C"): open cases with a deadline first,
 * soonest (so most overdue) first; then open cases with open conflicts or refused records; the rest
 * of the open cases; decided; closed. Ties: deadline, more conflicts, more refusals, latest activity,
 * case id. It needs no clock: an overdue deadline is simply an earlier one, so the order is kept by
 * the projection and paged by key.
 */
export const urgencyKey = (
  caseId: string,
  details: CaseDetails,
  counts: { readonly openConflicts: number; readonly refusedRecords: number },
): string => {
  const open = details.status === 'open';
  const tier = open
    ? details.deadline
      ? 1
      : counts.openConflicts > 0 || counts.refusedRecords > 0
        ? 2
        : 3
    : details.status === 'decided'
      ? 4
      : 5;
  const deadline = details.deadline ? new Date(details.deadline).toISOString() : '~';
  return [
    tier,
    deadline,
    descending(counts.openConflicts, MAX_COUNT),
    descending(counts.refusedRecords, MAX_COUNT),
    descending(Date.parse(details.lastActivityAt), MAX_EPOCH_MS),
    caseId,
  ].join('|');
};

/** A caseload row as written: its jsonb columns as values, not yet JSON text. */
export type CaseSummaryWrite = Omit<Insertable<CaseSummariesTable>, 'outstanding_record_due' | 'warnings'> & {
  readonly outstanding_record_due: readonly OutstandingRecordDue[];
  readonly warnings: unknown;
};

const activeRequests = (details: CaseDetails) => details.requests.filter((request) => request.status !== 'cancelled');

/**
 * What the saved views count a case by: the caseload row's columns of the same names and the kept
 * counts (caseload_counts) both come from here, so a view's count and its list always agree.
 */
export const viewFigures = (details: CaseDetails) => {
  const active = activeRequests(details);
  const records = active.flatMap((request) => request.records);
  return {
    outstandingRecords: records.filter((item) => item.status !== 'received').length,
    refusedRecords: records.filter((item) => item.status === 'refused').length,
    pendingOpinions: active.filter((request) => request.status === 'requested').length,
    openConflicts: details.conflicts.filter((conflict) => conflict.standing === 'open').length,
  };
};

/** One caseload row, derived from the case page's read model: what the list, filters and stats read. */
export const summarize = (caseId: string, details: CaseDetails, version: number): CaseSummaryWrite => {
  const active = activeRequests(details);
  const opinions = active.flatMap((request) => (request.opinion ? [request.opinion] : []));
  const figures = viewFigures(details);
  return {
    case_id: caseId,
    status: details.status,
    case_manager_id: details.caseManagerId ?? null,
    patient_name: details.patient.name,
    condition_name: details.condition.name,
    severity: details.condition.severity,
    is_cancer: details.condition.isCancer,
    deadline: details.deadline ?? null,
    opened_at: details.openedAt,
    decided_at: details.decision?.decidedAt ?? null,
    closed_at: details.closedAt ?? null,
    last_activity_at: details.lastActivityAt,
    outstanding_records: figures.outstandingRecords,
    refused_records: figures.refusedRecords,
    outstanding_record_due: active.flatMap(({ requestId, records: items }) =>
      items.flatMap(({ itemId, status, dueBy }) =>
        (status === 'requested' || status === 'sent') && dueBy ? [{ requestId, itemId, dueBy }] : [],
      ),
    ),
    pending_opinions: figures.pendingOpinions,
    received_opinions: opinions.length,
    diagnosis_changes: opinions.filter((opinion) => opinion.changesDiagnosis).length,
    treatment_changes: opinions.filter((opinion) => opinion.changesTreatment).length,
    open_conflicts: figures.openConflicts,
    conflicts_raised: details.conflicts.length,
    warnings: warningsAt(details, details.lastActivityAt),
    urgency_key: urgencyKey(caseId, details, figures),
    search_text: searchable(
      [details.patient.name, details.patient.medicalRecordNumber ?? '', details.condition.name].join(' '),
    ),
    version,
  };
};
