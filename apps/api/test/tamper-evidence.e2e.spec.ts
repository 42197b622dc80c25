import { caseStreamId } from '@sot/domain';
import { Client } from 'pg';
import { verifyCommand } from '../src/cli/verify.command';
import { StoreAnchoring } from '../src/cases/integrity';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { openCaseInput } from './factories/inputs';

const HISTORY =
  'query($id: ID!) { case(id: $id) { version history { intact checkedEvents unchainedEvents firstBrokenRevision } } }';
type History = {
  case: { version: number; history: { intact: boolean; checkedEvents: number; firstBrokenRevision: number | null } };
};

describe('tamper evidence', () => {
  let harness: Harness;
  let manager: TestUser;
  let database: Client;

  const openWithNotes = async (notes: number) => {
    const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id) },
      manager.token,
    );
    const caseId = opened.data!.openCase.case.id;
    for (let note = 0; note < notes; note += 1) {
      const added = await harness.gql(
        mutationDocument('addNote'),
        { input: { caseId, noteId: `n${note}`, text: `Called the lab, ${note}` } },
        manager.token,
      );
      expect(added.errors).toBeUndefined();
    }
    return caseId;
  };
  const history = async (caseId: string) =>
    (await harness.gql<History>(HISTORY, { id: caseId }, manager.token)).data!.case;
  const tamper = (sql: string, caseId: string) => database.query(sql, [caseStreamId(caseId)]);

  beforeAll(async () => {
    harness = await startHarness('tamper_evidence');
    manager = await harness.user('CASE_MANAGER');
    database = new Client({ connectionString: harness.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await harness?.close();
  });

  it('chains every event of a case, and reports the history intact', async () => {
    const caseId = await openWithNotes(3);
    const found = await history(caseId);
    expect(found.history).toEqual({
      intact: true,
      checkedEvents: found.version,
      unchainedEvents: 0,
      firstBrokenRevision: null,
    });
  });

  it('names the first event changed in the database, even by someone with full access to it', async () => {
    const caseId = await openWithNotes(3);
    await tamper(
      `UPDATE event_store.events SET data = jsonb_set(data, '{noteId}', '"n9"')
        WHERE stream_id = $1 AND event_type = 'NoteAdded' AND stream_revision = 3`,
      caseId,
    );
    expect((await history(caseId)).history).toMatchObject({ intact: false, firstBrokenRevision: 3 });
  });

  it('notices an event removed from the middle of a history', async () => {
    const caseId = await openWithNotes(4);
    await tamper('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 2', caseId);
    expect((await history(caseId)).history).toMatchObject({ intact: false, firstBrokenRevision: 3 });
  });

  const verify = async () => {
    const lines: string[] = [];
    const code = await verifyCommand(
      { ...harness.env, PORT: '0' },
      { out: (line) => lines.push(line), progress: () => undefined },
    );
    return { code, lines };
  };

  it('is checked over the whole store by `npm run verify`, which exits 1 and names the cases', async () => {
    const { code, lines } = await verify();
    expect(code).toBe(1);
    expect(lines.filter((line) => line.includes('BROKEN'))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^NOT INTACT: \d+ cases, \d+ events; 2 case\(s\) with a broken history$/);
  });

  it("shows a case's last events removed once the store's head was anchored, which its own chain cannot", async () => {
    const caseId = await openWithNotes(2);
    await harness.app.get(StoreAnchoring).anchorNow();
    const before = await verify();
    expect(before.lines).toContainEqual(expect.stringMatching(/^ {2}Anchor of .* matches$/));
    await tamper(
      'DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = (SELECT max(stream_revision) FROM event_store.events WHERE stream_id = $1)',
      caseId,
    );
    // The case's own chain still verifies: its remaining events are intact.
    expect((await history(caseId)).history).toMatchObject({ intact: true });
    const after = await verify();
    expect(after.code).toBe(1);
    expect(after.lines).toContainEqual(
      expect.stringMatching(/ANCHOR BROKEN: the store no longer holds what was anchored at/),
    );
    expect(after.lines.at(-1)).toMatch(/; the anchor does not match$/);
  });
});
