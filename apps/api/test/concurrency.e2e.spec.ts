import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import { ProjectionsService } from '../src/projections';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';
import { mutationDocument } from './factories/documents';
import { openCaseInput } from './factories/inputs';

type Payload = { addNote?: { duplicate: boolean; caughtUp: boolean; version: number } | null; openCase?: unknown };

describe('many writers at once', () => {
  let harness: Harness;
  let manager: TestUser;
  let caseId: string;
  const addNote = (input: Record<string, unknown>) =>
    harness.gql<Payload>(mutationDocument('addNote'), { input: { caseId, ...input } }, manager.token);
  const stored = async () => collect(harness.store.readStream(caseStreamId(caseId)));

  beforeAll(async () => {
    harness = await startHarness('concurrency', { env: { READ_YOUR_WRITES_TIMEOUT_MS: '1000' } });
    manager = await harness.user('CASE_MANAGER', 'manager-busy');
    caseId = await openCaseFor(harness, manager);
  });
  afterAll(() => harness?.close());

  it('records the same commandId sent 10 times at once once, and tells the other 9 it was a duplicate', async () => {
    const before = (await stored()).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => addNote({ commandId: 'same-note-10x', noteId: 'n-same', text: 'Once only' })),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(Array.from({ length: 10 }, () => undefined));
    const duplicates = answers.map((answer) => answer.data!.addNote!.duplicate);
    expect(duplicates.filter((duplicate) => !duplicate)).toHaveLength(1);
    expect(duplicates.filter(Boolean)).toHaveLength(9);
    expect((await stored()).length).toBe(before + 1);
  });

  it('refuses the same commandId with other content as a CONFLICT, one after the other or at once', async () => {
    await addNote({ commandId: 'reused-id', noteId: 'n-a', text: 'First content' });
    const later = await addNote({ commandId: 'reused-id', noteId: 'n-b', text: 'Other content' });
    expect(later.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.commandId' });

    const before = (await stored()).length;
    const racing = await Promise.all([
      addNote({ commandId: 'raced-id', noteId: 'n-c', text: 'One' }),
      addNote({ commandId: 'raced-id', noteId: 'n-d', text: 'Two' }),
    ]);
    expect(racing.filter((answer) => answer.errors === undefined)).toHaveLength(1);
    expect(racing.flatMap((answer) => answer.errors ?? []).map((error) => error.extensions?.code)).toEqual([
      'CONFLICT',
    ]);
    expect((await stored()).length).toBe(before + 1);
  });

  it.each([20, 50])('records every one of %i notes sent at once without expectedVersion', async (count) => {
    const before = (await stored()).length;
    const answers = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        addNote({ noteId: `burst-${count}-${index}`, text: `Note ${index}` }),
      ),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect((await stored()).length).toBe(before + count);
  });

  it('still answers CONFLICT to a writer whose expectedVersion is stale', async () => {
    const version = (await stored()).length;
    await addNote({ noteId: 'moves-it-on', text: 'Someone else first', expectedVersion: version });
    const stale = await addNote({ noteId: 'too-late', text: 'Based on what I saw', expectedVersion: version });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', actualVersion: version + 1 });
  });

  it('answers a repeated command only once the read models show the case, like the first time', async () => {
    const timeline = harness.app.get(ProjectionsService).runners.find((runner) => runner.name === 'timeline')!;
    await timeline.stop();
    try {
      const first = await addNote({ commandId: 'while-behind', noteId: 'n-behind', text: 'Sent while behind' });
      expect(first.data!.addNote).toMatchObject({ duplicate: false, caughtUp: false });
      const again = await addNote({ commandId: 'while-behind', noteId: 'n-behind', text: 'Sent while behind' });
      expect(again.data!.addNote).toMatchObject({ duplicate: true, caughtUp: false });
    } finally {
      timeline.start();
    }
  });

  it('does not answer a former manager who sends their openCase again with the case', async () => {
    const supervisor = await harness.user('SUPERVISOR');
    const next = await harness.user('CASE_MANAGER', 'manager-next');
    const input = { ...openCaseInput(manager.id), commandId: 'open-then-handed-over' };
    const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input },
      manager.token,
    );
    const handedOver = opened.data!.openCase.case.id;
    await harness.gql(
      mutationDocument('assignCaseManager'),
      { input: { caseId: handedOver, caseManagerId: next.id } },
      supervisor.token,
    );
    const replay = await harness.gql<Payload>(mutationDocument('openCase'), { input }, manager.token);
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data?.openCase ?? null).toBeNull();
  });

  it('records every note when two api instances write to the same case at once', async () => {
    // A second instance on the same database: there, commands race across processes, not in a queue.
    const other = await startHarness('concurrency_other', {
      env: { DATABASE_URL: harness.databaseUrl, READ_YOUR_WRITES_TIMEOUT_MS: '1000' },
    });
    try {
      const before = (await stored()).length;
      const send = (instance: typeof harness, index: number) =>
        instance.gql<Payload>(
          mutationDocument('addNote'),
          { input: { caseId, noteId: `two-instances-${index}`, text: `Note ${index}` } },
          manager.token,
        );
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) => send(index % 2 === 0 ? harness : other, index)),
      );
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      expect((await stored()).length).toBe(before + 30);
    } finally {
      await other.close();
    }
  });
});
