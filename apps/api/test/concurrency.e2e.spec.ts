import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';
import { mutationDocument } from './factories/documents';

type Payload = { addNote: { duplicate: boolean; version: number } | null };

describe('many writers at once', () => {
  let harness: Harness;
  let manager: TestUser;
  let caseId: string;
  const addNote = (input: Record<string, unknown>) =>
    harness.gql<Payload>(mutationDocument('addNote'), { input: { caseId, ...input } }, manager.token);
  const stored = async () => collect(harness.store.readStream(caseStreamId(caseId)));

  beforeAll(async () => {
    harness = await startHarness('concurrency');
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
});
