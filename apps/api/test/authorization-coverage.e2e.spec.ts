import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, startHarness, subscribe } from './app-harness';
import type { GraphQLResponse, Harness } from './app-harness';
import { mutationDocument } from './factories/documents';
import { expertInput, inDays, openCaseInput } from './factories/inputs';

type Who = 'anonymous' | 'owner' | 'otherManager' | 'supervisor' | 'auditor';
/** What each caller gets: through (whatever the case's state then says), or refused with this code. */
type Expect = 'through' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Call = { document: string; variables: (ids: Ids) => Record<string, unknown>; expect: Record<Who, Expect> };
type Ids = { caseId: string; ownerId: string; accountId: string };

const everyoneSignedIn = {
  anonymous: 'UNAUTHENTICATED',
  owner: 'through',
  otherManager: 'through',
  supervisor: 'through',
  auditor: 'through',
} as const;
const caseReaders = { ...everyoneSignedIn, otherManager: 'FORBIDDEN' } as const;
const caseWriters = { ...caseReaders, auditor: 'FORBIDDEN' } as const;
const supervisorsOnly = {
  anonymous: 'UNAUTHENTICATED',
  owner: 'FORBIDDEN',
  otherManager: 'FORBIDDEN',
  supervisor: 'through',
  auditor: 'FORBIDDEN',
} as const;
const auditors = { ...supervisorsOnly, auditor: 'through' } as const;
/** Public operations that check a credential of their own: a made-up one fails alike for everyone. */
const refusedForEveryone = {
  anonymous: 'UNAUTHENTICATED',
  owner: 'UNAUTHENTICATED',
  otherManager: 'UNAUTHENTICATED',
  supervisor: 'UNAUTHENTICATED',
  auditor: 'UNAUTHENTICATED',
} as const;

const caseMutation = (
  name: string,
  input: (ids: Ids) => Record<string, unknown>,
  expect: Record<Who, Expect> = caseWriters,
): Call => ({
  document: mutationDocument(name),
  variables: (ids) => ({ input: { caseId: ids.caseId, ...input(ids) } }),
  expect,
});

/**
 * Every root operation of the schema, with who may call it. The test fails when the schema gains an
 * operation this table does not list: an operation cannot ship without its authorization tested.
 */
const calls: Record<string, Call> = {
  'Query.me': { document: '{ me { id } }', variables: () => ({}), expect: everyoneSignedIn },
  'Query.users': { document: '{ users { id } }', variables: () => ({}), expect: everyoneSignedIn },
  'Query.cases': { document: '{ cases(first: 5) { totalCount } }', variables: () => ({}), expect: everyoneSignedIn },
  'Query.caseloadCounts': { document: '{ caseloadCounts { all } }', variables: () => ({}), expect: everyoneSignedIn },
  'Query.outcomeStats': {
    document: '{ outcomeStats { overall { cases } } }',
    variables: () => ({}),
    expect: everyoneSignedIn,
  },
  'Query.case': {
    document: 'query($id: ID!) { case(id: $id) { id } }',
    variables: (ids) => ({ id: ids.caseId }),
    expect: caseReaders,
  },
  'Query.caseAsOf': {
    document: 'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { id } }',
    variables: (ids) => ({ id: ids.caseId, at: new Date().toISOString() }),
    expect: caseReaders,
  },
  'Query.accessLog': {
    document: '{ accessLog(first: 5) { entries { id } } }',
    variables: () => ({}),
    expect: auditors,
  },
  'Query.accounts': { document: '{ accounts { id } }', variables: () => ({}), expect: supervisorsOnly },
  'Mutation.login': {
    document: 'mutation { login(email: "nobody@clinic.example", password: "wrong-password") { token } }',
    variables: () => ({}),
    // Public by design; a wrong password is UNAUTHENTICATED for everyone alike.
    expect: refusedForEveryone,
  },
  'Mutation.refreshSession': {
    document: 'mutation { refreshSession(refreshToken: "made-up") { token } }',
    variables: () => ({}),
    // Public by design: the refresh token is the credential.
    expect: refusedForEveryone,
  },
  'Mutation.openCase': {
    document: mutationDocument('openCase'),
    variables: (ids) => ({ input: { ...openCaseInput(ids.ownerId), commandId: `open-${Math.random()}` } }),
    // A case manager may open a case only for themself; the owner does here.
    expect: { ...caseWriters, otherManager: 'FORBIDDEN' },
  },
  'Mutation.assignCaseManager': caseMutation('assignCaseManager', (ids) => ({ caseManagerId: ids.ownerId }), {
    ...caseWriters,
    owner: 'FORBIDDEN',
  }),
  'Mutation.setDecisionDeadline': caseMutation('setDecisionDeadline', () => ({
    deadline: inDays(30),
    source: 'Oncologist',
  })),
  'Mutation.informOriginalClinician': caseMutation('informOriginalClinician', () => ({ method: 'LETTER' })),
  'Mutation.requestOpinion': caseMutation('requestOpinion', () => ({
    requestId: `r-${Math.random()}`,
    expert: expertInput('Dr. Y', 'Harbor Institute'),
    reviewMode: 'REMOTE',
  })),
  'Mutation.recordInsuranceCoverage': caseMutation('recordInsuranceCoverage', () => ({
    requestId: 'r1',
    coverage: { covered: true, inPlanExpertRequired: false },
  })),
  'Mutation.requestRecords': caseMutation('requestRecords', () => ({
    requestId: 'r1',
    items: [
      { itemId: `i-${Math.random()}`, kind: 'LAB_RESULTS', description: 'Labs', holder: 'Lab', transferMethod: 'FAX' },
    ],
  })),
  'Mutation.markRecordsSent': caseMutation('markRecordsSent', () => ({ requestId: 'r1', itemIds: ['x'] })),
  'Mutation.markRecordsReceived': caseMutation('markRecordsReceived', () => ({ requestId: 'r1', itemIds: ['x'] })),
  'Mutation.recordRecordsReleaseRefused': caseMutation('recordRecordsReleaseRefused', () => ({
    requestId: 'r1',
    itemIds: ['x'],
    refusedBy: 'Lab',
    reason: 'Unpaid',
  })),
  'Mutation.recordOpinionReceived': caseMutation('recordOpinionReceived', () => ({
    requestId: 'r1',
    diagnosis: 'd',
    recommendedTreatment: 't',
    changesDiagnosis: false,
    changesTreatment: false,
  })),
  'Mutation.cancelOpinionRequest': caseMutation('cancelOpinionRequest', () => ({
    requestId: 'r1',
    reason: 'Another expert',
  })),
  'Mutation.raiseConflict': caseMutation('raiseConflict', () => ({
    conflictId: `c-${Math.random()}`,
    subject: 'TREATMENT',
    between: ['original', 'r1'],
    description: 'x',
  })),
  'Mutation.resolveConflict': caseMutation('resolveConflict', () => ({
    conflictId: 'c1',
    resolution: 'PATIENT_JUDGEMENT',
    outcome: 'x',
  })),
  'Mutation.makeDecision': caseMutation('makeDecision', () => ({
    optionChosen: 'Surgery',
    rationaleInPatientsWords: 'Sure',
  })),
  'Mutation.closeCase': caseMutation('closeCase', () => ({ reason: 'PATIENT_WITHDREW' })),
  'Mutation.reopenCase': caseMutation('reopenCase', () => ({ reason: 'New findings' })),
  'Mutation.addNote': caseMutation('addNote', () => ({ noteId: `n-${Math.random()}`, text: 'Called the lab' })),
  // After reopenCase: the case is open, so the supervisor's call gets through to CASE_NOT_CLOSED and erases nothing.
  'Mutation.erasePatientData': caseMutation('erasePatientData', () => ({ reason: 'PATIENT_REQUEST' }), {
    ...supervisorsOnly,
  }),
  'Mutation.createAccount': {
    document:
      'mutation($e: String!) { createAccount(input: { email: $e, displayName: "New", role: AUDITOR }) { temporaryPassword } }',
    variables: () => ({ e: `new-${Math.random().toString(36).slice(2)}@clinic.example` }),
    expect: supervisorsOnly,
  },
  'Mutation.setAccountDisabled': {
    document: 'mutation($id: ID!) { setAccountDisabled(id: $id, disabled: false) { id } }',
    variables: (ids) => ({ id: ids.accountId }),
    expect: supervisorsOnly,
  },
  'Mutation.changeAccountRole': {
    document: 'mutation($id: ID!) { changeAccountRole(id: $id, role: AUDITOR) { id } }',
    variables: (ids) => ({ id: ids.accountId }),
    expect: supervisorsOnly,
  },
  'Mutation.resetAccountPassword': {
    document: 'mutation($id: ID!) { resetAccountPassword(id: $id) { id: temporaryPassword } }',
    variables: (ids) => ({ id: ids.accountId }),
    expect: supervisorsOnly,
  },
  'Subscription.caseUpdated': {
    document: 'subscription($id: ID!) { caseUpdated(caseId: $id) { version } }',
    variables: (ids) => ({ id: ids.caseId }),
    expect: caseReaders,
  },
  'Subscription.caseloadChanged': {
    document: 'subscription { caseloadChanged { caseId } }',
    variables: () => ({}),
    expect: everyoneSignedIn,
  },
  // Last: it ends the sessions of everyone who calls it.
  'Mutation.signOut': { document: 'mutation { signOut }', variables: () => ({}), expect: everyoneSignedIn },
};

const schemaOperations = (): string[] => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
};

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

describe('authorization, operation by operation', () => {
  let harness: Harness;
  const tokens: Partial<Record<Who, string>> = {};
  let ids: Ids;

  beforeAll(async () => {
    harness = await startHarness('authorization_coverage');
    const owner = await harness.user('CASE_MANAGER', 'owner');
    const otherManager = await harness.user('CASE_MANAGER', 'other-manager');
    const supervisor = await harness.user('SUPERVISOR');
    const auditor = await harness.user('AUDITOR');
    const account = await harness.user('CASE_MANAGER', 'managed-account');
    Object.assign(tokens, {
      owner: owner.token,
      otherManager: otherManager.token,
      supervisor: supervisor.token,
      auditor: auditor.token,
    });
    const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input: openCaseInput(owner.id) },
      owner.token,
    );
    ids = { caseId: opened.data!.openCase.case.id, ownerId: owner.id, accountId: account.id };
  });
  afterAll(() => harness?.close());

  it('lists every operation of the schema, and nothing the schema does not have', () => {
    expect(Object.keys(calls).sort()).toEqual(schemaOperations().sort());
  });

  /** The code the caller got: undefined when the operation went through to the use case. */
  const outcome = async (name: string, call: Call, who: Who): Promise<string | undefined> => {
    const token = who === 'anonymous' ? undefined : tokens[who];
    if (name.startsWith('Subscription.')) {
      const subscription = subscribe(harness.ws(token), call.document, call.variables(ids));
      await eventually(() => subscription.failure() !== undefined || subscription.received.length > 0, 1_000).catch(
        () => undefined,
      );
      const failure = subscription.failure();
      const errors = Array.isArray(failure) ? (failure as GraphQLResponse['errors']) : subscription.received[0]?.errors;
      subscription.stop();
      return errors?.[0]?.extensions?.code;
    }
    const response = await harness.gql(call.document, call.variables(ids), token);
    const extensions = response.errors?.[0]?.extensions;
    // A domain rule's NOT_FOUND (no such request on the case: `domainCode`) means the call got through.
    return extensions?.code && REFUSALS.has(extensions.code) && !extensions.domainCode ? extensions.code : undefined;
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: ${Object.entries(call.expect)
      .map(([who, expected]) => `${who} ${expected === 'through' ? 'may' : expected}`)
      .join(', ')}`, async () => {
      for (const [who, expected] of Object.entries(call.expect) as [Who, Expect][]) {
        const got = await outcome(name, call, who);
        // A case of another caseload may be answered NOT_FOUND as well as FORBIDDEN: neither says it exists.
        const refused = got === 'NOT_FOUND' && expected === 'FORBIDDEN' ? 'FORBIDDEN' : got;
        expect({ who, got: refused ?? 'through' }).toEqual({ who, got: expected });
      }
    });
  }
});
