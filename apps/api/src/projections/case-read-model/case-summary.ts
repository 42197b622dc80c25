import { warningsAt } from '@sot/domain';
import type { Insertable } from 'kysely';
import type { CaseSummariesTable } from '../schema/read-model.tables';
import type { CaseDetails } from '../schema/case-details';
import { searchable } from '../schema/searchable';

/** One caseload row, derived from the case page's read model: what the list, filters and stats read. */
export const summarize = (caseId: string, details: CaseDetails, version: number): Insertable<CaseSummariesTable> => {
  const active = details.requests.filter((request) => request.status !== 'cancelled');
  const records = active.flatMap((request) => request.records);
  const opinions = active.flatMap((request) => (request.opinion ? [request.opinion] : []));
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
    outstanding_records: records.filter((item) => item.status !== 'received').length,
    refused_records: records.filter((item) => item.status === 'refused').length,
    outstanding_record_due: JSON.stringify(
      active.flatMap(({ requestId, records: items }) =>
        items.flatMap(({ itemId, status, dueBy }) =>
          (status === 'requested' || status === 'sent') && dueBy ? [{ requestId, itemId, dueBy }] : [],
        ),
      ),
    ),
    pending_opinions: active.filter((request) => request.status === 'requested').length,
    received_opinions: opinions.length,
    diagnosis_changes: opinions.filter((opinion) => opinion.changesDiagnosis).length,
    treatment_changes: opinions.filter((opinion) => opinion.changesTreatment).length,
    open_conflicts: details.conflicts.filter((conflict) => conflict.standing === 'open').length,
    conflicts_raised: details.conflicts.length,
    warnings: JSON.stringify(warningsAt(details, details.lastActivityAt)),
    search_text: searchable(
      [details.patient.name, details.patient.medicalRecordNumber ?? '', details.condition.name].join(' '),
    ),
    version,
  };
};
