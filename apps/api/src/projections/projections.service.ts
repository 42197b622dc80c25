import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { CASE_STREAM_PREFIX } from '@sot/domain';
import type { EventStore, Position } from '@sot/event-store';
import { comparePositions } from '@sot/event-store';
import type { Logger } from 'pino';
import { PatientDataVault } from '../patient-data';
import { APP_CONFIG, EVENT_STORE, LOGGER } from '../platform';
import type { AppConfig } from '../platform';
import { caseReadModelProjection } from './case-read-model/case-read-model.projection';
import { READ_MODELS } from './read-models';
import type { ReadModelDatabase } from './read-models';
import { carryCheckpointOver, readCheckpoints } from './runner/checkpoints';
import type { Projection } from './runner/projection';
import { ProjectionRunner } from './runner/projection-runner';
import { vacuumProjectionTables } from './schema/read-model-schema';
import { timelineProjection } from './timeline/timeline.projection';

export type ProjectionStatus = {
  projection: string;
  caughtUp: boolean;
  leader: boolean;
  /** Events stored after its checkpoint, counted up to `countUpTo` (more are reported as that many). */
  lagEvents: number;
};

/**
 * Runs every projection of this instance: the read models', and those other modules register
 * before start-up (the conflict saga). Started once the app is bootstrapped, stopped on shutdown.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly all: ProjectionRunner[] = [];
  /** 'applied' (projection name, checkpoint) after each batch this instance commits. */
  readonly progress = new EventEmitter().setMaxListeners(0);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly vault: PatientDataVault,
  ) {
    this.register(caseReadModelProjection);
    this.register(timelineProjection);
  }

  get runners(): readonly ProjectionRunner[] {
    return this.all;
  }

  get names(): readonly string[] {
    return this.all.map((runner) => runner.name);
  }

  /** Adds a projection; call it before the application bootstraps (from onModuleInit). */
  register(projection: Projection): void {
    const { pool, db, schema } = this.readModels;
    this.all.push(
      new ProjectionRunner({
        projection,
        store: this.store,
        vault: this.vault,
        pool,
        db,
        schema,
        batchSize: this.config.PROJECTION_BATCH_SIZE,
        retryDelayMs: this.config.PROJECTION_RETRY_INITIAL_MS,
        maxRetryDelayMs: this.config.PROJECTION_RETRY_MAX_MS,
        logger: this.logger,
        onApplied: (name, checkpoint) => this.progress.emit('applied', name, checkpoint),
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const { pool, schema } = this.readModels;
    for (const runner of this.all) {
      if (runner.effectsAreEvents) {
        await carryCheckpointOver(pool, schema, runner.name);
      }
    }
    await this.vacuumOnceBuilt();
    this.all.forEach((runner) => runner.start());
  }

  // Before the platform closes the store and the database (its onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.all.map((runner) => runner.stop()));
    await this.vacuuming;
  }

  private vacuuming: Promise<void> = Promise.resolve();

  /**
   * A new read-model version (or a new database) is built by these runners from the whole store:
   * once a projection without a checkpoint at start-up first reaches the store's head (as it stood
   * when first asked), its tables are vacuumed and analysed, as a rebuild's are before its swap,
   * rather than left to autovacuum while queries already meet them. Only a projection's leader
   * applies batches, so one instance does it. The store may not be reachable yet at start-up: the
   * head is not waited for here, and without it nothing is vacuumed (autovacuum will come).
   */
  private async vacuumOnceBuilt(): Promise<void> {
    const { pool, schema, db } = this.readModels;
    const names = this.all.filter((runner) => !runner.effectsAreEvents).map((runner) => runner.name);
    const checkpoints = await readCheckpoints(db, names);
    const building = new Set(names.filter((name) => !checkpoints.has(name)));
    if (building.size === 0) {
      return;
    }
    const head = this.store.headPosition().then(
      (position) => position ?? 'empty',
      () => 'unknown' as const,
    );
    const builtUpTo = async (name: string, checkpoint: Position): Promise<void> => {
      const at = await head;
      if (!building.has(name) || (typeof at !== 'string' && comparePositions(checkpoint, at) < 0)) {
        return;
      }
      building.delete(name);
      if (building.size === 0) {
        this.progress.off('applied', applied);
      }
      // An empty store at start-up built nothing; an unreachable one leaves it to autovacuum.
      if (typeof at === 'string') {
        return;
      }
      try {
        await vacuumProjectionTables(pool, schema, [name]);
        this.logger.info({ projection: name }, 'read model built from the store; its tables vacuumed and analysed');
      } catch (error) {
        // The read model is right either way; autovacuum will come.
        this.logger.warn({ projection: name, err: String(error) }, 'vacuuming a freshly built read model failed');
      }
    };
    const applied = (name: string, checkpoint: Position): void => {
      if (building.has(name)) {
        this.vacuuming = this.vacuuming.then(() => builtUpTo(name, checkpoint));
      }
    };
    this.progress.on('applied', applied);
  }

  /** How far each projection trails the store's head; the lag is counted up to `countUpTo` events. */
  async status(countUpTo: number): Promise<ProjectionStatus[]> {
    const [head, checkpoints] = await Promise.all([
      this.store.headPosition(),
      readCheckpoints(this.readModels.db, this.names),
    ]);
    return Promise.all(
      this.all.map(async (runner) => {
        const checkpoint = checkpoints.get(runner.name);
        const caughtUp = head === undefined || (checkpoint !== undefined && comparePositions(checkpoint, head) >= 0);
        const lagEvents = caughtUp ? 0 : await this.eventsAfter(checkpoint, countUpTo);
        return { projection: runner.name, caughtUp, leader: runner.leader, lagEvents };
      }),
    );
  }

  private async eventsAfter(checkpoint: Position | undefined, countUpTo: number): Promise<number> {
    let count = 0;
    const filter = { streamPrefix: CASE_STREAM_PREFIX };
    for await (const _event of this.store.readAll({
      ...(checkpoint ? { after: checkpoint } : {}),
      filter,
      maxCount: countUpTo + 1,
    })) {
      count += 1;
    }
    return count;
  }
}
