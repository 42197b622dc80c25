import type { CaseEvent } from '@sot/domain';
import type { RecordedEvent } from '@sot/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelTables } from '../schema/read-model.tables';

/** A stored case event with its place in the stream and in the global order. */
export type ProjectedEvent = {
  readonly caseId: string;
  readonly event: CaseEvent;
  readonly recorded: RecordedEvent;
  /** The case's version once this event is applied. */
  readonly version: number;
};

/**
 * A projection applies a batch of events to its tables. The runner owns batching, the
 * transaction and the checkpoint, so `apply` never commits and never sees a partial batch.
 */
export type Projection = {
  readonly name: string;
  /**
   * Its effects are events in the store (a saga), not read-model tables: a new generation of the
   * read models takes its checkpoint over from the last one instead of replaying it all again.
   */
  readonly effectsAreEvents?: boolean;
  readonly apply: (
    trx: Transaction<ReadModelTables>,
    events: readonly ProjectedEvent[],
    context: ProjectionContext,
  ) => Promise<void>;
};

/** `announce`: tell live subscribers what changed (false while a rebuild replays the store into new tables). */
export type ProjectionContext = { readonly announce: boolean };
