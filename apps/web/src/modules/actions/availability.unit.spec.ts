import { aCase, opinionRequest, receivedOpinion, recordItem } from '../../../test/factories/case';
import { availableActions } from './availability';

describe('the actions a case offers', () => {
  it('offers an auditor nothing at all', () => {
    expect(availableActions(aCase(), 'AUDITOR')).toEqual([]);
  });

  it('offers reassignment to supervisors only', () => {
    expect(availableActions(aCase(), 'SUPERVISOR')).toContain('assignCaseManager');
    expect(availableActions(aCase(), 'CASE_MANAGER')).not.toContain('assignCaseManager');
  });

  it('offers a closed case only notes, reassignment, reopening and, to supervisors, erasure', () => {
    expect(availableActions(aCase({ status: 'CLOSED' }), 'SUPERVISOR').sort()).toEqual(
      ['addNote', 'assignCaseManager', 'erasePatientData', 'reopenCase'].sort(),
    );
    expect(availableActions(aCase({ status: 'CLOSED' }), 'CASE_MANAGER')).not.toContain('erasePatientData');
    expect(availableActions(aCase(), 'SUPERVISOR')).not.toContain('erasePatientData');
  });

  it("offers nothing on a case whose patient's data was erased", () => {
    const erasure = {
      __typename: 'Erasure' as const,
      erasedAt: '2026-11-20T09:00:00.000Z',
      reason: 'PATIENT_REQUEST' as const,
      erasedBy: 'sam',
    };
    expect(availableActions(aCase({ status: 'CLOSED', erasure }), 'SUPERVISOR')).toEqual([]);
  });

  it('offers record steps only for items in a state that allows them', () => {
    const requested = aCase({ requests: [opinionRequest({ records: [recordItem({ status: 'REQUESTED' })] })] });
    expect(availableActions(requested, 'CASE_MANAGER')).toEqual(
      expect.arrayContaining(['markRecordsSent', 'recordRecordsReleaseRefused']),
    );
    expect(availableActions(requested, 'CASE_MANAGER')).not.toContain('markRecordsReceived');
    const sent = aCase({ requests: [opinionRequest({ records: [recordItem({ status: 'SENT' })] })] });
    expect(availableActions(sent, 'CASE_MANAGER')).toContain('markRecordsReceived');
    expect(availableActions(sent, 'CASE_MANAGER')).not.toContain('recordRecordsReleaseRefused');
  });

  it('offers raising a conflict once an opinion has come in, and no new request after the decision', () => {
    const received = aCase({
      requests: [opinionRequest({ status: 'RECEIVED', opinion: receivedOpinion('Astrocytoma', 'Surgery') })],
    });
    expect(availableActions(received, 'CASE_MANAGER')).toContain('raiseConflict');
    expect(availableActions(aCase(), 'CASE_MANAGER')).not.toContain('raiseConflict');
    const decided = availableActions({ ...received, status: 'DECIDED' }, 'CASE_MANAGER');
    expect(decided).not.toContain('requestOpinion');
    expect(decided).not.toContain('makeDecision');
    expect(decided).toContain('closeCase');
  });
});
