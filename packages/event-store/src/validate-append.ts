import { EventStoreError } from './types';
import type { ExpectedRevision, NewEvent } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What every adapter refuses before it touches its server, with the same errors. */
export const validateAppend = (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): void => {
  if (streamId.length === 0 || streamId.length > 256) {
    throw new EventStoreError('INVALID_ARGUMENT', 'A stream id has 1 to 256 characters');
  }
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new EventStoreError('INVALID_ARGUMENT', `Expected revision ${expected} is not a revision`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.eventId)) {
      throw new EventStoreError('INVALID_ARGUMENT', `Event id ${event.eventId} is not a UUID`);
    }
    if (ids.has(event.eventId.toLowerCase())) {
      throw new EventStoreError('INVALID_ARGUMENT', `Event id ${event.eventId} appears twice in one append`);
    }
    ids.add(event.eventId.toLowerCase());
    if (event.type.length === 0 || event.type.length > 128) {
      throw new EventStoreError('INVALID_ARGUMENT', 'An event type has 1 to 128 characters');
    }
  }
};
