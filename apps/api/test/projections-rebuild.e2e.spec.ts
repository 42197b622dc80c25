import { Client } from 'pg';
import pino from 'pino';
import { createApp } from '../src/app.factory';
import { projectionsCommand } from '../src/cli/projections.command';
import { loadConfig } from '../src/platform';
import { READ_MODEL_SCHEMA } from '../src/projections';
import { eventually, startHarness, subscribe } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { liveAndRebuilt } from './factories/rebuild';
import { walkCase } from './factories/scenarios';

const CASES = 12;
const CASELOAD = '{ cases(first: 50) { totalCount edges { node { id patientName } } } }';

const rows = async (database: Client, schema: string) => {
  const read = async (sql: string): Promise<unknown[]> =>
    (await database.query<Record<string, unknown>>(sql.replaceAll('$schema', schema))).rows;
  return {
    details: await read('SELECT case_id, version, details FROM $schema.case_details ORDER BY case_id'),
    notes: await read('SELECT * FROM $schema.case_notes ORDER BY case_id, stream_revision'),
    summaries: await read('SELECT * FROM $schema.case_summaries ORDER BY case_id'),
    timeline: await read('SELECT * FROM $schema.timeline ORDER BY case_id, stream_revision'),
    checkpoints: await read('SELECT projection FROM $schema.checkpoints ORDER BY projection'),
    counts: await read(
      'SELECT case_manager_id, status, cases FROM $schema.caseload_counts WHERE cases <> 0 ORDER BY 1, 2',
    ),
  };
};

describe('rebuilding the read models without downtime (npm run projections)', () => {
  let harness: Harness;
  let supervisor: TestUser;
  let manager: TestUser;
  let database: Client;
  const caseIds: string[] = [];

  beforeAll(async () => {
    harness = await startHarness('projections_rebuild');
    supervisor = await harness.user('SUPERVISOR');
    manager = await harness.user('CASE_MANAGER');
    for (let variant = 0; variant < CASES; variant += 1) {
      caseIds.push(await walkCase(harness, manager, variant));
    }
    database = new Client({ connectionString: harness.databaseUrl });
    await database.connect();
  }, 120_000);
  afterAll(async () => {
    await database?.end();
    await harness?.close();
  });

  it('replays into new tables while queries keep getting full answers, swaps them in, and they equal the old ones', async () => {
    const live = subscribe<{ caseloadChanged: { caseId: string } }>(
      harness.ws(supervisor.token),
      'subscription { caseloadChanged { caseId } }',
    );
    let queries = 0;
    const failures: string[] = [];
    let rebuilding = true;
    const queryLoop = (async () => {
      while (rebuilding) {
        const caseload = await harness.gql<{ cases: { totalCount: number; edges: unknown[] } }>(
          CASELOAD,
          {},
          supervisor.token,
        );
        const page = await harness.gql<{ case: { version: number } }>(
          'query($id: ID!) { case(id: $id) { version notes { text } } }',
          { id: caseIds[queries % CASES] },
          supervisor.token,
        );
        if (
          caseload.errors ||
          page.errors ||
          caseload.data?.cases.totalCount !== CASES ||
          caseload.data.cases.edges.length !== CASES ||
          !page.data?.case
        ) {
          failures.push(
            JSON.stringify({ caseload: caseload.errors ?? caseload.data?.cases.totalCount, page: page.errors }),
          );
        }
        queries += 1;
      }
    })();
    const lines: string[] = [];
    const progress: string[] = [];
    const code = await projectionsCommand(
      ['rebuild', '--all', '--keep-replaced'],
      { ...harness.env, PORT: '0' },
      {
        out: (line) => lines.push(line),
        progress: (text) => progress.push(text),
      },
    );
    rebuilding = false;
    await queryLoop;
    live.stop();

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(queries).toBeGreaterThan(5);
    // Off a terminal (as here), a line per tenth of the events.
    expect(progress.at(-1)).toMatch(/^ {2}\d+\/\d+ events \(100%\), ETA \d+ s\n$/);
    const replaced = /the replaced tables are in schema (\S+)/.exec(lines.join('\n'))?.[1];
    expect(replaced).toMatch(new RegExp(`^${READ_MODEL_SCHEMA}_replaced_\\d+$`));
    // Live subscribers heard nothing of the replay.
    expect(live.received).toEqual([]);
    const now = await rows(database, READ_MODEL_SCHEMA);
    expect(now.details).toHaveLength(CASES);
    expect(now).toEqual(await rows(database, replaced!));
    // Swapped in vacuumed and analysed: statistics for plans, visibility for index-only scans.
    const { rows: tidied } = await database.query<{ relname: string; vacuumed: boolean; analysed: boolean }>(
      `SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed
         FROM pg_stat_user_tables WHERE schemaname = $1 AND relname <> 'checkpoints' ORDER BY relname`,
      [READ_MODEL_SCHEMA],
    );
    expect(tidied).toEqual(
      ['case_details', 'case_notes', 'case_summaries', 'caseload_counts', 'timeline'].map((relname) => ({
        relname,
        vacuumed: true,
        analysed: true,
      })),
    );
  }, 120_000);

  it('goes on projecting into the swapped-in tables', async () => {
    const added = await harness.gql<{ addNote: { caughtUp: boolean; case: { id: string } } }>(
      mutationDocument('addNote'),
      { input: { caseId: caseIds[0], noteId: 'after-rebuild', text: 'Called after the rebuild' } },
      manager.token,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addNote.caughtUp).toBe(true);
    const page = await harness.gql<{ case: { notes: { text: string }[] } }>(
      'query($id: ID!) { case(id: $id) { notes { text } } }',
      { id: caseIds[0] },
      manager.token,
    );
    expect(page.data?.case.notes.map((note) => note.text)).toContain('Called after the rebuild');
  });

  it("hands the saga's checkpoint to a new read-model generation, which rebuilds its tables but raises no conflict again", async () => {
    const sagaRow = async (schema: string) =>
      (
        await database.query<Record<string, unknown>>(
          `SELECT commit_position, prepare_position, updated_at FROM ${schema}.checkpoints WHERE projection = 'conflict-saga'`,
        )
      ).rows;
    const before = await sagaRow(READ_MODEL_SCHEMA);
    expect(before).toHaveLength(1);
    const next = await createApp(
      loadConfig({ ...harness.env, PORT: '0' }),
      pino({ level: 'silent' }),
      'read_models_next',
    );
    await next.init();
    try {
      // Copied before the runners started, time of the last move included: nothing was replayed.
      expect(await sagaRow('read_models_next')).toEqual(before);
    } finally {
      await next.close();
      await database.query('DROP SCHEMA read_models_next CASCADE');
    }
  });

  it('vacuums and analyses the tables of a new read-model generation once it has built them from the store', async () => {
    const schema = 'read_models_built';
    const built = await createApp(loadConfig({ ...harness.env, PORT: '0' }), pino({ level: 'silent' }), schema);
    await built.init();
    try {
      const tidied = async () =>
        (
          await database.query<{ relname: string; vacuumed: boolean; analysed: boolean }>(
            `SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed
               FROM pg_stat_user_tables WHERE schemaname = $1 AND relname <> 'checkpoints' ORDER BY relname`,
            [schema],
          )
        ).rows;
      const everyTable = ['case_details', 'case_notes', 'case_summaries', 'caseload_counts', 'timeline'].map(
        (relname) => ({ relname, vacuumed: true, analysed: true }),
      );
      await eventually(async () => JSON.stringify(await tidied()) === JSON.stringify(everyTable), 30_000);
      const { rows } = await database.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.case_details`);
      expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(CASES);
    } finally {
      await built.close();
      await database.query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  const TABLES = { 'case-read-model': ['case_details', 'case_summaries', 'caseload_counts'], timeline: ['timeline'] };
  it.each([['timeline'], ['case-read-model'], ['--all']])(
    'rebuild %s while notes are added and the case read: nothing written before, during or after the swap is lost or doubled',
    async (which) => {
      const oids = async (): Promise<Record<string, string>> => {
        const { rows } = await database.query<{ relname: string; oid: string }>(
          `SELECT relname, oid FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r'`,
          [READ_MODEL_SCHEMA],
        );
        return Object.fromEntries(rows.map(({ relname, oid }) => [relname, oid]));
      };
      const before = await oids();
      let writing = true;
      let notes = 0;
      const failures: string[] = [];
      // Four writers, so that notes are being projected as the tables are swapped.
      const writer = async (first: number) => {
        for (let n = first; writing; n += 4) {
          const id = caseIds[n % CASES];
          const added = await harness.gql<{ addNote: { caughtUp: boolean } }>(
            mutationDocument('addNote'),
            { input: { caseId: id, noteId: `during-rebuild-${which}-${n}`, text: `Note ${n}` } },
            manager.token,
          );
          const page = await harness.gql<{ case: { timeline: { entries: unknown[] } } }>(
            'query($id: ID!) { case(id: $id) { notes { text } timeline(first: 5) { entries { summary } } } }',
            { id },
            supervisor.token,
          );
          if (added.errors || page.errors || !page.data?.case.timeline.entries.length) {
            failures.push(JSON.stringify({ added: added.errors, page: page.errors }));
          }
          notes += 1;
        }
      };
      const load = Promise.all([0, 1, 2, 3].map(writer));
      const lines: string[] = [];
      const code = await projectionsCommand(
        which === '--all' ? ['rebuild', '--all'] : ['rebuild', which],
        { ...harness.env, PORT: '0' },
        { out: (line) => lines.push(line), progress: () => undefined },
      ).finally(() => {
        writing = false;
      });
      await load;

      expect(code).toBe(0);
      expect(lines.join('\n')).toMatch(/Rebuilt .+ from \d+ events in [\d.]+ s \(\d+ events\/s\) and swapped in/);
      expect(failures).toEqual([]);
      expect(notes).toBeGreaterThan(4);
      const after = await oids();
      const swapped = which === '--all' ? Object.values(TABLES).flat() : TABLES[which as keyof typeof TABLES];
      for (const table of Object.values(TABLES).flat()) {
        expect([table, after[table] === before[table]]).toEqual([table, !swapped.includes(table)]);
      }
      // The same as a fresh build from the events.
      const { live, rebuilt } = await liveAndRebuilt(harness, database, 'read_models_fresh');
      await database.query('DROP SCHEMA read_models_fresh CASCADE');
      expect(live).toEqual(rebuilt);
      const { rows: leftOver } = await database.query(
        `SELECT nspname FROM pg_namespace WHERE nspname LIKE '${READ_MODEL_SCHEMA}_%' AND nspname NOT LIKE '%_replaced_%'`,
      );
      expect(leftOver).toEqual([]);
    },
    120_000,
  );

  it('reports each projection position, lag and rate, and refuses a command line it does not know', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), progress: () => undefined };
    expect(await projectionsCommand(['status'], { ...harness.env, PORT: '0' }, io)).toBe(0);
    expect(lines.join('\n')).toMatch(/case-read-model +at \d+\/\d+ +behind by 0 events +\d+ events\/s/);
    expect(await projectionsCommand(['rebuild', 'cases'], { ...harness.env, PORT: '0' }, io)).toBe(2);
    expect(lines.at(-1)).toMatch(/No projection "cases": case-read-model, timeline/);
    expect(await projectionsCommand(['rebuild', 'conflict-saga'], { ...harness.env, PORT: '0' }, io)).toBe(2);
    expect(lines.at(-1)).toMatch(/conflict-saga keeps no tables: its effects are events/);
    expect(await projectionsCommand(['rebuild'], { ...harness.env, PORT: '0' }, io)).toBe(2);
  });

  it('stops when interrupted mid-replay: the replay is dropped and the live read models stay as they were', async () => {
    const oids = async () =>
      (
        await database.query<{ relname: string; oid: string }>(
          `SELECT relname, oid FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r' ORDER BY 1`,
          [READ_MODEL_SCHEMA],
        )
      ).rows;
    const before = await oids();
    const interrupt = new AbortController();
    let batches = 0;
    const outcome = projectionsCommand(
      ['rebuild', '--all'],
      // One event per batch: the replay is still going when the signal comes.
      { ...harness.env, PORT: '0', PROJECTION_BATCH_SIZE: '1' },
      {
        out: () => undefined,
        progress: () => {
          batches += 1;
          if (batches === 3) {
            interrupt.abort();
          }
        },
      },
      interrupt.signal,
    );
    await expect(outcome).rejects.toThrow(/Interrupted after \d+ events: nothing was swapped in/);
    expect(await oids()).toEqual(before);
    const { rows: leftOver } = await database.query(
      `SELECT nspname FROM pg_namespace WHERE nspname = '${READ_MODEL_SCHEMA}_rebuild'`,
    );
    expect(leftOver).toEqual([]);
  });

  it('refuses to start while another rebuild runs, and changes nothing', async () => {
    const schemas = async () =>
      (await database.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace ORDER BY 1`)).rows;
    const before = await schemas();
    // What a running rebuild holds.
    await database.query(`SELECT pg_advisory_lock(7301, hashtext($1))`, [READ_MODEL_SCHEMA]);
    try {
      await expect(
        projectionsCommand(['rebuild', '--all'], { ...harness.env, PORT: '0' }, { out: () => {}, progress: () => {} }),
      ).rejects.toThrow(`Another rebuild of ${READ_MODEL_SCHEMA} is running; nothing was changed`);
    } finally {
      await database.query(`SELECT pg_advisory_unlock(7301, hashtext($1))`, [READ_MODEL_SCHEMA]);
    }
    expect(await schemas()).toEqual(before);
  });
});
