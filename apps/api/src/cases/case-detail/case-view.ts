import { overdueItemIds, warningsAt } from '@sot/domain';
import type { CaseWarning as DomainWarning } from '@sot/domain';
import type { CaseDetails, DecisionDetails, OpinionRequestDetails, RecordItemDetails } from '../../projections';
import type { Case, CaseWarning, Decision, OpinionRequest, RecordItem } from './case.types';
import { deadlineView } from './deadline';

const date = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

const decisionView = (decision: DecisionDetails): Decision => ({
  ...decision,
  decidedAt: new Date(decision.decidedAt),
  openConflictsAcknowledged: [...decision.openConflictsAcknowledged],
});

export const warningView = (warning: DomainWarning): CaseWarning => {
  switch (warning.code) {
    case 'DEADLINE_PASSED':
      return { code: warning.code, deadline: new Date(warning.deadline) };
    case 'EXPERT_NOT_INDEPENDENT':
      return {
        code: warning.code,
        requestId: warning.requestId,
        concerns: [...warning.concerns],
        matchedRules: [...warning.matchedRules],
      };
    case 'OPINION_DIFFERS_BUT_MARKED_UNCHANGED':
      return { code: warning.code, requestId: warning.requestId, subjects: [...warning.subjects] };
    case 'RECORDS_RELEASE_REFUSED':
    case 'RECORDS_OVERDUE':
    case 'SLIDES_NOT_SENT_DIRECT':
    case 'IMAGING_REPORT_WITHOUT_ORIGINALS':
      return { code: warning.code, requestId: warning.requestId, itemIds: [...warning.itemIds] };
    case 'CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE':
    case 'REMOTE_REVIEW_NOT_COVERED':
      return { code: warning.code, requestId: warning.requestId };
    case 'MANY_FURTHER_OPINIONS':
      return { code: warning.code, furtherOpinions: warning.furtherOpinions };
    case 'ORIGINAL_CLINICIAN_NOT_INFORMED':
      return { code: warning.code };
    default: {
      const unexpected: never = warning;
      return unexpected;
    }
  }
};

const recordView =
  (overdue: readonly string[]) =>
  (item: RecordItemDetails): RecordItem => ({
    ...item,
    requestedAt: new Date(item.requestedAt),
    sentAt: date(item.sentAt),
    receivedAt: date(item.receivedAt),
    dueBy: date(item.dueBy),
    overdue: overdue.includes(item.itemId),
    refusals: item.refusals.map((refusal) => ({ ...refusal, at: new Date(refusal.at) })),
  });

const requestView = (request: OpinionRequestDetails, now: Date): OpinionRequest => ({
  ...request,
  requestedAt: new Date(request.requestedAt),
  independenceConcerns: [...request.independenceConcerns],
  records: request.records.map(recordView(overdueItemIds(request, now.toISOString()))),
  opinion: request.opinion ? { ...request.opinion, receivedAt: new Date(request.opinion.receivedAt) } : undefined,
});

/**
 * The GraphQL view of a case's read model: the same for the live case and for `caseAsOf`. Its
 * notes are not in the page: `Case.notes` reads them when asked for (CaseResolver).
 */
export const caseView = (id: string, details: CaseDetails, version: number, now: Date, timeZone: string): Case => ({
  ...details,
  id,
  version,
  deadline: date(details.deadline),
  ...deadlineView(details.deadline, details.status, now, timeZone),
  clinicianInformedAt: date(details.clinicianInformedAt),
  openedAt: new Date(details.openedAt),
  lastActivityAt: new Date(details.lastActivityAt),
  requests: details.requests.map((request) => requestView(request, now)),
  conflicts: details.conflicts.map((conflict) => ({
    ...conflict,
    between: [...conflict.between],
    raisedAt: new Date(conflict.raisedAt),
    resolvedAt: date(conflict.resolvedAt),
  })),
  decision: details.decision ? decisionView(details.decision) : undefined,
  earlierDecisions: details.earlierDecisions.map(decisionView),
  warnings: warningsAt(details, now.toISOString()).map(warningView),
  closedAt: details.status === 'closed' ? date(details.closedAt) : undefined,
  closeReason: details.status === 'closed' ? details.closeReason : undefined,
  closeComment: details.status === 'closed' ? details.closeComment : undefined,
  erasure: details.erasure ? { ...details.erasure, erasedAt: new Date(details.erasure.erasedAt) } : undefined,
});
