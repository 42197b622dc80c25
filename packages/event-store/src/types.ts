/**
 * A place in the global order. KurrentDB has commit and prepare positions; the postgres adapter
 * uses the committing transaction's id and the row's sequence number, ordered the same way.
 */
export type Position = { readonly commit: bigint; readonly prepare: bigint };

export const comparePositions = (a: Position, b: Position): number =>
  a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;

export type JsonObject = { readonly [key: string]: unknown };

export type EventMetadata = JsonObject & {
  readonly schemaVersion?: number;
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: JsonObject;
};

export type NewEvent = {
  /** A UUID; derive it from the command id so a retried command appends nothing twice. */
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
};

export type RecordedEvent = NewEvent & {
  readonly streamId: string;
  /** 0 for the first event of a stream. */
  readonly streamRevision: number;
  readonly position: Position;
  readonly recordedAt: Date;
};

/** What the writer believes the stream's last revision to be. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export type AppendResult = {
  /** The revision of the last event now in the stream: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  readonly position: Position;
  /** True when these event ids were already in the stream, in this order: nothing was written. */
  readonly alreadyAppended?: boolean;
};

export type ReadStreamOptions = {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; forwards defaults to 0, backwards to the end. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
};

export type EventFilter = {
  readonly streamPrefix?: string;
  readonly eventTypes?: readonly string[];
};

export type ReadAllOptions = {
  /** Exclusive: events after this position. Omit to start at the beginning. */
  readonly after?: Position;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
};

export type Subscription = AsyncIterable<RecordedEvent> & {
  /** Ends the iteration; resolves once resources are released. */
  readonly close: () => Promise<void>;
};

export type SubscribeOptions = Omit<ReadAllOptions, 'maxCount'>;

/** The port every adapter implements, and the contract suite checks. */
export type EventStore = {
  readonly append: (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) => Promise<AppendResult>;
  readonly readStream: (streamId: string, options?: ReadStreamOptions) => AsyncIterable<RecordedEvent>;
  readonly readAll: (options?: ReadAllOptions) => AsyncIterable<RecordedEvent>;
  readonly subscribeToAll: (options?: SubscribeOptions) => Subscription;
  /** The position of the newest event readers may see, or undefined for an empty store. */
  readonly headPosition: () => Promise<Position | undefined>;
  readonly close: () => Promise<void>;
};

export type StoreErrorCode = 'WRONG_EXPECTED_VERSION' | 'UNAVAILABLE' | 'DUPLICATE_EVENT_ID' | 'INVALID_ARGUMENT';

export class EventStoreError extends Error {
  override readonly name: string = 'EventStoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class WrongExpectedVersionError extends EventStoreError {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super('WRONG_EXPECTED_VERSION', `Stream ${streamId} is at revision ${actual}, expected ${expected}`);
  }
}

export class EventStoreUnavailableError extends EventStoreError {
  override readonly name = 'EventStoreUnavailableError';

  constructor(message: string, cause?: unknown) {
    super('UNAVAILABLE', message, { cause });
  }
}

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
  }
  return items;
};
