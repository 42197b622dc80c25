import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import { SignJWT } from 'jose';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';
import { mutationDocument } from './factories/documents';
import { inDays, openCaseInput } from './factories/inputs';

type Errors = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('hostile and careless input', () => {
  let harness: Harness;
  let manager: TestUser;
  let caseId: string;
  const send = (mutation: string, input: Record<string, unknown>) =>
    harness.gql(mutationDocument(mutation), { input }, manager.token);
  const events = async () => (await collect(harness.store.readStream(caseStreamId(caseId)))).length;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}`, ...headers },
      body,
    });

  beforeAll(async () => {
    harness = await startHarness('hostile_input');
    manager = await harness.user('CASE_MANAGER', 'manager-careful');
    caseId = await openCaseFor(harness, manager);
  });
  afterAll(() => harness?.close());

  describe('strings no one can store', () => {
    it.each([
      ['a NUL byte in a note', 'addNote', () => ({ caseId, noteId: 'n1', text: 'before\u0000after' }), 'input.text'],
      [
        'a lone surrogate in a note',
        'addNote',
        () => ({ caseId, noteId: 'n1', text: 'broken \ud800 text' }),
        'input.text',
      ],
      [
        'a NUL byte in a nested name',
        'openCase',
        () => openCaseInput(manager.id, { personal: { patientName: 'Maria\u0000Lopez' } }),
        'input.personal.patientName',
      ],
    ])('%s is BAD_USER_INPUT naming the field, and records nothing', async (_label, mutation, input, field) => {
      const before = await events();
      const response = await send(mutation, input());
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await events()).toBe(before);
    });

    it('is refused in a query argument too, where it would reach the database', async () => {
      const response = await harness.gql(
        'query($s: String) { cases(first: 5, filter: { search: $s }) { totalCount } }',
        { s: 'nov\u0000ak' },
        manager.token,
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 's' });
    });
  });

  it.each([
    [
      'a bidirectional override in a patient name',
      'openCase',
      () => openCaseInput(manager.id, { personal: { patientName: '\u202eZepol airaM' } }),
      'input.personal.patientName',
    ],
    [
      'a birth date in the future',
      'openCase',
      () => openCaseInput(manager.id, { personal: { patientName: 'A B', birthDate: '2999-01-01' } }),
      'input.personal.birthDate',
    ],
    [
      'a deadline decades away',
      'setDecisionDeadline',
      () => ({ caseId, deadline: inDays(365 * 30), source: 'Typed 2056 for 2026' }),
      'input.deadline',
    ],
    [
      'expectedVersion -1',
      'addNote',
      () => ({ caseId, noteId: 'n2', text: 'x', expectedVersion: -1 }),
      'input.expectedVersion',
    ],
    [
      'an unknown enum value',
      'recordInsuranceCoverage',
      () => ({ caseId, requestId: 'r1', coverage: { covered: true, inPlanExpertRequired: false, currency: 'XYZ' } }),
      'input.coverage.currency',
    ],
    [
      'a missing required field',
      'openCase',
      () => openCaseInput(manager.id, { personal: { birthDate: '1961-04-09' } }),
      'input.personal.patientName',
    ],
  ])('%s is BAD_USER_INPUT naming the field', async (_label, mutation, input, field) => {
    const response = await send(mutation, input());
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('tells a user whose token expired that it expired', async () => {
    const expired = await new SignJWT({ role: 'CASE_MANAGER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(manager.id)
      .setIssuer('second-opinion-tracker')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7_200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('test-secret-test-secret-test-secret-0123'));
    const response = await harness.gql('{ me { id } }', {}, expired);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/expired/) as unknown,
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
    });
  });

  describe('over HTTP', () => {
    it('answers malformed JSON with GraphQL-shaped JSON, not an HTML page, and without X-Powered-By', async () => {
      const response = await post('{"query": ');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-powered-by')).toBeNull();
      const body = (await response.json()) as Errors;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(body)).not.toMatch(/ at |node_modules/);
    });

    it('answers an oversized body with JSON and 413', async () => {
      const response = await post(
        JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(3_000_000) } }),
      );
      expect(response.status).toBe(413);
      expect(((await response.json()) as Errors).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('speaks application/graphql-response+json to a client that asks for it, errors included', async () => {
      const accept = { accept: 'application/graphql-response+json' };
      const invalid = await post(JSON.stringify({ query: '{ nope }' }), accept);
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      const malformed = await post('{"query": ', accept);
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    });
  });

  describe('the cost of a query', () => {
    // 1 + n × 28: each row selects 26 fields and its edge and node.
    const costly = `query($n: Int) { cases(first: $n) { edges { node {
      id status caseManagerId patientName conditionName severity deadline daysLeft deadlineState outstandingRecords
      refusedRecords overdueRecords pendingOpinions openConflicts openedAt lastActivityAt version
      warnings { code requestId itemIds concerns matchedRules subjects deadline furtherOpinions } } } } }`;

    it('counts a page size sent in a variable at its value', async () => {
      const small = await harness.gql(costly, { n: 5 }, manager.token);
      expect(small.errors).toBeUndefined();
      const huge = await harness.gql(costly, { n: 200 }, manager.token);
      expect(huge.errors?.[0]).toMatchObject({
        message: 'Query cost 5601 exceeds the limit of 5000: ask for smaller pages',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('refuses a thousand aliases of the caseload', async () => {
      const aliases = Array.from({ length: 1_000 }, (_, index) => `c${index}: cases(first: 1) { totalCount }`).join(
        ' ',
      );
      const started = Date.now();
      const response = await harness.gql(`{ ${aliases} }`, {}, manager.token);
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringContaining('Aliases limit of 30 exceeded, found 1000') as unknown,
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(response.data ?? null).toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  it('reports each mutation of a document on its own: one failing leaves the recorded one in the answer', async () => {
    const response = await harness.gql<{ first: { version: number } | null; second: { version: number } | null }>(
      `mutation($a: AddNoteInput!, $b: AddNoteInput!) {
        first: addNote(input: $a) { version }
        second: addNote(input: $b) { version }
      }`,
      {
        a: { caseId, noteId: 'multi-1', text: 'Recorded' },
        b: { caseId, noteId: 'multi-1', text: 'Same note id: refused' },
      },
      manager.token,
    );
    expect(response.data?.first?.version).toEqual(expect.any(Number));
    expect(response.data?.second).toBeNull();
    expect(response.errors?.[0]).toMatchObject({ path: ['second'], extensions: { code: 'CONFLICT' } });
  });

  it('refuses an escaped NUL in a document literal, where the check of raw text cannot see it', async () => {
    const response = await harness.gql(
      '{ cases(first: 5, filter: { search: "nov\\u0000ak" }) { totalCount } }',
      {},
      manager.token,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    const login = await harness.gql(
      'mutation { login(email: "x\\u0000@clinic.test", password: "whatever-long") { token } }',
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a year no case can be in, before it reaches the database', async () => {
    const asOf = await harness.gql(
      'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { status } }',
      { id: caseId, at: '0000-01-01T00:00:00Z' },
      manager.token,
    );
    expect(asOf.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    const records = await send('requestRecords', {
      caseId,
      requestId: 'r-none',
      items: [
        {
          itemId: 'x',
          kind: 'LAB_RESULTS',
          description: 'Blood panel',
          holder: 'Lab',
          transferMethod: 'FAX',
          dueBy: '0000-01-01T00:00:00Z',
        },
      ],
    });
    expect(records.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0].dueBy' });
  });

  it('answers a cursor that is not one with BAD_USER_INPUT, not an internal error', async () => {
    const timeline = await harness.gql(
      'query($id: ID!) { case(id: $id) { timeline(first: 5, after: "3000000000") { totalCount } } }',
      { id: caseId },
      manager.token,
    );
    expect(timeline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const supervisor = await harness.user('SUPERVISOR');
    const log = await harness.gql(
      '{ accessLog(first: 5, after: "9999999999999999999") { entries { id } } }',
      {},
      supervisor.token,
    );
    expect(log.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
