import type { INestApplication } from '@nestjs/common';
import { caseStreamId } from '@sot/domain';
import { startAnotherInstance, startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';

type Answer = {
  data?: Record<string, { version: number; duplicate: boolean } | null>;
  errors?: { message: string; extensions: { code: string; actualVersion?: number } }[];
};

/**
 * An instance decides a case's next command on what it last wrote to the case, without reading the
 * stream again. These tests write through a second instance in between: every answer must be the
 * one the stream as stored gives.
 */
describe('commands on a case another instance wrote to since', () => {
  let harness: Harness;
  let manager: TestUser;
  let colleague: TestUser;
  let supervisor: TestUser;
  let other: INestApplication;
  let here: string;
  let there: string;

  beforeAll(async () => {
    harness = await startHarness('kept_cases');
    manager = await harness.user('CASE_MANAGER', 'manager-kept');
    colleague = await harness.user('CASE_MANAGER', 'manager-colleague');
    supervisor = await harness.user('SUPERVISOR', 'supervisor-kept');
    ({ app: other, url: there } = await startAnotherInstance(harness));
    here = harness.url;
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await harness?.close();
  });

  const send = async (url: string, user: TestUser, mutation: string, input: object): Promise<Answer> => {
    const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({
        query: `mutation($input: ${type}!) { ${mutation}(input: $input) { version duplicate } }`,
        variables: { input },
      }),
    });
    return (await response.json()) as Answer;
  };
  const note = (url: string, caseId: string, noteId: string, extra: object = {}) =>
    send(url, manager, 'addNote', { caseId, noteId, text: `Note ${noteId}`, ...extra });
  const versionOf = (answer: Answer, mutation = 'addNote'): number => {
    expect(answer.errors).toBeUndefined();
    return answer.data![mutation]!.version;
  };
  const storedVersion = async (caseId: string): Promise<number> => {
    let count = 0;
    for await (const _event of harness.store.readStream(caseStreamId(caseId))) {
      count += 1;
    }
    return count;
  };

  it('accepts the version the client saw last, and refuses an older one with the version as stored', async () => {
    const caseId = await openCaseFor(harness, manager);
    versionOf(await note(here, caseId, 'here-1'));
    const seen = versionOf(await note(there, caseId, 'there-1'));

    const next = await note(here, caseId, 'here-2', { expectedVersion: seen });
    expect(versionOf(next)).toBe(seen + 1);

    const stale = await note(here, caseId, 'here-3', { expectedVersion: seen });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', actualVersion: seen + 1 });
    expect(await storedVersion(caseId)).toBe(seen + 1);
  });

  it('answers a command recorded through the other instance as a duplicate, with the version as stored', async () => {
    const caseId = await openCaseFor(harness, manager);
    versionOf(await note(here, caseId, 'first'));
    versionOf(await note(there, caseId, 'sent-twice', { commandId: 'cmd-sent-twice' }));
    const later = versionOf(await note(there, caseId, 'later'));

    const again = await note(here, caseId, 'sent-twice', { commandId: 'cmd-sent-twice' });
    expect(again.data?.addNote).toEqual({ version: later, duplicate: true });
    expect(await storedVersion(caseId)).toBe(later);
  });

  it('refuses a case manager a case that was reassigned through the other instance', async () => {
    const caseId = await openCaseFor(harness, manager);
    versionOf(await note(here, caseId, 'before'));
    versionOf(
      await send(there, supervisor, 'assignCaseManager', { caseId, caseManagerId: colleague.id }),
      'assignCaseManager',
    );
    const before = await storedVersion(caseId);

    const refused = await note(here, caseId, 'after');
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await storedVersion(caseId)).toBe(before);
  });

  it('continues the hash chain across commands decided on what it kept', async () => {
    const caseId = await openCaseFor(harness, manager);
    for (const noteId of ['a', 'b', 'c']) {
      versionOf(await note(here, caseId, noteId));
    }
    versionOf(await note(there, caseId, 'd'));
    versionOf(await note(here, caseId, 'e'));
    const integrity = await harness.gql<{ case: { history: { intact: boolean; checkedEvents: number } } }>(
      'query($id: ID!) { case(id: $id) { history { intact checkedEvents } } }',
      { id: caseId },
      manager.token,
    );
    expect(integrity.errors).toBeUndefined();
    expect(integrity.data!.case.history).toEqual({ intact: true, checkedEvents: await storedVersion(caseId) });
  });
});
