import type { INestApplication } from '@nestjs/common';
import { startAnotherInstance, startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';

type Added = { data?: { addNote: { caughtUp: boolean; case: { notes: { text: string }[] } } }; errors?: unknown[] };

describe('read-your-writes on every instance', () => {
  let harness: Harness;
  let manager: TestUser;
  let second: INestApplication;
  let secondUrl: string;
  let caseId: string;

  beforeAll(async () => {
    harness = await startHarness('read_your_writes');
    manager = await harness.user('CASE_MANAGER', 'manager-ryw');
    caseId = await openCaseFor(harness, manager);
    // A second instance on the same database: the first leads every projection, so this one's
    // runners stand by and it learns of their progress from the database alone.
    ({ app: second, url: secondUrl } = await startAnotherInstance(harness));
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await harness?.close();
  });

  const addNote = async (url: string, noteId: string, text: string): Promise<Added> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}` },
      body: JSON.stringify({
        query: 'mutation($input: AddNoteInput!) { addNote(input: $input) { caughtUp case { notes { text } } } }',
        variables: { input: { caseId, noteId, text } },
      }),
    });
    return (await response.json()) as Added;
  };

  it('answers a write once the read models show it, on the instance that leads the projections and on one that does not', async () => {
    for (const [url, where] of [
      [harness.url, 'leader'],
      [secondUrl, 'standby'],
      [harness.url, 'leader again'],
      [secondUrl, 'standby again'],
    ] as const) {
      const answer = await addNote(url, `ryw-${where.replace(' ', '-')}`, `Written on the ${where}`);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.addNote.caughtUp).toBe(true);
      expect(answer.data?.addNote.case.notes.map((note) => note.text)).toContain(`Written on the ${where}`);
    }
  });
});
