import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EventStore, Position } from '@sot/event-store';
import { comparePositions } from '@sot/event-store';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { READ_DB } from '../core/core.module';
import { EVENT_STORE, PG_POOL, READ_MODEL_SCHEMA_NAME } from '../database/database';
import type { ReadModelTables } from '../database/tables';
import { LOGGER } from '../logging/logger';
import { caseReadModelProjection } from './case-read-model.projection';
import { ConflictSaga } from './conflict.saga';
import { readCheckpoints } from './checkpoints';
import { CaseEventsProjected } from './projection-events';
import { ProjectionRunner } from './projection-runner';
import { timelineProjection } from './timeline.projection';

@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runners: readonly ProjectionRunner[];
  private readonly names: readonly string[];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) pool: Pool,
    @Inject(READ_DB) private readonly db: Kysely<ReadModelTables>,
    @Inject(READ_MODEL_SCHEMA_NAME) schema: string,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
    eventBus: EventBus,
    conflictSaga: ConflictSaga,
  ) {
    const common = {
      store,
      pool,
      db,
      schema,
      batchSize: config.PROJECTION_BATCH_SIZE,
      retryDelayMs: config.PROJECTION_RETRY_INITIAL_MS,
      maxRetryDelayMs: config.PROJECTION_RETRY_MAX_MS,
      logger,
    };
    this.runners = [
      new ProjectionRunner({
        ...common,
        projection: caseReadModelProjection,
        onCommitted: (events) => {
          eventBus.publish(new CaseEventsProjected(events));
        },
      }),
      new ProjectionRunner({ ...common, projection: timelineProjection }),
      new ProjectionRunner({ ...common, projection: conflictSaga.projection }),
    ];
    this.names = this.runners.map((runner) => runner.name);
  }

  onApplicationBootstrap(): void {
    this.runners.forEach((runner) => runner.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Read-your-writes: resolves true once every projection has passed `position`, false on timeout. */
  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoints = await readCheckpoints(this.db, this.names);
      if (
        this.names.every((name) => {
          const checkpoint = checkpoints.get(name);
          return checkpoint !== undefined && comparePositions(checkpoint, position) >= 0;
        })
      ) {
        return true;
      }
      if (Date.now() >= deadline) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  /** How far each projection trails the store's head (events are not counted, positions are compared). */
  async lag(): Promise<{ projection: string; caughtUp: boolean; leader: boolean }[]> {
    const [head, checkpoints] = await Promise.all([this.store.headPosition(), readCheckpoints(this.db, this.names)]);
    return this.runners.map((runner) => {
      const checkpoint = checkpoints.get(runner.name);
      const caughtUp = head === undefined || (checkpoint !== undefined && comparePositions(checkpoint, head) >= 0);
      return { projection: runner.name, caughtUp, leader: runner.leader };
    });
  }
}
