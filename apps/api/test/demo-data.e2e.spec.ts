import { Client } from 'pg';
import { demoDataCommand } from '../src/cli/demo/demo-data.command';
import { verifyCommand } from '../src/cli/verify.command';
import { READ_MODEL_SCHEMA } from '../src/projections';
import { startHarness } from './app-harness';
import type { Harness } from './app-harness';

/** What the caseload holds, case by case, without ids: the same stories give the same multiset. */
const caseloadShape = async (harness: Harness): Promise<string[]> => {
  const database = new Client({ connectionString: harness.databaseUrl });
  await database.connect();
  try {
    const { rows } = await database.query<{ shape: string }>(
      `SELECT concat_ws('|', status, patient_name, condition_name, severity, case_manager_id, outstanding_records,
         refused_records, pending_opinions, received_opinions, diagnosis_changes, treatment_changes, open_conflicts,
         conflicts_raised) AS shape
       FROM ${READ_MODEL_SCHEMA}.case_summaries ORDER BY 1`,
    );
    return rows.map((row) => row.shape);
  } finally {
    await database.end();
  }
};

describe('demo data (npm run demo-data)', () => {
  const harnesses: Harness[] = [];
  beforeAll(() => {
    // The command talks to its terminal: the logins it prints and its progress bar are not this test's.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all(harnesses.map((harness) => harness.close()));
  });

  it('writes through the bulk path the same cases as through the command handler, with intact histories', async () => {
    const written: string[][] = [];
    for (const bulk of [false, true]) {
      const harness = await startHarness(bulk ? 'demo_bulk' : 'demo_commands');
      harnesses.push(harness);
      const env = { ...harness.env, PORT: '0' };
      const argv = ['--cases', '24', '--seed', '11', ...(bulk ? ['--bulk'] : [])];
      expect(await demoDataCommand(argv, env)).toBe(0);
      written.push(await caseloadShape(harness));
      const lines: string[] = [];
      expect(await verifyCommand(env, { out: (line) => lines.push(line), progress: () => undefined })).toBe(0);
      expect(lines.at(-1)).toMatch(/^Intact: 24 cases/);
    }
    expect(written[0]).toHaveLength(24);
    expect(written[1]).toEqual(written[0]);
  }, 120_000);
});
