import { warningsAt } from '@sot/domain';
import type { CaseWarning as DomainWarning, DecisionState, ExistingCase } from '@sot/domain';
import type { Case, CaseWarning, Decision } from './case.types';

const DAY_MS = 24 * 60 * 60 * 1000;

export const daysLeft = (deadline: Date | string | null | undefined, now: Date): number | undefined =>
  deadline ? Math.floor((new Date(deadline).getTime() - now.getTime()) / DAY_MS) : undefined;

const date = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

const decisionView = (decision: DecisionState): Decision => ({
  ...decision,
  decidedAt: new Date(decision.decidedAt),
  openConflictsAcknowledged: [...decision.openConflictsAcknowledged],
});

export const warningView = (warning: DomainWarning): CaseWarning => {
  switch (warning.code) {
    case 'DEADLINE_PASSED':
      return { code: warning.code, deadline: new Date(warning.deadline) };
    case 'EXPERT_NOT_INDEPENDENT':
      return { code: warning.code, requestId: warning.requestId, concerns: [...warning.concerns] };
    case 'RECORDS_RELEASE_REFUSED':
    case 'SLIDES_NOT_SENT_DIRECT':
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

/** The GraphQL view of a folded case: the same for the live read model and for `caseAsOf`. */
export const caseView = (id: string, state: ExistingCase, version: number, now: Date): Case => ({
  id,
  status: state.status,
  version,
  patient: {
    name: state.personal.patientName,
    birthDate: state.personal.birthDate,
    medicalRecordNumber: state.personal.medicalRecordNumber,
  },
  condition: state.condition,
  originalOpinion: state.originalOpinion,
  caseManagerId: state.caseManagerId,
  deadline: date(state.deadline),
  daysLeft: state.status === 'open' ? daysLeft(state.deadline, now) : undefined,
  clinicianInformedAt: date(state.clinicianInformedAt),
  openedAt: new Date(state.openedAt),
  lastActivityAt: new Date(state.lastEventAt),
  requests: state.requests.map((request) => ({
    ...request,
    requestedAt: new Date(request.requestedAt),
    independenceConcerns: [...request.independenceConcerns],
    records: request.records.map(({ refusal, ...item }) => ({
      ...item,
      refusedBy: refusal?.refusedBy,
      refusalReason: refusal?.reason,
    })),
    opinion: request.opinion ? { ...request.opinion, receivedAt: new Date(request.opinion.receivedAt) } : undefined,
  })),
  conflicts: state.conflicts.map((conflict) => ({
    conflictId: conflict.conflictId,
    subject: conflict.subject,
    between: [...conflict.between],
    raisedAutomatically: conflict.raisedAutomatically,
    raisedAt: new Date(conflict.raisedAt),
    resolution: conflict.resolution?.kind,
    resolvedAt: date(conflict.resolution?.at),
    furtherOpinionRequestId: conflict.resolution?.furtherOpinionRequestId,
  })),
  decision: state.decision ? decisionView(state.decision) : undefined,
  earlierDecisions: state.earlierDecisions.map(decisionView),
  warnings: warningsAt(state, now.toISOString()).map(warningView),
  closedAt: state.status === 'closed' ? new Date(state.closedAt) : undefined,
  closeReason: state.status === 'closed' ? state.closeReason : undefined,
});
