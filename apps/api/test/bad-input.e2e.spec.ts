import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { expertInput, inDays, openCaseInput, recordItemsInput } from './factories/inputs';

type Payload = { version: number; duplicate: boolean; case: { id: string } };
const UNKNOWN_CASE = '00000000-0000-4000-8000-000000000000';

describe('bad input to every mutation', () => {
  let harness: Harness;
  let manager: TestUser;
  let supervisor: TestUser;
  let caseId: string;
  let closedCaseId: string;

  const send = (mutation: string, input: Record<string, unknown>, user = manager) =>
    harness.gql<Record<string, Payload>>(mutationDocument(mutation), { input }, user.token);
  const eventIds = async (id: string) =>
    (await collect(harness.store.readStream(caseStreamId(id)))).map((event) => event.eventId);
  const ok = async (mutation: string, input: Record<string, unknown>, user = manager) => {
    const response = await send(mutation, input, user);
    expect(response.errors).toBeUndefined();
    return response.data![mutation]!;
  };

  beforeAll(async () => {
    harness = await startHarness('bad_input');
    manager = await harness.user('CASE_MANAGER', 'manager-bo');
    supervisor = await harness.user('SUPERVISOR');
    caseId = (await ok('openCase', openCaseInput(manager.id))).case.id;
    await ok('requestOpinion', {
      caseId,
      requestId: 'r1',
      expert: expertInput('Dr. Park', 'Lakeside'),
      reviewMode: 'IN_PERSON',
    });
    await ok('requestRecords', { caseId, requestId: 'r1', items: recordItemsInput() });
    closedCaseId = (
      await ok(
        'openCase',
        openCaseInput(manager.id, { condition: { name: 'Prostate cancer', severity: 'SERIOUS', isCancer: true } }),
      )
    ).case.id;
    await ok('closeCase', { caseId: closedCaseId, reason: 'PATIENT_WITHDREW' });
  });
  afterAll(() => harness?.close());

  type Rejection = [
    mutation: string,
    label: string,
    input: () => Record<string, unknown>,
    code: string,
    message: RegExp,
  ];
  const rejections: Rejection[] = [
    [
      'openCase',
      'a missing patient name',
      () => ({ ...openCaseInput('manager-bo'), personal: { birthDate: '1961-04-09' } }),
      'BAD_USER_INPUT',
      /patientName/,
    ],
    [
      'openCase',
      'an oversized patient name',
      () => openCaseInput('manager-bo', { personal: { patientName: 'x'.repeat(201) } }),
      'BAD_USER_INPUT',
      /at most 200 characters/,
    ],
    [
      'openCase',
      'an impossible birth date',
      () => openCaseInput('manager-bo', { personal: { patientName: 'A B', birthDate: '2023-02-30' } }),
      'BAD_USER_INPUT',
      /not a real calendar date/,
    ],
    [
      'assignCaseManager',
      'an unknown case',
      () => ({ caseId: UNKNOWN_CASE, caseManagerId: 'manager-bo' }),
      'NOT_FOUND',
      /No case/,
    ],
    [
      'assignCaseManager',
      'the same manager',
      () => ({ caseId, caseManagerId: 'manager-bo' }),
      'BAD_USER_INPUT',
      /already assigned/,
    ],
    [
      'setDecisionDeadline',
      'a date that is not a date',
      () => ({ caseId, deadline: 'next tuesday', source: 'x' }),
      'BAD_USER_INPUT',
      /DateTime/,
    ],
    [
      'setDecisionDeadline',
      'a deadline in the past',
      () => ({ caseId, deadline: inDays(-1), source: 'x' }),
      'BAD_USER_INPUT',
      /not after now/,
    ],
    [
      'informOriginalClinician',
      'a stale expectedVersion',
      () => ({ caseId, method: 'PHONE', expectedVersion: 1 }),
      'CONFLICT',
      /not 1/,
    ],
    [
      'requestOpinion',
      'a request id used before',
      () => ({ caseId, requestId: 'r1', expert: expertInput('Dr. X', 'Y'), reviewMode: 'REMOTE' }),
      'CONFLICT',
      /already exists/,
    ],
    [
      'requestOpinion',
      'a request id with spaces',
      () => ({ caseId, requestId: 'r 2', expert: expertInput('Dr. X', 'Y'), reviewMode: 'REMOTE' }),
      'BAD_USER_INPUT',
      /requestId/,
    ],
    [
      'requestOpinion',
      'a closed case',
      () => ({ caseId: closedCaseId, requestId: 'r9', expert: expertInput('Dr. X', 'Y'), reviewMode: 'REMOTE' }),
      'BAD_USER_INPUT',
      /closed/,
    ],
    [
      'recordInsuranceCoverage',
      'a negative fee',
      () => ({
        caseId,
        requestId: 'r1',
        coverage: { covered: false, inPlanExpertRequired: false, selfPayFeeCents: -5 },
      }),
      'BAD_USER_INPUT',
      /between 0/,
    ],
    [
      'recordInsuranceCoverage',
      'an unknown request',
      () => ({ caseId, requestId: 'r7', coverage: { covered: true, inPlanExpertRequired: false } }),
      'NOT_FOUND',
      /r7/,
    ],
    [
      'requestRecords',
      'no items',
      () => ({ caseId, requestId: 'r1', items: [] }),
      'BAD_USER_INPUT',
      /between 1 and 50/,
    ],
    [
      'requestRecords',
      'an item requested before',
      () => ({ caseId, requestId: 'r1', items: recordItemsInput().slice(0, 1) }),
      'CONFLICT',
      /already requested/,
    ],
    [
      'markRecordsSent',
      'an unknown item',
      () => ({ caseId, requestId: 'r1', itemIds: ['ct-scan'] }),
      'NOT_FOUND',
      /ct-scan/,
    ],
    [
      'markRecordsReceived',
      'an item never sent',
      () => ({ caseId, requestId: 'r1', itemIds: ['mri'] }),
      'BAD_USER_INPUT',
      /requested and cannot be received/,
    ],
    [
      'recordRecordsReleaseRefused',
      'an oversized reason',
      () => ({ caseId, requestId: 'r1', itemIds: ['mri'], refusedBy: 'Lab', reason: 'x'.repeat(501) }),
      'BAD_USER_INPUT',
      /at most 500/,
    ],
    [
      'recordOpinionReceived',
      'an unknown request',
      () => ({
        caseId,
        requestId: 'nope',
        diagnosis: 'd',
        recommendedTreatment: 't',
        changesDiagnosis: false,
        changesTreatment: false,
      }),
      'NOT_FOUND',
      /nope/,
    ],
    [
      'cancelOpinionRequest',
      'a blank reason',
      () => ({ caseId, requestId: 'r1', reason: '   ' }),
      'BAD_USER_INPUT',
      /must not be empty/,
    ],
    [
      'raiseConflict',
      'an opinion not yet received',
      () => ({ caseId, conflictId: 'c1', subject: 'DIAGNOSIS', between: ['original', 'r1'], description: 'x' }),
      'BAD_USER_INPUT',
      /received opinion/,
    ],
    [
      'resolveConflict',
      'an unknown conflict',
      () => ({ caseId, conflictId: 'c9', resolution: 'PATIENT_JUDGEMENT', outcome: 'x' }),
      'NOT_FOUND',
      /c9/,
    ],
    [
      'makeDecision',
      'following an unknown opinion',
      () => ({ caseId, optionChosen: 'x', followsOpinionOf: 'r8', rationaleInPatientsWords: 'y' }),
      'NOT_FOUND',
      /r8/,
    ],
    [
      'closeCase',
      'closing as decided without a decision',
      () => ({ caseId, reason: 'DECISION_MADE' }),
      'BAD_USER_INPUT',
      /no decision/,
    ],
    [
      'reopenCase',
      'a case that is not closed',
      () => ({ caseId, reason: 'x' }),
      'BAD_USER_INPUT',
      /closed case can be reopened/,
    ],
    [
      'addNote',
      'an oversized note',
      () => ({ caseId, noteId: 'n1', text: 'x'.repeat(4001) }),
      'BAD_USER_INPUT',
      /at most 4000/,
    ],
    ['addNote', 'a malformed case id', () => ({ caseId: 'case-1', noteId: 'n1', text: 'x' }), 'BAD_USER_INPUT', /UUID/],
  ];

  // One object per row: jest-each treats a callback with more parameters than the row has as `done`-style.
  it.each(rejections.map(([mutation, label, input, code, message]) => ({ mutation, label, input, code, message })))(
    '$mutation rejects $label with $code and records nothing',
    async ({ mutation, input, code, message }) => {
      const target = (input().caseId as string | undefined) ?? caseId;
      const before = target === UNKNOWN_CASE || !/^[0-9a-f-]{36}$/.test(target) ? [] : await eventIds(target);
      const casesBefore = await harness.gql<{ cases: { totalCount: number } }>(
        '{ cases { totalCount } }',
        {},
        supervisor.token,
      );
      const response = await send(mutation, input(), mutation === 'assignCaseManager' ? supervisor : manager);
      expect(response.data?.[mutation] ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      expect(response.errors?.[0]?.message).toMatch(message);
      if (before.length > 0) {
        expect(await eventIds(target)).toEqual(before);
      }
      const casesAfter = await harness.gql<{ cases: { totalCount: number } }>(
        '{ cases { totalCount } }',
        {},
        supervisor.token,
      );
      expect(casesAfter.data!.cases.totalCount).toBe(casesBefore.data!.cases.totalCount);
    },
  );

  it('records a command once when its commandId is sent twice, and refuses the id for another command', async () => {
    const first = await ok('addNote', { caseId, noteId: 'n-dup', text: 'Called the lab', commandId: 'cmd-note-1' });
    const before = await eventIds(caseId);
    const again = await ok('addNote', { caseId, noteId: 'n-dup', text: 'Called the lab', commandId: 'cmd-note-1' });
    expect(again).toMatchObject({ duplicate: true, version: first.version });
    const reused = await send('informOriginalClinician', { caseId, method: 'PHONE', commandId: 'cmd-note-1' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await eventIds(caseId)).toEqual(before);
  });

  it('scopes a commandId to its case and its sender: the same id elsewhere is a new command', async () => {
    const note = { noteId: 'n-scope', text: 'Faxed the consent form', commandId: 'cmd-shared-1' };
    const first = await ok('addNote', { caseId, ...note });
    expect(first.duplicate).toBe(false);
    const otherCase = (await ok('openCase', openCaseInput(manager.id))).case.id;
    const elsewhere = await ok('addNote', { caseId: otherCase, ...note });
    expect(elsewhere.duplicate).toBe(false);
    const bySupervisor = await ok('addNote', { caseId, ...note, noteId: 'n-scope-2' }, supervisor);
    expect(bySupervisor.duplicate).toBe(false);
    const streams = [...(await eventIds(caseId)), ...(await eventIds(otherCase))];
    expect(new Set(streams).size).toBe(streams.length);
  });
});
