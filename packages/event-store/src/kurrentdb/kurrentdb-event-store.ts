import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import type { AppendResult as KurrentAppendResult } from '@kurrent/kurrentdb-client';
import { comparePositions } from '../types';
import type {
  EventStore,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../types';
import { validateAppend } from '../validate-append';
import {
  ALL_BUT_SYSTEM_STREAMS,
  fromRecordedEvent,
  matchesFilter,
  serverFilterIsExact,
  toEventData,
  toServerFilter,
  toStoreError,
  toStreamState,
} from './mapping';

export type KurrentDBEventStoreOptions = {
  /** `kurrentdb://` or `esdb://` connection string; credentials and TLS settings go in it. */
  readonly connectionString: string;
};

type KurrentSubscription = ReturnType<KurrentDBClient['subscribeToAll']>;

/** Events of a server subscription, as the port's events; leaving early ends the server's call. */
const subscriptionEvents = (
  subscription: KurrentSubscription,
  options: SubscribeOptions,
  state: { closed: boolean; close: () => Promise<void> },
): AsyncGenerator<RecordedEvent> =>
  (async function* () {
    try {
      for await (const resolved of subscription) {
        const event = resolved.event;
        if (!event || (options.after && comparePositions(event.position, options.after) <= 0)) {
          continue;
        }
        if (matchesFilter(event, options.filter)) {
          yield fromRecordedEvent(event, event.position);
        }
      }
    } catch (error) {
      if (!state.closed) {
        throw toStoreError(error, 'subscribing to $all');
      }
    } finally {
      // Leaving the loop early must also end the server's call, not only the local stream.
      await state.close();
    }
  })();

/**
 * The production event store on the official gRPC client. Reads and subscriptions stream from the
 * server (never a whole stream or `$all` in memory); errors leave as the port's errors.
 */
class KurrentDBEventStore implements EventStore {
  private readonly client: KurrentDBClient;

  constructor(options: KurrentDBEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
  }

  // The port's operations are own properties (arrow functions): a store can be spread or passed around.
  readonly append: EventStore['append'] = async (streamId, events, expected) => {
    validateAppend(streamId, events, expected);
    let result: KurrentAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      throw toStoreError(error, `appending to ${streamId}`);
    }
    if (result.position) {
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: result.position };
    }
    // The server answers an idempotent re-append without a position: the batch's last event has it.
    const position = await this.positionAt(streamId, result.nextExpectedRevision).catch((error: unknown) => {
      throw toStoreError(error, `reading ${streamId}`);
    });
    return { nextExpectedRevision: Number(result.nextExpectedRevision), position, alreadyAppended: true };
  };

  readonly readStream: EventStore['readStream'] = (streamId, readOptions = {}) =>
    this.streamEvents(streamId, readOptions);

  readonly readAll: EventStore['readAll'] = (readOptions = {}) => this.allEvents(readOptions);

  private async *streamEvents(streamId: string, readOptions: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    const backwards = readOptions.direction === 'backwards';
    if (readOptions.maxCount !== undefined && readOptions.maxCount <= 0) {
      return;
    }
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          readOptions.fromRevision !== undefined ? BigInt(readOptions.fromRevision) : backwards ? END : START,
        ...(readOptions.maxCount !== undefined ? { maxCount: readOptions.maxCount } : {}),
      })) {
        const event = resolved.event;
        if (event) {
          // A stream read may come without a global position; it sorts before every real one.
          // Stream reads serve replays, which use revisions: nothing resumes from this position.
          yield fromRecordedEvent(event, event.position ?? { commit: -1n, prepare: -1n });
        }
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        return;
      }
      throw toStoreError(error, `reading ${streamId}`);
    }
  }

  private async *allEvents(readOptions: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    let remaining = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) {
      return;
    }
    try {
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: readOptions.after ?? START,
        filter: toServerFilter(readOptions.filter),
        // Bounded on the server when its filter is exact: leaving early does not end the server's read.
        ...(Number.isFinite(remaining) && serverFilterIsExact(readOptions.filter)
          ? { maxCount: remaining + (readOptions.after ? 1 : 0) }
          : {}),
      })) {
        const event = resolved.event;
        // fromPosition is inclusive on reads; `after` is not.
        if (!event || (readOptions.after && comparePositions(event.position, readOptions.after) <= 0)) {
          continue;
        }
        if (!matchesFilter(event, readOptions.filter)) {
          continue;
        }
        yield fromRecordedEvent(event, event.position);
        remaining -= 1;
        if (remaining === 0) {
          return;
        }
      }
    } catch (error) {
      throw toStoreError(error, 'reading $all');
    }
  }

  readonly subscribeToAll: EventStore['subscribeToAll'] = (subscribeOptions = {}) => {
    const subscription = this.client.subscribeToAll({
      fromPosition: subscribeOptions.after ?? START,
      filter: toServerFilter(subscribeOptions.filter),
    });
    // The client re-emits gRPC errors on the stream: with no listener before the first read,
    // an unreachable server would throw out of an event handler and end the process.
    subscription.on('error', () => undefined);
    const state = {
      closed: false,
      close: async (): Promise<void> => {
        if (!state.closed) {
          state.closed = true;
          await subscription.unsubscribe().catch(() => undefined);
        }
      },
    };
    let iterator: AsyncGenerator<RecordedEvent> | undefined;
    return {
      [Symbol.asyncIterator]: () => (iterator ??= subscriptionEvents(subscription, subscribeOptions, state)),
      close: state.close,
    };
  };

  readonly headPosition: EventStore['headPosition'] = async () => {
    try {
      // The newest event outside `$` streams: what readers and subscriptions can reach.
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: ALL_BUT_SYSTEM_STREAMS,
      })) {
        if (resolved.event) {
          return resolved.event.position;
        }
      }
      return undefined;
    } catch (error) {
      throw toStoreError(error, 'reading the head of $all');
    }
  };

  readonly close: EventStore['close'] = () => this.client.dispose();

  private async positionAt(streamId: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      if (resolved.event?.position) {
        return resolved.event.position;
      }
    }
    throw new Error(`KurrentDB returned no position for revision ${revision} of ${streamId}`);
  }
}

export const createKurrentDBEventStore = (options: KurrentDBEventStoreOptions): EventStore =>
  new KurrentDBEventStore(options);
