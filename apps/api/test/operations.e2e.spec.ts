import { Client } from 'pg';
import type { Pool } from 'pg';
import { PG_POOL } from '../src/platform';
import { ProjectionsService } from '../src/projections';
import { eventually, startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { walkCase } from './factories/scenarios';

type Ready = {
  status: string;
  database: { ok: boolean; oldestTransactionMs: number };
  projections: { caughtUp: boolean; each: { projection: string; lagEvents: number }[] };
};

describe('operating the api', () => {
  let harness: Harness;
  let manager: TestUser;
  const ready = async () => {
    const response = await fetch(harness.url.replace('/graphql', '/health/ready'));
    return { status: response.status, body: (await response.json()) as Ready };
  };

  beforeAll(async () => {
    harness = await startHarness('operations', {
      env: { READY_MAX_LAG_EVENTS: '3', READ_YOUR_WRITES_TIMEOUT_MS: '100', IDLE_IN_TRANSACTION_TIMEOUT_MS: '1500' },
    });
    manager = await harness.user('CASE_MANAGER', 'manager-ops');
  });
  afterAll(() => harness?.close());

  it('is not ready while a projection trails by more than the configured lag, and ready once caught up', async () => {
    await eventually(async () => (await ready()).status === 200, 15_000);
    const timeline = harness.app.get(ProjectionsService).runners.find((runner) => runner.name === 'timeline')!;
    await timeline.stop();
    try {
      await walkCase(harness, manager, 2);
      const behind = await ready();
      expect(behind.status).toBe(503);
      expect(behind.body.projections.caughtUp).toBe(false);
      expect(behind.body.projections.each.find((each) => each.projection === 'timeline')!.lagEvents).toBe(4);
    } finally {
      timeline.start();
    }
    await eventually(async () => (await ready()).status === 200, 15_000);
  });

  it('reports the oldest open transaction, and ends its own sessions’ idle transactions', async () => {
    const outsider = new Client({ connectionString: harness.databaseUrl });
    await outsider.connect();
    try {
      await outsider.query('BEGIN; SELECT txid_current();');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await ready()).body.database.oldestTransactionMs).toBeGreaterThanOrEqual(1_000);
    } finally {
      await outsider.query('ROLLBACK');
      await outsider.end();
    }
    const pool = harness.app.get<Pool>(PG_POOL);
    const { rows } = await pool.query<{ idle_in_transaction_session_timeout: string }>(
      'SHOW idle_in_transaction_session_timeout',
    );
    expect(rows[0]!.idle_in_transaction_session_timeout).toBe('1500ms');
    const own = await pool.connect();
    const ended = new Promise<unknown>((resolve) => own.once('error', resolve));
    await own.query('BEGIN');
    expect(String(await ended)).toMatch(/idle-in-transaction timeout/);
    own.release(true);
  });
});
