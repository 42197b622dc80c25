import type { Pool } from 'pg';
import { AccessLogRepository } from '../src/cases/access';
import { PG_POOL } from '../src/platform';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';
import { CASE_QUERY, mutationDocument } from './factories/documents';

type Entry = {
  userId: string;
  role: string;
  operation: string;
  caseIds: string[];
  outcome: string;
  clientAddress: string | null;
};
type LogPage = { accessLog: { entries: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const LOG = `query($filter: AccessLogFilterInput, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    entries { userId role operation caseIds outcome clientAddress }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('the access log', () => {
  let harness: Harness;
  let owner: TestUser;
  let stranger: TestUser;
  let auditor: TestUser;
  let caseId: string;
  const log = async (filter: Record<string, unknown>, first = 100, after?: string) => {
    const response = await harness.gql<LogPage>(LOG, { filter, first, after }, auditor.token);
    expect(response.errors).toBeUndefined();
    return response.data!.accessLog;
  };

  beforeAll(async () => {
    harness = await startHarness('access_log');
    owner = await harness.user('CASE_MANAGER', 'manager-owner');
    stranger = await harness.user('CASE_MANAGER', 'manager-stranger');
    auditor = await harness.user('AUDITOR');
    caseId = await openCaseFor(harness, owner);
  });
  afterAll(() => harness?.close());

  it('tells browsers and proxies to keep no copy of any answer (Cache-Control: no-store, no ETag)', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({ query: '{ me { id displayName } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('writes one row for every read of patient data: who, role, cases, operation, outcome, from where', async () => {
    await harness.gql(CASE_QUERY, { id: caseId }, owner.token);
    await harness.gql(
      'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { status } }',
      { id: caseId, at: new Date().toISOString() },
      owner.token,
    );
    await harness.gql('{ cases(first: 10) { totalCount edges { node { patientName } } } }', {}, owner.token);
    await harness.gql(
      mutationDocument('addNote'),
      { input: { caseId, noteId: 'n1', text: 'Called the patient' } },
      owner.token,
    );
    const mine = (await log({ userId: owner.id })).entries;
    const operations = mine.map((entry) => entry.operation).reverse();
    expect(operations).toEqual(['openCase', 'case', 'timeline', 'caseAsOf', 'cases', 'addNote']);
    for (const entry of mine) {
      expect(entry).toMatchObject({ role: 'CASE_MANAGER', caseIds: [caseId], outcome: 'ALLOWED' });
      expect(entry.clientAddress).toMatch(/127\.0\.0\.1/);
    }
  });

  it('records no read for a change whose answer does not show the case', async () => {
    const before = (await log({ userId: owner.id, caseId })).entries.length;
    const answer = await harness.gql<{ addNote: { version: number; caughtUp: boolean } }>(
      'mutation($input: AddNoteInput!) { addNote(input: $input) { version caughtUp } }',
      { input: { caseId, noteId: 'n-unread', text: 'Left a message' } },
      owner.token,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.addNote.caughtUp).toBe(true);
    expect((await log({ userId: owner.id, caseId })).entries).toHaveLength(before);
    const shown = await harness.gql<{ addNote: { case: { notes: { noteId: string }[] } } }>(
      'mutation($input: AddNoteInput!) { addNote(input: $input) { case { notes { noteId } } } }',
      { input: { caseId, noteId: 'n-read', text: 'Spoke to the patient' } },
      owner.token,
    );
    expect(shown.data!.addNote.case.notes.map((note) => note.noteId)).toContain('n-read');
    const after = (await log({ userId: owner.id, caseId })).entries;
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ operation: 'addNote', caseIds: [caseId], outcome: 'ALLOWED' });
  });

  it('logs every one of many reads at once, each answered only once its row is in', async () => {
    const reader = await harness.user('SUPERVISOR', 'supervisor-many-reads');
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => harness.gql(CASE_QUERY, { id: caseId }, reader.token)),
    );
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    const entries = (await log({ userId: reader.id })).entries;
    expect(entries.filter((entry) => entry.operation === 'case')).toHaveLength(24);
  });

  it('writes the rows written together one by one when the table refuses one of them', async () => {
    const repository = harness.app.get(AccessLogRepository);
    const entry = (operation: string, caseIds: string[]) =>
      repository.record({ userId: 'batch-writer', role: 'SUPERVISOR', operation, caseIds, outcome: 'ALLOWED' });
    const results = await Promise.allSettled([
      entry('first', [caseId]),
      entry('second', [caseId]),
      entry('refused', ['not-a-case-id']),
      entry('fourth', [caseId]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const written = (await log({ userId: 'batch-writer' })).entries.map((row) => row.operation).sort();
    expect(written).toEqual(['first', 'fourth', 'second']);
  });

  it('writes a row for every refused attempt, reads and changes alike', async () => {
    await harness.gql(CASE_QUERY, { id: caseId }, stranger.token);
    await harness.gql(CASE_QUERY, { id: '00000000-0000-4000-8000-000000000000' }, stranger.token);
    await harness.gql(
      mutationDocument('addNote'),
      { input: { caseId, noteId: 'n2', text: 'Not my case' } },
      stranger.token,
    );
    const refused = (await log({ userId: stranger.id })).entries.reverse();
    expect(refused.map((entry) => [entry.operation, entry.outcome, entry.caseIds])).toEqual([
      ['case', 'FORBIDDEN', [caseId]],
      ['case', 'NOT_FOUND', ['00000000-0000-4000-8000-000000000000']],
      ['addNote', 'FORBIDDEN', [caseId]],
    ]);
  });

  it('lets auditors and supervisors page through it with filters; case managers may not read it', async () => {
    const byCase = await log({ caseId, outcome: 'FORBIDDEN' });
    expect(byCase.entries.every((entry) => entry.userId === stranger.id && entry.caseIds.includes(caseId))).toBe(true);
    expect(byCase.entries).toHaveLength(2);

    const first = await log({ caseId }, 3);
    expect(first.entries).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await log({ caseId }, 100, first.pageInfo.endCursor!);
    const all = await log({ caseId }, 100);
    expect([...first.entries, ...rest.entries]).toEqual(all.entries);

    const supervisor = await harness.user('SUPERVISOR');
    expect((await harness.gql(LOG, { first: 1 }, supervisor.token)).errors).toBeUndefined();
    const refused = await harness.gql(LOG, { first: 1 }, owner.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be changed or emptied, not even by the api’s own database role', async () => {
    const pool = harness.app.get<Pool>(PG_POOL);
    await expect(pool.query(`UPDATE audit.access_log SET outcome = 'ALLOWED'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit.access_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit.access_log')).rejects.toThrow(/append-only/);
    expect((await log({ userId: stranger.id })).entries).toHaveLength(3);
  });
});
