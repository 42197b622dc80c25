import type { CaseFieldsFragment, Role } from '../../gql/graphql';

export type ActionId =
  | 'setDecisionDeadline'
  | 'informOriginalClinician'
  | 'requestOpinion'
  | 'recordInsuranceCoverage'
  | 'requestRecords'
  | 'markRecordsSent'
  | 'markRecordsReceived'
  | 'recordRecordsReleaseRefused'
  | 'recordOpinionReceived'
  | 'cancelOpinionRequest'
  | 'raiseConflict'
  | 'resolveConflict'
  | 'makeDecision'
  | 'addNote'
  | 'assignCaseManager'
  | 'closeCase'
  | 'reopenCase'
  | 'erasePatientData';

type Case = Pick<CaseFieldsFragment, 'status' | 'clinicianInformedAt' | 'requests' | 'conflicts' | 'erasure'>;

const active = (c: Case) => c.requests.filter((request) => request.status !== 'CANCELLED');

/**
 * What the case's state allows, mirroring the domain's rules so that no button is offered that
 * the api would refuse for the state alone (the api still decides: it has the last word).
 * Auditors are read-only; reassignment and erasure are the supervisors'; an erased case takes nothing.
 */
export const availableActions = (c: Case, role: Role): ActionId[] => {
  if (role === 'AUDITOR' || c.erasure) {
    return [];
  }
  const open = c.status === 'OPEN';
  const notClosed = c.status !== 'CLOSED';
  const requests = active(c);
  const items = requests.flatMap((request) => request.records);
  const rules: [ActionId, boolean][] = [
    ['addNote', true],
    ['setDecisionDeadline', open],
    ['informOriginalClinician', notClosed && !c.clinicianInformedAt],
    ['requestOpinion', open],
    ['recordInsuranceCoverage', notClosed && requests.length > 0],
    ['requestRecords', notClosed && requests.length > 0],
    ['markRecordsSent', notClosed && items.some((item) => item.status === 'REQUESTED' || item.status === 'REFUSED')],
    ['markRecordsReceived', notClosed && items.some((item) => item.status === 'SENT')],
    ['recordRecordsReleaseRefused', notClosed && items.some((item) => item.status === 'REQUESTED')],
    ['recordOpinionReceived', notClosed && requests.some((request) => request.status === 'REQUESTED')],
    ['cancelOpinionRequest', notClosed && requests.some((request) => request.status === 'REQUESTED')],
    ['raiseConflict', open && requests.some((request) => request.status === 'RECEIVED')],
    ['resolveConflict', notClosed && c.conflicts.some((conflict) => conflict.standing === 'OPEN')],
    ['makeDecision', open],
    ['assignCaseManager', role === 'SUPERVISOR'],
    ['closeCase', notClosed],
    ['reopenCase', c.status === 'CLOSED'],
    ['erasePatientData', role === 'SUPERVISOR' && c.status === 'CLOSED'],
  ];
  return rules.filter(([, allowed]) => allowed).map(([id]) => id);
};
