import {
  ANY,
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  NO_STREAM,
  NotLeaderError,
  STREAM_EXISTS,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  convertToCommandError,
  eventTypeFilter,
  isCommandError,
  jsonEvent,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type {
  AppendStreamState,
  CurrentStreamState,
  EventData,
  Filter,
  RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { EventStoreError, EventStoreUnavailableError, WrongExpectedVersionError } from '../types';
import type { EventFilter, ExpectedRevision, JsonObject, NewEvent, Position, RecordedEvent } from '../types';

/** gRPC status codes that mean "the server cannot be reached or did not answer in time". */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

export const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
};

/** The wire's sentinels, which the client passes through as negative revisions when it builds errors from metadata. */
const SENTINELS: ReadonlyMap<bigint, ExpectedRevision> = new Map<bigint, ExpectedRevision>([
  [-1n, 'no_stream'],
  [-2n, 'any'],
  [-4n, 'stream_exists'],
]);

const fromStreamState = (state: AppendStreamState | CurrentStreamState): ExpectedRevision => {
  if (typeof state === 'bigint') {
    return state >= 0n ? Number(state) : (SENTINELS.get(state) ?? 'no_stream');
  }
  return state === NO_STREAM ? 'no_stream' : state === ANY ? 'any' : 'stream_exists';
};

export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: event.metadata });

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** A stored event in the port's shape; events written by other tools (binary, no metadata) are refused. */
export const fromRecordedEvent = (event: KurrentRecordedEvent, position: Position): RecordedEvent => {
  if (!event.isJson || !isJsonObject(event.data)) {
    throw new EventStoreError('INVALID_ARGUMENT', `Event ${event.id} in ${event.streamId} is not a JSON object`);
  }
  return {
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: isJsonObject(event.metadata) ? event.metadata : {},
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    position,
    recordedAt: event.created,
  };
};

export const isSystemEvent = (type: string): boolean => type.startsWith('$');

/**
 * The server filters on one thing only: the stream name prefix when one is given (which also keeps
 * `$` system streams out), otherwise the event types, otherwise all but system events. Whatever
 * the server could not filter is filtered again by `matchesFilter` on our side.
 */
export const toServerFilter = (filter: EventFilter | undefined): Filter => {
  if (filter?.streamPrefix !== undefined) {
    return streamNameFilter({ prefixes: [filter.streamPrefix] });
  }
  if (filter?.eventTypes !== undefined && filter.eventTypes.length > 0) {
    const alternatives = filter.eventTypes.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    return eventTypeFilter({ regex: `^(?:${alternatives})$` });
  }
  return ALL_BUT_SYSTEM_STREAMS;
};

/** Everything outside `$` streams: our streams never start with `$`, the server's own always do. */
export const ALL_BUT_SYSTEM_STREAMS: Filter = streamNameFilter({ regex: '^[^$]' });

/** Whether the server filter alone selects exactly what `matchesFilter` keeps. */
export const serverFilterIsExact = (filter: EventFilter | undefined): boolean =>
  !(filter?.streamPrefix !== undefined && filter.eventTypes !== undefined);

export const matchesFilter = (
  event: Pick<RecordedEvent, 'streamId' | 'type'>,
  filter: EventFilter | undefined,
): boolean =>
  !isSystemEvent(event.type) &&
  !event.streamId.startsWith('$') &&
  (filter?.streamPrefix === undefined || event.streamId.startsWith(filter.streamPrefix)) &&
  (filter?.eventTypes === undefined || filter.eventTypes.includes(event.type));

const grpcCode = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number'
    ? (error as { code: number }).code
    : undefined;

/** The client's and gRPC's ways of saying the server cannot be reached (or not in time). */
const isUnreachable = (error: unknown): boolean =>
  error instanceof UnavailableError ||
  error instanceof DeadlineExceededError ||
  error instanceof TimeoutError ||
  error instanceof NotLeaderError ||
  error instanceof CancelledError ||
  grpcCode(error) === GRPC_UNAVAILABLE ||
  grpcCode(error) === GRPC_DEADLINE_EXCEEDED;

const isRefusedArgument = (error: unknown): boolean => {
  const type = (error as { type?: unknown } | undefined)?.type;
  return (
    type === ErrorType.INVALID_ARGUMENT ||
    type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED ||
    type === ErrorType.APPEND_RECORD_SIZE_EXCEEDED
  );
};

const wrongExpectedVersion = (error: KurrentWrongExpectedVersionError): WrongExpectedVersionError => {
  const actual = fromStreamState(error.actualState);
  return new WrongExpectedVersionError(
    error.streamName,
    fromStreamState(error.expectedState),
    typeof actual === 'number' ? actual : 'no_stream',
  );
};

/** The client's errors as the port's: callers never see a client type. */
export const toStoreError = (error: unknown, doing: string): unknown => {
  if (error instanceof EventStoreError) {
    return error;
  }
  // Raw gRPC errors (e.g. from the client's capability check) become the client's typed errors first.
  error = error instanceof Error ? convertToCommandError(error) : error;
  if (error instanceof KurrentWrongExpectedVersionError) {
    return wrongExpectedVersion(error);
  }
  if (isUnreachable(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`KurrentDB is unreachable while ${doing}: ${message}`, error);
  }
  if (isRefusedArgument(error)) {
    return new EventStoreError('INVALID_ARGUMENT', `KurrentDB refused ${doing}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (error instanceof AccessDeniedError) {
    return new EventStoreUnavailableError(
      `KurrentDB denied access while ${doing}: check the credentials in EVENTSTORE_URL`,
      error,
    );
  }
  // Any other client error (deleted stream, unknown server failure): the port's type, the client's message.
  if (error instanceof Error && isCommandError(error)) {
    return new EventStoreError('INVALID_ARGUMENT', `KurrentDB failed while ${doing}: ${error.message}`, {
      cause: error,
    });
  }
  return error;
};
