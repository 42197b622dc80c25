import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import type { AppendResult as KurrentAppendResult } from '@kurrent/kurrentdb-client';
import { comparePositions } from '../types';
import type {
  EventStore,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../types';
import { validateAppend } from '../validate-append';
import { fromRecordedEvent, matchesFilter, toEventData, toServerFilter, toStoreError, toStreamState } from './mapping';

export type KurrentDBEventStoreOptions = {
  /** `kurrentdb://` or `esdb://` connection string; credentials and TLS settings go in it. */
  readonly connectionString: string;
};

/**
 * The production event store on the official gRPC client. Reads and subscriptions stream from the
 * server (never a whole stream or `$all` in memory); errors leave as the port's errors.
 */
export const createKurrentDBEventStore = (options: KurrentDBEventStoreOptions): EventStore => {
  const client = KurrentDBClient.connectionString(options.connectionString);

  const lastPositionOf = async (streamId: string): Promise<Position> => {
    for await (const resolved of client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    })) {
      if (resolved.event?.position) {
        return resolved.event.position;
      }
    }
    throw new Error(`KurrentDB returned no position for the last event of ${streamId}`);
  };

  async function* readStream(streamId: string, readOptions: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = readOptions.direction === 'backwards';
    try {
      for await (const resolved of client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          readOptions.fromRevision !== undefined ? BigInt(readOptions.fromRevision) : backwards ? END : START,
        ...(readOptions.maxCount !== undefined ? { maxCount: readOptions.maxCount } : {}),
      })) {
        const event = resolved.event;
        if (event) {
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

  async function* readAll(readOptions: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let remaining = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) {
      return;
    }
    try {
      for await (const resolved of client.readAll({
        direction: FORWARDS,
        fromPosition: readOptions.after ?? START,
        filter: toServerFilter(readOptions.filter),
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

  const subscribeToAll = (subscribeOptions: SubscribeOptions = {}): Subscription => {
    const subscription = client.subscribeToAll({
      fromPosition: subscribeOptions.after ?? START,
      filter: toServerFilter(subscribeOptions.filter),
    });
    let closed = false;
    const events = async function* (): AsyncGenerator<RecordedEvent> {
      try {
        for await (const resolved of subscription) {
          const event = resolved.event;
          if (!event || (subscribeOptions.after && comparePositions(event.position, subscribeOptions.after) <= 0)) {
            continue;
          }
          if (matchesFilter(event, subscribeOptions.filter)) {
            yield fromRecordedEvent(event, event.position);
          }
        }
      } catch (error) {
        if (!closed) {
          throw toStoreError(error, 'subscribing to $all');
        }
      }
    };
    return {
      [Symbol.asyncIterator]: () => events(),
      close: async () => {
        closed = true;
        await subscription.unsubscribe();
      },
    };
  };

  return {
    append: async (streamId, events, expected) => {
      validateAppend(streamId, events, expected);
      let result: KurrentAppendResult;
      try {
        result = await client.appendToStream(streamId, events.map(toEventData), {
          streamState: toStreamState(expected),
        });
      } catch (error) {
        throw toStoreError(error, `appending to ${streamId}`);
      }
      // An idempotent re-append may come back without a position: the stream's last event has it.
      const position =
        result.position ??
        (await lastPositionOf(streamId).catch((error: unknown) => {
          throw toStoreError(error, `reading ${streamId}`);
        }));
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position };
    },
    readStream,
    readAll,
    subscribeToAll,
    headPosition: async () => {
      try {
        for await (const resolved of client.readAll({
          direction: BACKWARDS,
          fromPosition: END,
          maxCount: 1,
          filter: excludeSystemEvents(),
        })) {
          if (resolved.event) {
            return resolved.event.position;
          }
        }
        return undefined;
      } catch (error) {
        throw toStoreError(error, 'reading the head of $all');
      }
    },
    close: () => client.dispose(),
  };
};
