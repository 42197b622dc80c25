import { CASE_STREAM_PREFIX, caseIdFromStream } from '@sot/domain';
import { EventStoreError } from '@sot/event-store';
import type { EventStore, Position, RecordedEvent, Subscription } from '@sot/event-store';
import type { Kysely } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { toCaseEvent } from '../../case-events';
import type { PatientDataVault } from '../../patient-data';
import { backoffDelay } from '../../platform';
import type { ReadModelTables } from '../schema/read-model.tables';
import { CheckpointMovedError, lockCheckpoint, moveCheckpoint, readCheckpoint } from './checkpoints';
import type { ProjectedEvent, Projection } from './projection';

/** First key of the advisory locks that elect one leader per projection across api instances. */
const LEADER_LOCK_NAMESPACE = 7_302;
const NOT_YET = Symbol('not yet');

export type ProjectionRunnerOptions = {
  readonly projection: Projection;
  readonly store: EventStore;
  readonly vault: PatientDataVault;
  readonly pool: Pool;
  readonly db: Kysely<ReadModelTables>;
  readonly schema: string;
  readonly batchSize: number;
  readonly logger: Logger;
  readonly standbyPollMs?: number;
  /** First delay after a failure; it doubles with each failure in a row, up to maxRetryDelayMs. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Told after each batch is committed: read-your-writes waits on it instead of polling. */
  readonly onApplied?: (projection: string, checkpoint: Position, events: number) => void;
  /** Whether live subscribers hear of the changes (not while rebuilding into new tables). */
  readonly announce?: boolean;
};

/**
 * Runs one projection: waits to become its leader, then follows the store from the checkpoint,
 * applying batches and the new checkpoint in one transaction. A failed batch rolls back whole
 * and is retried from the checkpoint, so a crash never leaves a half-applied batch behind.
 */
export class ProjectionRunner {
  private running = false;
  private leaderClient: PoolClient | undefined;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  leader = false;
  /** Failures since the last batch applied: drives the backoff. */
  private failures = 0;
  /** Where this runner last saw (or moved) the checkpoint. */
  private checkpoint: Position | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {}

  get name(): string {
    return this.options.projection.name;
  }

  get effectsAreEvents(): boolean {
    return this.options.projection.effectsAreEvents === true;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.subscription?.close();
    await this.loop;
    this.releaseLeadership();
  }

  private async run(): Promise<void> {
    const { logger, retryDelayMs = 1_000, maxRetryDelayMs = 30_000 } = this.options;
    while (this.running) {
      try {
        if (await this.becomeLeader()) {
          await this.follow();
        } else {
          await this.sleep(this.options.standbyPollMs ?? 500);
        }
      } catch (error) {
        if (error instanceof CheckpointMovedError) {
          this.options.logger.warn({ projection: this.name }, 'checkpoint moved by another instance: standing down');
          await this.subscription?.close().catch(() => undefined);
          this.subscription = undefined;
          this.releaseLeadership();
          continue;
        }
        this.failures += 1;
        const retryInMs = backoffDelay(this.failures, retryDelayMs, maxRetryDelayMs);
        const unavailable = error instanceof EventStoreError && error.code === 'UNAVAILABLE';
        logger[unavailable ? 'warn' : 'error'](
          { projection: this.name, err: errorSummary(error), failuresInARow: this.failures, retryInMs },
          unavailable
            ? 'event store unavailable; projection retrying from its checkpoint'
            : 'projection batch failed; retrying from its checkpoint',
        );
        await this.subscription?.close().catch(() => undefined);
        this.subscription = undefined;
        // Stopped meanwhile: no retry to wait for (a rebuild's swap may be waiting on this stop).
        if (this.running) {
          await this.sleep(retryInMs);
        }
      }
    }
  }

  private async becomeLeader(): Promise<boolean> {
    if (this.leaderClient) {
      return true;
    }
    const client = await this.options.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
      [LEADER_LOCK_NAMESPACE, `${this.options.schema}:${this.name}`],
    );
    if (rows[0]?.locked !== true) {
      client.release();
      return false;
    }
    // Losing this connection loses the lock; the session ends and another instance takes over.
    client.on('error', () => this.releaseLeadership());
    this.leaderClient = client;
    this.leader = true;
    this.options.logger.info({ projection: this.name }, 'projection leadership acquired');
    return true;
  }

  private releaseLeadership(): void {
    if (this.leaderClient) {
      this.leaderClient.release(true);
      this.leaderClient = undefined;
      this.leader = false;
      this.options.logger.info({ projection: this.name }, 'projection leadership released');
    }
  }

  private async follow(): Promise<void> {
    const after = await readCheckpoint(this.options.db, this.name);
    // Stopped while reading the checkpoint: subscribe to nothing.
    if (!this.running) {
      return;
    }
    this.checkpoint = after;
    const subscription = this.options.store.subscribeToAll({
      ...(after ? { after } : {}),
      filter: { streamPrefix: CASE_STREAM_PREFIX },
    });
    this.subscription = subscription;
    try {
      await this.followBatches(subscription);
    } finally {
      // However the loop ends, its reads end with it: none may outlive the pool.
      await subscription.close();
    }
  }

  private async followBatches(subscription: Subscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending = iterator.next();
    // A read still pending when the loop ends fails once the subscription closes: nobody awaits it.
    pending.catch(() => undefined);
    while (this.running && this.leaderClient) {
      const first = await pending;
      if (first.done) {
        return;
      }
      const batch = [first.value];
      pending = iterator.next();
      pending.catch(() => undefined);
      while (batch.length < this.options.batchSize) {
        // Events already read ahead resolve before a macrotask: take them, then apply.
        const next = await Promise.race([
          pending,
          new Promise<typeof NOT_YET>((resolve) => setImmediate(() => resolve(NOT_YET))),
        ]);
        if (next === NOT_YET || next.done) {
          break;
        }
        batch.push(next.value);
        pending = iterator.next();
        pending.catch(() => undefined);
      }
      await this.applyBatch(batch);
    }
  }

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    // One look-up of the batch's keys, before the transaction: a projection sees patient data opened.
    const open = await this.options.vault.openerFor(batch.flatMap(({ streamId }) => caseIdFromStream(streamId) ?? []));
    const projected = batch.flatMap((recorded): ProjectedEvent[] => {
      const caseId = caseIdFromStream(recorded.streamId);
      return caseId
        ? [{ caseId, event: toCaseEvent(open(recorded)), recorded, version: recorded.streamRevision + 1 }]
        : [];
    });
    const last = batch[batch.length - 1]!;
    await this.options.db.transaction().execute(async (trx) => {
      await lockCheckpoint(trx, this.name, this.checkpoint);
      await this.options.projection.apply(trx, projected, { announce: this.options.announce ?? true });
      await moveCheckpoint(trx, this.name, this.checkpoint, last.position);
    });
    this.checkpoint = last.position;
    this.failures = 0;
    this.options.onApplied?.(this.name, last.position, batch.length);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const errorSummary = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
