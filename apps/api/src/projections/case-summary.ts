import { openConflicts, warningsAt } from '@sot/domain';
import type { ExistingCase } from '@sot/domain';
import type { Insertable } from 'kysely';
import type { CaseSummariesTable } from '../database/tables';

/** One caseload row, derived from the folded case: what the list, filters and stats read. */
export const summarize = (caseId: string, state: ExistingCase, version: number): Insertable<CaseSummariesTable> => {
  const active = state.requests.filter((request) => request.status !== 'cancelled');
  const records = active.flatMap((request) => request.records);
  const opinions = active.flatMap((request) => (request.opinion ? [request.opinion] : []));
  return {
    case_id: caseId,
    status: state.status,
    case_manager_id: state.caseManagerId ?? null,
    patient_name: state.personal.patientName,
    condition_name: state.condition.name,
    severity: state.condition.severity,
    is_cancer: state.condition.isCancer,
    deadline: state.deadline ?? null,
    opened_at: state.openedAt,
    decided_at: state.decision?.decidedAt ?? null,
    closed_at: state.status === 'closed' ? state.closedAt : null,
    last_activity_at: state.lastEventAt,
    outstanding_records: records.filter((item) => item.status !== 'received').length,
    refused_records: records.filter((item) => item.status === 'refused').length,
    pending_opinions: active.filter((request) => request.status === 'requested').length,
    received_opinions: opinions.length,
    diagnosis_changes: opinions.filter((opinion) => opinion.changesDiagnosis).length,
    treatment_changes: opinions.filter((opinion) => opinion.changesTreatment).length,
    open_conflicts: openConflicts(state).length,
    conflicts_raised: state.conflicts.length,
    warnings: JSON.stringify(warningsAt(state, state.lastEventAt)),
    version,
  };
};
