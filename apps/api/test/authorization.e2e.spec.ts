import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import { eventually, startHarness, subscribe } from './app-harness';
import type { GraphQLResponse, Harness, TestUser } from './app-harness';
import { CASE_QUERY, mutationDocument } from './factories/documents';
import { expertInput, inDays, openCaseInput, recordItemsInput } from './factories/inputs';

type Payload = { version: number; case: { id: string } };

/** Every case mutation with an input that is valid on the case below, so only authorization can refuse it. */
const caseMutations = (caseId: string, managerId: string): [string, Record<string, unknown>][] => [
  ['assignCaseManager', { caseId, caseManagerId: managerId }],
  ['setDecisionDeadline', { caseId, deadline: inDays(30), source: 'Oncologist' }],
  ['informOriginalClinician', { caseId, method: 'LETTER' }],
  [
    'requestOpinion',
    { caseId, requestId: 'r2', expert: expertInput('Dr. Y', 'Harbor Institute'), reviewMode: 'REMOTE' },
  ],
  ['recordInsuranceCoverage', { caseId, requestId: 'r1', coverage: { covered: true, inPlanExpertRequired: false } }],
  ['requestRecords', { caseId, requestId: 'r1', items: recordItemsInput().slice(1, 2) }],
  ['markRecordsSent', { caseId, requestId: 'r1', itemIds: ['chart'] }],
  ['markRecordsReceived', { caseId, requestId: 'r1', itemIds: ['chart'] }],
  ['recordRecordsReleaseRefused', { caseId, requestId: 'r1', itemIds: ['chart'], refusedBy: 'Lab', reason: 'Unpaid' }],
  [
    'recordOpinionReceived',
    {
      caseId,
      requestId: 'r1',
      diagnosis: 'd',
      recommendedTreatment: 't',
      changesDiagnosis: false,
      changesTreatment: false,
    },
  ],
  ['cancelOpinionRequest', { caseId, requestId: 'r1', reason: 'Patient chose another expert' }],
  ['raiseConflict', { caseId, conflictId: 'c1', subject: 'TREATMENT', between: ['original', 'r1'], description: 'x' }],
  ['resolveConflict', { caseId, conflictId: 'c1', resolution: 'PATIENT_JUDGEMENT', outcome: 'x' }],
  ['makeDecision', { caseId, optionChosen: 'Surgery', followsOpinionOf: 'original', rationaleInPatientsWords: 'Sure' }],
  ['closeCase', { caseId, reason: 'PATIENT_WITHDREW' }],
  ['reopenCase', { caseId, reason: 'New findings' }],
  ['addNote', { caseId, noteId: 'n1', text: 'Called the lab' }],
];

describe('who may read, change and follow a case', () => {
  let harness: Harness;
  let owner: TestUser;
  let other: TestUser;
  let supervisor: TestUser;
  let auditor: TestUser;
  let caseId: string;
  let othersCaseId: string;

  const open = async (user: TestUser, name: string) => {
    const response = await harness.gql<{ openCase: Payload }>(
      mutationDocument('openCase'),
      { input: openCaseInput(user.id, { personal: { patientName: name } }) },
      user.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.openCase.case.id;
  };
  const streamOf = async (id: string) =>
    (await collect(harness.store.readStream(caseStreamId(id)))).map((event) => event.eventId);
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
  /** graphql-ws reports a subscription refused at its start through the error callback, as a list of GraphQL errors. */
  const refusalCode = (subscription: { received: GraphQLResponse<unknown>[]; failure: () => unknown }) => {
    const failure = subscription.failure();
    const errors = Array.isArray(failure) ? (failure as GraphQLResponse['errors']) : subscription.received[0]?.errors;
    return errors?.[0]?.extensions?.code ?? JSON.stringify(failure);
  };

  beforeAll(async () => {
    harness = await startHarness('authorization');
    owner = await harness.user('CASE_MANAGER', 'manager-owner');
    other = await harness.user('CASE_MANAGER', 'manager-other');
    supervisor = await harness.user('SUPERVISOR', 'supervisor-sue');
    auditor = await harness.user('AUDITOR', 'auditor-al');
    caseId = await open(owner, 'Owner Patient');
    othersCaseId = await open(other, 'Other Patient');
    const request = await harness.gql(
      mutationDocument('requestOpinion'),
      { input: { caseId, requestId: 'r1', expert: expertInput('Dr. X', 'Lakeside'), reviewMode: 'IN_PERSON' } },
      owner.token,
    );
    expect(request.errors).toBeUndefined();
    const records = await harness.gql(
      mutationDocument('requestRecords'),
      { input: { caseId, requestId: 'r1', items: recordItemsInput().slice(0, 1) } },
      owner.token,
    );
    expect(records.errors).toBeUndefined();
  });
  afterAll(() => harness?.close());

  describe('queries', () => {
    it.each([
      ['case', CASE_QUERY, (id: string) => ({ id })],
      [
        'caseAsOf',
        'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { id } }',
        (id: string) => ({ id, at: inDays(0) }),
      ],
    ])(
      '%s: another manager is refused, the owner, supervisors and auditors are served',
      async (_name, query, variables) => {
        expect(codeOf(await harness.gql(query, variables(caseId), other.token))).toBe('FORBIDDEN');
        for (const reader of [owner, supervisor, auditor]) {
          const response = await harness.gql<Record<string, { id: string }>>(query, variables(caseId), reader.token);
          expect(response.errors).toBeUndefined();
          expect(Object.values(response.data!)[0]!.id).toBe(caseId);
        }
      },
    );

    it("cases: a manager's caseload holds only their cases, and asking for another's is refused", async () => {
      const ids = async (user: TestUser) => {
        const response = await harness.gql<{ cases: { totalCount: number; edges: { node: { id: string } }[] } }>(
          '{ cases(first: 50) { totalCount edges { node { id } } } }',
          {},
          user.token,
        );
        expect(response.errors).toBeUndefined();
        return response.data!.cases.edges.map((edge) => edge.node.id).sort();
      };
      expect(await ids(other)).toEqual([othersCaseId]);
      expect(await ids(owner)).toEqual([caseId]);
      expect(await ids(auditor)).toEqual([caseId, othersCaseId].sort());
      const peek = await harness.gql(
        'query($m: String) { cases(filter: { caseManagerId: $m }) { totalCount } }',
        { m: owner.id },
        other.token,
      );
      expect(codeOf(peek)).toBe('FORBIDDEN');
    });

    it("outcomeStats: a manager sees their own figures and is refused another's", async () => {
      const query =
        'query($m: String) { outcomeStats(caseManagerId: $m) { overall { cases } byManager { caseManagerId } } }';
      const own = await harness.gql<{
        outcomeStats: { overall: { cases: number }; byManager: { caseManagerId: string }[] };
      }>(query, {}, other.token);
      expect(own.errors).toBeUndefined();
      expect(own.data!.outcomeStats.overall.cases).toBe(1);
      expect(own.data!.outcomeStats.byManager.map((row) => row.caseManagerId)).toEqual([other.id]);
      expect(codeOf(await harness.gql(query, { m: owner.id }, other.token))).toBe('FORBIDDEN');
      const all = await harness.gql<{ outcomeStats: { overall: { cases: number } } }>(query, {}, supervisor.token);
      expect(all.data!.outcomeStats.overall.cases).toBe(2);
    });
  });

  describe('mutations', () => {
    const rows = () => caseMutations(caseId, other.id);

    it.each(caseMutations('', '').map(([mutation]) => mutation))(
      '%s on another manager’s case is FORBIDDEN for a case manager and for an auditor, and records nothing',
      async (mutation) => {
        const input = rows().find(([name]) => name === mutation)![1];
        const before = await streamOf(caseId);
        for (const intruder of [other, auditor]) {
          const response = await harness.gql(mutationDocument(mutation), { input }, intruder.token);
          expect(codeOf(response)).toBe('FORBIDDEN');
          expect(response.data?.[mutation as never] ?? null).toBeNull();
        }
        expect(await streamOf(caseId)).toEqual(before);
      },
    );

    it('assignCaseManager is for supervisors only, even on a manager’s own case', async () => {
      const response = await harness.gql(
        mutationDocument('assignCaseManager'),
        { input: { caseId, caseManagerId: other.id } },
        owner.token,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
    });

    it('openCase: a manager cannot open a case into another caseload; an auditor cannot open one at all', async () => {
      const casesBefore = await harness.gql<{ cases: { totalCount: number } }>(
        '{ cases { totalCount } }',
        {},
        supervisor.token,
      );
      for (const intruder of [other, auditor]) {
        const response = await harness.gql(
          mutationDocument('openCase'),
          { input: openCaseInput(owner.id) },
          intruder.token,
        );
        expect(codeOf(response)).toBe('FORBIDDEN');
      }
      const casesAfter = await harness.gql<{ cases: { totalCount: number } }>(
        '{ cases { totalCount } }',
        {},
        supervisor.token,
      );
      expect(casesAfter.data!.cases.totalCount).toBe(casesBefore.data!.cases.totalCount);
    });

    it("reusing the owner's commandId gets FORBIDDEN, not the owner's case as a duplicate", async () => {
      const input = { caseId, noteId: 'n-known-id', text: 'Sent the slides', commandId: 'cmd-owner-note' };
      const sent = await harness.gql(mutationDocument('addNote'), { input }, owner.token);
      expect(sent.errors).toBeUndefined();
      const replayed = await harness.gql(mutationDocument('addNote'), { input }, other.token);
      expect(codeOf(replayed)).toBe('FORBIDDEN');
      expect(replayed.data?.addNote ?? null).toBeNull();
    });

    it('the owner and a supervisor may change the case', async () => {
      for (const [user, noteId] of [
        [owner, 'n-owner'],
        [supervisor, 'n-supervisor'],
      ] as const) {
        const response = await harness.gql(
          mutationDocument('addNote'),
          { input: { caseId, noteId, text: 'Spoke with the patient' } },
          user.token,
        );
        expect(response.errors).toBeUndefined();
      }
    });
  });

  describe('subscriptions', () => {
    it("caseUpdated on another manager's case is refused; caseloadChanged carries only the manager's own cases", async () => {
      const refused = subscribe(
        harness.ws(other.token),
        'subscription($id: ID!) { caseUpdated(caseId: $id) { version } }',
        { id: caseId },
      );
      const caseload = subscribe<{ caseloadChanged: { caseId: string } }>(
        harness.ws(other.token),
        'subscription { caseloadChanged { caseId version } }',
      );
      const watching = subscribe<{ caseUpdated: { version: number } }>(
        harness.ws(auditor.token),
        'subscription($id: ID!) { caseUpdated(caseId: $id) { version } }',
        { id: caseId },
      );
      await eventually(() => refused.received.length > 0 || refused.failure() !== undefined);
      expect(refusalCode(refused)).toBe('FORBIDDEN');
      // Subscriptions are registered asynchronously: keep changing the owner's case until the auditor hears of it,
      // then change the other manager's case, which must be the first thing their caseload delivers.
      let note = 0;
      await eventually(async () => {
        note += 1;
        await harness.gql(
          mutationDocument('addNote'),
          { input: { caseId, noteId: `n-sub-${note}`, text: 'Chased the lab' } },
          owner.token,
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        return watching.received.length > 0;
      });
      const own = await harness.gql(
        mutationDocument('addNote'),
        { input: { caseId: othersCaseId, noteId: 'n-own', text: 'Booked the appointment' } },
        other.token,
      );
      expect(own.errors).toBeUndefined();
      await eventually(() => caseload.received.length > 0);
      expect(caseload.received.map((message) => message.data?.caseloadChanged.caseId)).toEqual([othersCaseId]);
    });

    it('a subscription over the cost limit is refused before it starts, as over HTTP', async () => {
      const fields = Array.from({ length: 6_000 }, (_, index) => `f${index}: caseId`).join(' ');
      const greedy = subscribe(harness.ws(auditor.token), `subscription { caseloadChanged { ${fields} } }`);
      await eventually(() => greedy.received.length > 0 || greedy.failure() !== undefined);
      expect(refusalCode(greedy)).toBe('BAD_USER_INPUT');
    });
  });

  describe('without a valid token', () => {
    const anonymousOperations: [string, string, Record<string, unknown>][] = [
      ['me', '{ me { id } }', {}],
      ['cases', '{ cases { totalCount } }', {}],
      ['case', 'query($id: ID!) { case(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000001' }],
      ['outcomeStats', '{ outcomeStats { overall { cases } } }', {}],
    ];

    it.each(anonymousOperations)(
      '%s answers UNAUTHENTICATED with no token, a forged token or garbage',
      async (_name, query, variables) => {
        const forged = `${owner.token.slice(0, -4)}AAAA`;
        for (const token of [undefined, forged, 'not-a-jwt']) {
          const response = await harness.gql(query, variables, token);
          expect(codeOf(response)).toBe('UNAUTHENTICATED');
          expect(response.data ?? null).toBeNull();
        }
      },
    );

    it('every mutation but login answers UNAUTHENTICATED and records nothing', async () => {
      const before = await streamOf(caseId);
      for (const [mutation, input] of [
        ['openCase', openCaseInput(owner.id)] as const,
        ...caseMutations(caseId, other.id),
      ]) {
        expect(codeOf(await harness.gql(mutationDocument(mutation), { input }))).toBe('UNAUTHENTICATED');
      }
      expect(await streamOf(caseId)).toEqual(before);
    });

    it('login refuses a wrong password with the same answer as an unknown email', async () => {
      const login = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
      const wrong = await harness.gql(login, { e: owner.email, p: 'not-the-password' });
      const unknown = await harness.gql(login, { e: 'nobody@clinic.test', p: 'not-the-password' });
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
    });

    it('subscriptions over WebSocket answer UNAUTHENTICATED', async () => {
      for (const token of [undefined, 'not-a-jwt']) {
        const attempt = subscribe(harness.ws(token), 'subscription { caseloadChanged { caseId } }');
        await eventually(() => attempt.received.length > 0 || attempt.failure() !== undefined);
        expect(refusalCode(attempt)).toBe('UNAUTHENTICATED');
      }
    });
  });
});
