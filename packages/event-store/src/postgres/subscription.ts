import type { Position, RecordedEvent, SubscribeOptions, Subscription } from '../types';

export type PageReader = (after: Position | undefined, limit: number) => Promise<RecordedEvent[]>;

/** Wakes waiting subscriptions when an append commits; a poll interval covers missed signals. */
export class Wakeup {
  private waiters = new Set<() => void>();

  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  wakeAll(): void {
    for (const waiter of [...this.waiters]) {
      waiter();
    }
  }
}

const BATCH = 500;

/**
 * A catch-up subscription: reads pages from `after` until it has caught up, then waits for the
 * next append (or the poll interval) and reads again. It never holds more than a page in memory.
 */
export const catchUpSubscription = (
  readPage: PageReader,
  wakeup: Wakeup,
  options: SubscribeOptions & { pollIntervalMs: number; onClose?: () => void },
): Subscription => {
  let closed = false;
  const stop = new Wakeup();
  // Once, however the subscription ends: a generator closed before its first read never runs `finally`.
  let ended = false;
  const end = (): void => {
    if (!ended) {
      ended = true;
      options.onClose?.();
    }
  };

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after = options.after;
    try {
      while (!closed) {
        const page = await readPage(after, BATCH);
        for (const event of page) {
          if (closed) {
            return;
          }
          after = event.position;
          yield event;
        }
        if (page.length < BATCH && !closed) {
          await Promise.race([wakeup.wait(options.pollIntervalMs), stop.wait(options.pollIntervalMs)]);
        }
      }
    } finally {
      closed = true;
      end();
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      stop.wakeAll();
      await iterator.return(undefined);
      end();
    },
  };
};
