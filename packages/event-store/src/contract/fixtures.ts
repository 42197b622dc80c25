import { randomUUID } from 'node:crypto';
import { collect } from '../types';
import type { EventStore, NewEvent, RecordedEvent, Subscription } from '../types';

/** Every test writes under a prefix of its own, so tests never see each other's events. */
export const uniquePrefix = (): string => `contract${randomUUID().slice(0, 8)}-`;

export const newEvent = (type: string, data: Record<string, unknown> = {}, eventId = randomUUID()): NewEvent => ({
  eventId,
  type,
  data,
  metadata: {
    schemaVersion: 1,
    commandId: randomUUID(),
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: { id: 'tester' },
  },
});

export const events = (count: number, type = 'Tested'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

export const ids = (recorded: readonly { eventId: string }[]): string[] => recorded.map((event) => event.eventId);

export const readAllUnder = (store: EventStore, prefix: string): Promise<RecordedEvent[]> =>
  collect(store.readAll({ filter: { streamPrefix: prefix } }));

/** Takes events from a subscription until `count` arrived, or fails after `timeoutMs`. */
export const take = async (subscription: Subscription, count: number, timeoutMs = 20_000): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = [];
  if (count === 0) {
    return seen;
  }
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (seen.length < count) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), Math.max(remaining, 0));
      }),
    ]).finally(() => clearTimeout(timer));
    if (next === 'timeout') {
      throw new Error(`subscription delivered ${seen.length} of ${count} events within ${timeoutMs} ms`);
    }
    if (next.done) {
      break;
    }
    seen.push(next.value);
  }
  return seen;
};
