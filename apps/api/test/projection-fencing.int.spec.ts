import { comparePositions } from '@sot/event-store';
import type { Position } from '@sot/event-store';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import pino from 'pino';
import { PG_POOL, createKysely } from '../src/platform';
import type { Projection, ReadModelTables } from '../src/projections';
import {
  CheckpointMovedError,
  lockCheckpoint,
  moveCheckpoint,
  readCheckpoint,
} from '../src/projections/runner/checkpoints';
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

  it('lets no other runner move the checkpoint while its batch is open: the other waits, then stands down', async () => {
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
      // ...while another instance, believing itself the leader, moves the checkpoint on from where it read it.
      const newest: Position = await head();
      const other = db
        .transaction()
        .execute(async (trx) => {
          await lockCheckpoint(trx, timelineProjection.name, held);
          await moveCheckpoint(trx, timelineProjection.name, held, newest);
        })
        .then(
          () => 'moved',
          (error: unknown) => (error instanceof CheckpointMovedError ? 'stood down' : String(error)),
        );
      // It waits: the stalled batch holds the checkpoint.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await Promise.race([other, Promise.resolve('waiting')])).toBe('waiting');
      // The stalled batch commits; the other instance then finds the checkpoint moved and stands down.
      holding = false;
      open();
      expect(await other).toBe('stood down');
      await eventually(caughtUp, 30_000);
      // Every event on the timeline once: none lost, none applied by both.
      const { rows } = await pool.query<{ missing: string; extra: string }>(
        `SELECT (SELECT count(*) FROM event_store.events e WHERE NOT EXISTS (
                   SELECT 1 FROM ${schema}.timeline t WHERE 'case-' || t.case_id = e.stream_id AND t.stream_revision = e.stream_revision)) AS missing,
                (SELECT count(*) FROM ${schema}.timeline) - (SELECT count(*) FROM event_store.events) AS extra`,
      );
      expect(rows[0]).toEqual({ missing: '0', extra: '0' });
    } finally {
      holding = false;
      open();
      await runner.stop();
    }
  });
});
