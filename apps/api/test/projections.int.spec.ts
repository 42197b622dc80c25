import { CASE_STREAM_PREFIX } from '@sot/domain';
import { collect, comparePositions } from '@sot/event-store';
import type { Position } from '@sot/event-store';
import { quoteIdentifier } from '@sot/postgres';
import type { Kysely } from 'kysely';
import { Pool } from 'pg';
import pino from 'pino';
import { PG_POOL, createKysely } from '../src/platform';
import { ProjectionsService } from '../src/projections';
import type { ProjectedEvent, Projection, ReadModelTables } from '../src/projections';
import { caseReadModelProjection } from '../src/projections/case-read-model/case-read-model.projection';
import { readCheckpoint } from '../src/projections/runner/checkpoints';
import { PatientDataVault } from '../src/patient-data';
import { ProjectionRunner } from '../src/projections/runner/projection-runner';
import { ensureReadModelSchema } from '../src/projections/schema/read-model-schema';
import { timelineProjection } from '../src/projections/timeline/timeline.projection';
import { eventually, startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { walkCase } from './factories/scenarios';

const LIVE = { announce: true };

const silent = pino({ level: 'silent' });

/** Every read-model table of a schema, rows in key order: what a user could ever be shown. */
const snapshot = async (pool: Pool, schema: string, projection: string) => {
  const s = quoteIdentifier(schema);
  const tables =
    projection === 'timeline'
      ? [`SELECT * FROM ${s}.timeline ORDER BY case_id, stream_revision`]
      : [`SELECT * FROM ${s}.case_summaries ORDER BY case_id`, `SELECT * FROM ${s}.case_details ORDER BY case_id`];
  const results = await Promise.all(tables.map((query) => pool.query<Record<string, unknown>>(query)));
  const checkpoint = await pool.query<Record<string, unknown>>(
    `SELECT commit_position, prepare_position FROM ${s}.checkpoints WHERE projection = $1`,
    [projection],
  );
  return { rows: results.map((result) => result.rows), checkpoint: checkpoint.rows };
};

describe('projection runner against real PostgreSQL', () => {
  let harness: Harness;
  let manager: TestUser;
  let pool: Pool;
  let variant = 0;
  const walk = async (cases: number) => {
    for (let index = 0; index < cases; index += 1) {
      variant += 1;
      await walkCase(harness, manager, variant);
    }
  };
  const readModels = async (schema: string): Promise<Kysely<ReadModelTables>> => {
    await ensureReadModelSchema(createKysely<unknown>(pool), schema);
    return createKysely<ReadModelTables>(pool).withSchema(schema);
  };
  const caughtUp = async (db: Kysely<ReadModelTables>, projection: string): Promise<boolean> => {
    const head = await harness.store.headPosition();
    const checkpoint = await readCheckpoint(db, projection);
    return head !== undefined && checkpoint !== undefined && comparePositions(checkpoint, head) >= 0;
  };
  const runner = (projection: Projection, schema: string, db: Kysely<ReadModelTables>, runnerPool = pool) =>
    new ProjectionRunner({
      projection,
      store: harness.store,
      vault: harness.app.get(PatientDataVault),
      pool: runnerPool,
      db,
      schema,
      batchSize: 16,
      logger: silent,
      standbyPollMs: 50,
      retryDelayMs: 300,
    });
  /** Rebuilds a projection from the first event into a fresh schema. */
  const rebuild = async (projection: Projection, schema: string) => {
    const db = await readModels(schema);
    const fresh = runner(projection, schema, db);
    fresh.start();
    await eventually(() => caughtUp(db, projection.name), 30_000);
    await fresh.stop();
    return snapshot(pool, schema, projection.name);
  };

  beforeAll(async () => {
    harness = await startHarness('projections', { env: { READ_YOUR_WRITES_TIMEOUT_MS: '300' } });
    manager = await harness.user('CASE_MANAGER', 'manager-pat');
    pool = harness.app.get<Pool>(PG_POOL);
    await walk(12);
  });
  afterAll(() => harness?.close());

  describe.each([caseReadModelProjection, timelineProjection])('$name', (projection) => {
    it('crashes mid-batch, rolls the batch back whole, restarts from its checkpoint and ends equal to a rebuild', async () => {
      const schema = `crash_${projection.name.replace(/-/g, '_')}`;
      const db = await readModels(schema);
      let batches = 0;
      let failed: { events: readonly ProjectedEvent[]; checkpointBefore: Position | undefined } | undefined;
      const crashing: Projection = {
        name: projection.name,
        apply: async (trx, events) => {
          batches += 1;
          if (batches === 3) {
            // Half the batch is written inside the transaction, then the process "dies".
            await projection.apply(trx, events.slice(0, Math.ceil(events.length / 2)), LIVE);
            failed = { events, checkpointBefore: await readCheckpoint(db, projection.name) };
            throw new Error('simulated crash in the middle of a batch');
          }
          await projection.apply(trx, events, LIVE);
        },
      };
      const first = runner(crashing, schema, db);
      first.start();
      await eventually(() => failed !== undefined, 30_000);
      // Within the retry delay: nothing of the failed batch is visible, the checkpoint has not moved.
      expect(failed!.events.length).toBeGreaterThan(1);
      expect(await readCheckpoint(db, projection.name)).toEqual(failed!.checkpointBefore);
      const failedCases = [...new Set(failed!.events.map((event) => event.caseId))];
      if (projection.name === 'timeline') {
        const firstFailed = failed!.events[0]!;
        const row = await db
          .selectFrom('timeline')
          .select('case_id')
          .where('case_id', '=', firstFailed.caseId)
          .where('stream_revision', '=', firstFailed.recorded.streamRevision)
          .executeTakeFirst();
        expect(row).toBeUndefined();
      } else {
        const versions = await db
          .selectFrom('case_details')
          .select(['case_id', 'version'])
          .where('case_id', 'in', failedCases)
          .execute();
        for (const { case_id: caseId, version } of versions) {
          const firstInBatch = failed!.events.find((event) => event.caseId === caseId)!;
          expect(version).toBeLessThan(firstInBatch.version);
        }
      }
      // The process is gone: a new runner instance takes over from the checkpoint, while new events arrive.
      await first.stop();
      const restarted = runner(projection, schema, db);
      restarted.start();
      await walk(2);
      await eventually(() => caughtUp(db, projection.name), 30_000);
      await restarted.stop();

      const rebuilt = await rebuild(projection, `rebuild_${schema}`);
      const recovered = await snapshot(pool, schema, projection.name);
      expect(recovered.rows.flat().length).toBeGreaterThan(0);
      expect(recovered).toEqual(rebuilt);
    });
  });

  it('with two runners on one database only the leader applies events, and the standby takes over when it stops', async () => {
    const schema = 'leadership';
    const db = await readModels(schema);
    const applied = new Map<string, number>();
    const counting = (instance: string): Projection => ({
      name: timelineProjection.name,
      apply: async (trx, events) => {
        await timelineProjection.apply(trx, events, LIVE);
        applied.set(instance, (applied.get(instance) ?? 0) + events.length);
      },
    });
    // Two api instances: each its own connection pool.
    const pools = [
      new Pool({ connectionString: harness.databaseUrl }),
      new Pool({ connectionString: harness.databaseUrl }),
    ];
    const runners = [runner(counting('a'), schema, db, pools[0]), runner(counting('b'), schema, db, pools[1])];
    try {
      runners.forEach((each) => each.start());
      await eventually(() => caughtUp(db, 'timeline'), 30_000);
      await walk(1);
      await eventually(() => caughtUp(db, 'timeline'), 30_000);
      expect(runners.filter((each) => each.leader)).toHaveLength(1);
      const leaderIndex = runners.findIndex((each) => each.leader);
      const [leader, standby] = [runners[leaderIndex]!, runners[1 - leaderIndex]!];
      const [leaderName, standbyName] = leaderIndex === 0 ? ['a', 'b'] : ['b', 'a'];
      expect(applied.get(leaderName)).toBeGreaterThan(0);
      expect(applied.get(standbyName)).toBeUndefined();

      await leader.stop();
      await walk(1);
      await eventually(() => standby.leader, 10_000);
      await eventually(() => caughtUp(db, 'timeline'), 30_000);
      expect(applied.get(standbyName)).toBeGreaterThan(0);
      // Exactly once between them: the events applied add up to the events in the store.
      const stored = await collect(harness.store.readAll({ filter: { streamPrefix: CASE_STREAM_PREFIX } }));
      expect((applied.get('a') ?? 0) + (applied.get('b') ?? 0)).toBe(stored.length);
      await standby.stop();
      expect(await snapshot(pool, schema, 'timeline')).toEqual(await rebuild(timelineProjection, 'rebuild_leadership'));
    } finally {
      await Promise.all(runners.map((each) => each.stop()));
      await Promise.all(pools.map((each) => each.end()));
    }
  });

  it('the conflict saga, stopped while a disagreeing opinion arrives, raises the conflict once it runs again', async () => {
    const saga = harness.app.get(ProjectionsService).runners.find((each) => each.name === 'conflict-saga')!;
    await saga.stop();
    variant += 1 - (variant % 2); // an odd variant: its opinion disagrees with the original
    const caseId = await walkCase(harness, manager, variant);
    const conflicts = async () => {
      const response = await harness.gql<{
        case: { conflicts: { conflictId: string; raisedAutomatically: boolean }[] };
      }>(
        'query($id: ID!) { case(id: $id) { conflicts { conflictId raisedAutomatically } } }',
        { id: caseId },
        manager.token,
      );
      return response.data!.case.conflicts;
    };
    expect(await conflicts()).toEqual([]);
    saga.start();
    await eventually(async () => (await conflicts()).length > 0, 15_000);
    expect(await conflicts()).toEqual([{ conflictId: 'auto:treatment:r1', raisedAutomatically: true }]);
  });
});
