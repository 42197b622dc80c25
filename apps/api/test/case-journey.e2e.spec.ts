import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import { eventually, startHarness, subscribe } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { CASE_QUERY, mutationDocument } from './factories/documents';
import { expertInput, inDays, openCaseInput, recordItemsInput } from './factories/inputs';

type CaseData = Record<string, unknown> & {
  id: string;
  version: number;
  status: string;
  conflicts: { conflictId: string; raisedAutomatically: boolean; resolution: string | null }[];
};
type Payload = { version: number; caughtUp: boolean; case: CaseData };

describe('a case from opening to closing, over HTTP and WebSocket', () => {
  let harness: Harness;
  let manager: TestUser;
  let supervisor: TestUser;
  let caseId: string;
  const send = async (mutation: string, input: Record<string, unknown>, user = manager): Promise<CaseData> => {
    const response = await harness.gql<Record<string, Payload>>(
      mutationDocument(mutation),
      { input: { caseId, ...input } },
      user.token,
    );
    expect(response.errors).toBeUndefined();
    const payload = response.data![mutation]!;
    expect(payload.caughtUp).toBe(true);
    return payload.case;
  };

  beforeAll(async () => {
    harness = await startHarness('case_journey');
    manager = await harness.user('CASE_MANAGER', 'manager-ana');
    supervisor = await harness.user('SUPERVISOR', 'supervisor-sam');
  });
  afterAll(() => harness?.close());

  it('records every step, raises the conflict itself, and tells subscribers', async () => {
    const caseload = subscribe<{ caseloadChanged: { caseId: string; eventTypes: string[] } }>(
      harness.ws(supervisor.token),
      'subscription { caseloadChanged { caseId version eventTypes } }',
    );
    const opened = await harness.gql<{ openCase: Payload }>(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id) },
      manager.token,
    );
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openCase.case.id;
    expect(opened.data!.openCase.case).toMatchObject({
      status: 'OPEN',
      version: 2,
      caseManagerId: 'manager-ana',
      patient: { name: 'Maria Lopez' },
    });
    const detail = subscribe<{ caseUpdated: { version: number } }>(
      harness.ws(manager.token),
      'subscription($id: ID!) { caseUpdated(caseId: $id) { version eventTypes } }',
      { id: caseId },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    await send('setDecisionDeadline', { deadline: inDays(21), source: 'Dr. Greer: decide within three weeks' });
    await send('informOriginalClinician', { method: 'PHONE', reasonGiven: 'Importance of the decision' });
    await send('requestOpinion', {
      requestId: 'r1',
      expert: expertInput('Dr. Ines Park', 'Lakeside Cancer Center'),
      reviewMode: 'IN_PERSON',
    });
    const withTwo = await send('requestOpinion', {
      requestId: 'r2',
      expert: expertInput('Dr. Omar Haddad', 'University Hospital'),
      reviewMode: 'REMOTE',
    });
    expect(withTwo).toMatchObject({
      requests: [
        { requestId: 'r1', ordinal: 2 },
        { requestId: 'r2', ordinal: 3 },
      ],
    });
    await send('recordInsuranceCoverage', {
      requestId: 'r1',
      coverage: { covered: true, inPlanExpertRequired: false },
    });
    await send('recordInsuranceCoverage', {
      requestId: 'r2',
      coverage: {
        covered: false,
        inPlanExpertRequired: true,
        remoteReviewCovered: false,
        selfPayFeeCents: 85000,
        currency: 'USD',
        paymentPlan: '3 instalments',
      },
    });

    for (const requestId of ['r1', 'r2']) {
      await send('requestRecords', { requestId, items: recordItemsInput() });
    }
    const refused = await send('recordRecordsReleaseRefused', {
      requestId: 'r1',
      itemIds: ['mri'],
      refusedBy: 'Riverside Imaging',
      reason: 'Signed release missing',
    });
    expect(refused.warnings).toContainEqual({ code: 'RECORDS_RELEASE_REFUSED', requestId: 'r1', itemIds: ['mri'] });
    for (const requestId of ['r1', 'r2']) {
      await send('markRecordsSent', {
        requestId,
        itemIds: ['chart', 'mri', 'slides'],
        trackingReference: 'courier 42',
      });
      await send('markRecordsReceived', { requestId, itemIds: ['chart', 'mri', 'slides'] });
    }

    await send('recordOpinionReceived', {
      requestId: 'r1',
      diagnosis: 'Stage II invasive ductal carcinoma',
      recommendedTreatment: 'Mastectomy followed by chemotherapy',
      changesDiagnosis: false,
      changesTreatment: false,
    });
    await send('recordOpinionReceived', {
      requestId: 'r2',
      diagnosis: 'Stage II invasive ductal carcinoma',
      recommendedTreatment: 'Neoadjuvant chemotherapy, then lumpectomy',
      changesDiagnosis: false,
      changesTreatment: true,
    });
    let conflicted: CaseData | undefined;
    await eventually(async () => {
      const response = await harness.gql<{ case: CaseData }>(CASE_QUERY, { id: caseId }, manager.token);
      conflicted = response.data?.case;
      return (conflicted?.conflicts.length ?? 0) > 0;
    });
    expect(conflicted!.conflicts).toEqual([
      {
        conflictId: 'auto:treatment:r2',
        subject: 'TREATMENT',
        between: ['r2', 'original', 'r1'],
        raisedAutomatically: true,
        resolution: null,
        furtherOpinionRequestId: null,
      },
    ]);

    await send('requestOpinion', {
      requestId: 'r3',
      expert: expertInput('Dr. Lena Vogt', 'Northern Academic Medical Center'),
      reviewMode: 'IN_PERSON',
    });
    await send('recordOpinionReceived', {
      requestId: 'r3',
      diagnosis: 'Stage II invasive ductal carcinoma',
      recommendedTreatment: 'Mastectomy, then chemotherapy',
      changesDiagnosis: false,
      changesTreatment: false,
    });
    await send('resolveConflict', {
      conflictId: 'auto:treatment:r2',
      resolution: 'FURTHER_OPINION',
      furtherOpinionRequestId: 'r3',
      outcome: 'Third opinion sides with the original plan',
    });
    const beforeDecision = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const decided = await send('makeDecision', {
      optionChosen: 'Mastectomy followed by chemotherapy',
      followsOpinionOf: 'original',
      rationaleInPatientsWords: 'Three doctors, two agree; I want the surest path.',
    });
    expect(decided).toMatchObject({
      status: 'DECIDED',
      decision: { recordedBy: 'manager-ana', openConflictsAcknowledged: [] },
    });
    const closed = await send('closeCase', { reason: 'DECISION_MADE' });
    expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'DECISION_MADE', warnings: [] });

    // The caseload, filtered and searched.
    const caseloadPage = await harness.gql<{
      cases: { totalCount: number; edges: { node: { id: string; status: string; openConflicts: number } }[] };
    }>(
      '{ cases(filter: { search: "lopez", status: [CLOSED] }) { totalCount edges { node { id status openConflicts } } } }',
      {},
      manager.token,
    );
    expect(caseloadPage.data!.cases).toEqual({
      totalCount: 1,
      edges: [{ node: { id: caseId, status: 'CLOSED', openConflicts: 0 } }],
    });

    // Case detail and its timeline: every event, each with its actor.
    const events = await collect(harness.store.readStream(caseStreamId(caseId)));
    const full = await harness.gql<{
      case: CaseData & { timeline: { totalCount: number; entries: { eventType: string; actorId: string }[] } };
    }>(CASE_QUERY, { id: caseId }, supervisor.token);
    const timeline = full.data!.case.timeline;
    expect(timeline.totalCount).toBe(events.length);
    expect(timeline.entries.map((entry) => entry.eventType)).toEqual(events.map((event) => event.type));
    expect(
      timeline.entries.every(
        (entry) =>
          entry.actorId === 'manager-ana' || (entry.eventType === 'ConflictRaised' && entry.actorId === 'system'),
      ),
    ).toBe(true);
    expect(full.data!.case).toMatchObject({
      status: 'CLOSED',
      requests: [{ status: 'RECEIVED' }, { status: 'RECEIVED' }, { status: 'RECEIVED' }],
    });

    // As it stood before the decision: conflict resolved, no decision yet.
    const asOf = await harness.gql<{ caseAsOf: CaseData }>(
      'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { status version decision { optionChosen } conflicts { resolution } } }',
      { id: caseId, at: beforeDecision },
      supervisor.token,
    );
    expect(asOf.data!.caseAsOf).toEqual({
      status: 'OPEN',
      version: events.length - 2,
      decision: null,
      conflicts: [{ resolution: 'FURTHER_OPINION' }],
    });

    // Outcome figures beside the published ones.
    const stats = await harness.gql<{ outcomeStats: Record<string, Record<string, number>> }>(
      '{ outcomeStats { overall { cases receivedOpinions treatmentChanged treatmentChangedRate diagnosisChangedRate decidedCases conflictsPerCase } baseline { diagnosisChangedRate treatmentChangedRate } } }',
      {},
      supervisor.token,
    );
    expect(stats.data!.outcomeStats).toEqual({
      overall: {
        cases: 1,
        receivedOpinions: 3,
        treatmentChanged: 1,
        treatmentChangedRate: 1 / 3,
        diagnosisChangedRate: 0,
        decidedCases: 1,
        conflictsPerCase: 1,
      },
      baseline: { diagnosisChangedRate: 0.148, treatmentChangedRate: 0.374 },
    });

    // Subscribers heard of it.
    await eventually(() => detail.received.some((message) => message.data?.caseUpdated.version === events.length));
    expect(
      caseload.received.filter((message) => message.data?.caseloadChanged.caseId === caseId).length,
    ).toBeGreaterThan(10);
    expect(caseload.received.flatMap((message) => message.data?.caseloadChanged.eventTypes ?? [])).toEqual(
      expect.arrayContaining(['CaseOpened', 'ConflictRaised', 'CaseClosed']),
    );
  });
});
