import { comparePositions } from '@sot/event-store';
import type { Position } from '@sot/event-store';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import pino from 'pino';
import { PG_POOL, createKysely } from '../src/platform';
import type { Projection, ReadModelTables } from '../src/projections';
import { readCheckpoint } from '../src/projections/runner/checkpoints';
import { PatientDataVault } from '../src/patient-data';
import { ProjectionRunner } from '../src/projections/runner/projection-runner';
import { ensureReadModelSchema } from '../src/projections/schema/read-model-schema';
import { timelineProjection } from '../src/projections/timeline/timeline.projection';
import { eventually, startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { walkCase } from './factories/scenarios';

const LIVE = { announce: true };

describe('a projection leader that lost its lock without noticing', () => {
  let harness: Harness;
  let manager: TestUser;
  let pool: Pool;
  let db: Kysely<ReadModelTables>;
  const schema = 'fencing';

  beforeAll(async () => {
    harness = await startHarness('fencing', { env: { READ_YOUR_WRITES_TIMEOUT_MS: '200' } });
    manager = await harness.user('CASE_MANAGER', 'manager-fence');
    pool = harness.app.get<Pool>(PG_POOL);
    await ensureReadModelSchema(createKysely(pool), schema);
    db = createKysely<ReadModelTables>(pool).withSchema(schema);
    await walkCase(harness, manager, 2);
  });
  afterAll(() => harness?.close());

  it('cannot move the checkpoint backwards: its batch rolls back', async () => {
    let holding = false;
    let entered = 0;
    /** A gate batches wait at while `holding`; `open()` lets those waiting through and shuts it behind them. */
    let open = () => undefined as void;
    let gate: Promise<void> = Promise.resolve();
    const shut = () => {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    };
    shut();
    const gated: Projection = {
      name: timelineProjection.name,
      apply: async (trx, events) => {
        if (holding) {
          entered += 1;
          await gate;
        }
        await timelineProjection.apply(trx, events, LIVE);
      },
    };
    const runner = new ProjectionRunner({
      projection: gated,
      store: harness.store,
      vault: harness.app.get(PatientDataVault),
      pool,
      db,
      schema,
      batchSize: 1,
      logger: pino({ level: 'silent' }),
      standbyPollMs: 50,
      retryDelayMs: 50,
    });
    const head = async () => (await harness.store.headPosition())!;
    const caughtUp = async () => {
      const checkpoint = await readCheckpoint(db, timelineProjection.name);
      return checkpoint !== undefined && comparePositions(checkpoint, await head()) >= 0;
    };
    runner.start();
    try {
      await eventually(caughtUp, 30_000);
      // The leader's next batch (one event) stalls inside its transaction...
      holding = true;
      await walkCase(harness, manager, 4);
      await eventually(() => entered === 1, 10_000);
      const held = (await readCheckpoint(db, timelineProjection.name))!;
      // ...while another instance, now holding the lock, applies everything and moves the checkpoint on.
      const newest: Position = await head();
      await pool.query(
        `UPDATE ${schema}.checkpoints SET commit_position = $1, prepare_position = $2 WHERE projection = $3`,
        [newest.commit.toString(), newest.prepare.toString(), timelineProjection.name],
      );
      // It resumes. Its next batch, if it takes one, stalls again: the checkpoint is read in between.
      entered = 0;
      const waiting = open;
      shut();
      waiting();
      await Promise.race([eventually(() => entered > 0, 2_000).catch(() => undefined)]);
      const after = await readCheckpoint(db, timelineProjection.name);
      expect(comparePositions(after!, newest)).toBeGreaterThanOrEqual(0);
      expect(entered).toBe(0);
      // The stalled batch (the first event after the checkpoint it started from) left no row.
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.timeline t
           JOIN event_store.events e ON e.stream_id = 'case-' || t.case_id AND e.stream_revision = t.stream_revision
          WHERE e.global_position > $1`,
        [held.prepare.toString()],
      );
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      holding = false;
      open();
      await runner.stop();
    }
  });
});
