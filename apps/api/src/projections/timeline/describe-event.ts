import type { CaseEvent } from '@sot/domain';

const ordinal = (n: number): string => `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/**
 * One line for the audit trail. It names clinicians, experts and institutions but never the
 * patient: personal fields (`personal`) are left out on purpose.
 */
export const describeEvent = (event: CaseEvent): string => {
  switch (event.type) {
    case 'CaseOpened': {
      const { condition, originalOpinion } = event.data;
      return `Case opened: ${condition.name} (${condition.severity.replace('_', '-')}); original opinion by ${originalOpinion.clinician.name}, ${originalOpinion.clinician.institution}`;
    }
    case 'CaseManagerAssigned':
      return `Assigned to ${event.data.caseManagerId}${event.data.previousCaseManagerId ? ` (was ${event.data.previousCaseManagerId})` : ''}${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'DecisionDeadlineSet':
      return `Decision deadline set to ${event.data.deadline.slice(0, 10)} (${event.data.source})`;
    case 'OriginalClinicianInformed':
      return `Original clinician informed (${event.data.method.replace('_', ' ')})`;
    case 'OpinionRequested': {
      const { expert, ordinal: n, reviewMode } = event.data;
      return `${ordinal(n)} opinion requested from ${expert.name} (${expert.specialty}, ${expert.institution}), ${reviewMode.replace('_', ' ')}`;
    }
    case 'InsuranceCoverageRecorded':
      return `Coverage for ${event.data.requestId}: ${event.data.coverage.covered ? 'covered' : 'not covered'}${event.data.coverage.inPlanExpertRequired ? ', in-plan expert required' : ''}`;
    case 'RecordsRequested':
      return `Records requested for ${event.data.requestId}: ${event.data.items.map((item) => item.description).join('; ')}`;
    case 'RecordsSent':
      return `Records sent for ${event.data.requestId}: ${event.data.itemIds.join(', ')}`;
    case 'RecordsReceived':
      return `Records received for ${event.data.requestId}: ${event.data.itemIds.join(', ')}`;
    case 'RecordsReleaseRefused':
      return `${event.data.refusedBy} refused to release ${event.data.itemIds.join(', ')}: ${event.data.reason}`;
    case 'OpinionReceived': {
      const changes = [
        event.data.changesDiagnosis ? 'diagnosis' : '',
        event.data.changesTreatment ? 'treatment' : '',
      ].filter(Boolean);
      return `Opinion received for ${event.data.requestId}: ${changes.length ? `changes the ${changes.join(' and the ')}` : 'agrees with the original'}`;
    }
    case 'OpinionRequestCancelled':
      return `Opinion request ${event.data.requestId} cancelled: ${event.data.reason}`;
    case 'ConflictRaised':
      return `${event.data.raisedAutomatically ? 'Conflict raised automatically' : 'Conflict raised'} on the ${event.data.subject} between ${event.data.between.join(', ')}`;
    case 'ConflictResolved':
      return `Conflict ${event.data.conflictId} resolved by ${event.data.resolution.replace(/_/g, ' ')}: ${event.data.outcome}`;
    case 'DecisionMade':
      return `Decision recorded: ${event.data.optionChosen}${event.data.openConflictsAcknowledged.length ? ` (open conflicts acknowledged: ${event.data.openConflictsAcknowledged.join(', ')})` : ''}`;
    case 'CaseClosed':
      return `Case closed (${event.data.reason.replace(/_/g, ' ')})`;
    case 'CaseReopened':
      return `Case reopened: ${event.data.reason}`;
    case 'NoteAdded':
      return 'Note added';
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
