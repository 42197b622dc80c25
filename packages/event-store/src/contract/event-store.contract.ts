import { EventStoreUnavailableError, WrongExpectedVersionError, collect } from '../types';
import type { EventStore } from '../types';
import { describeConcurrency } from './concurrency.contract';
import { events, ids, newEvent, readAllUnder, take, uniquePrefix } from './fixtures';

export type ContractHarness = {
  /** A store on a live server, shared by the suite. */
  readonly store: EventStore;
  /** A store pointed at an address where nothing listens. */
  readonly unreachableStore: () => Promise<EventStore>;
  readonly dispose: () => Promise<void>;
};

export type ContractOptions = {
  /** When set, the whole suite is reported as skipped with this reason. */
  readonly skipReason?: string;
};

/**
 * The behaviour every EventStore adapter must show. One suite: each adapter runs it with its own
 * harness factory, so the postgres and kurrentdb adapters are held to the same contract.
 */
export const describeEventStoreContract = (
  adapter: string,
  createHarness: () => Promise<ContractHarness>,
  options: ContractOptions = {},
): void => {
  const title = `${adapter} event store contract`;
  if (options.skipReason !== undefined) {
    // Skipped on purpose, never counted as passed: the adapter's server is not reachable here
    // (for kurrentdb: no EVENTSTORE_URL, since no KurrentDB can run without a container engine).
    // The reason is in the title so that jest and the test summary print it.
    // skip reason: the adapter's server is not reachable here (options.skipReason says why)
    describe.skip(`${title} (skipped: ${options.skipReason})`, () => {
      it('is not run here', () => undefined);
    });
    return;
  }
  describe(title, () => {
    let harness: ContractHarness;
    const store = (): EventStore => harness.store;
    beforeAll(async () => {
      harness = await createHarness();
    });
    afterAll(async () => {
      await harness?.dispose();
    });

    describe('appending', () => {
      it('starts a stream at revision 0 and reads it back with data, metadata and positions', async () => {
        const stream = `${uniquePrefix()}a`;
        const written = events(3);
        const result = await store().append(stream, written, 'no_stream');
        expect(result.nextExpectedRevision).toBe(2);
        const read = await collect(store().readStream(stream));
        expect(read.map((e) => [e.eventId, e.type, e.data, e.streamRevision])).toEqual(
          written.map((e, index) => [e.eventId, e.type, e.data, index]),
        );
        expect(read[0]!.metadata).toMatchObject(written[0]!.metadata);
        expect(read[2]!.position).toEqual(result.position);
        expect(read[0]!.recordedAt).toBeInstanceOf(Date);
      });

      it('appends at the exact expected revision and refuses a stale one, naming both revisions', async () => {
        const stream = `${uniquePrefix()}b`;
        await store().append(stream, events(2), 'no_stream');
        await expect(store().append(stream, events(1), 1)).resolves.toMatchObject({ nextExpectedRevision: 2 });
        const error: unknown = await store()
          .append(stream, events(1), 1)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: stream, expected: 1, actual: 2 });
        expect(await collect(store().readStream(stream))).toHaveLength(3);
        const missing = `${uniquePrefix()}b-missing`;
        await expect(store().append(missing, events(1), 0)).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          actual: 'no_stream',
        });
        expect(await collect(store().readStream(missing))).toEqual([]);
      });

      it('honours no_stream, stream_exists and any', async () => {
        const stream = `${uniquePrefix()}c`;
        await expect(store().append(stream, events(1), 'stream_exists')).rejects.toMatchObject({ actual: 'no_stream' });
        await store().append(stream, events(1), 'no_stream');
        await expect(store().append(stream, events(1), 'no_stream')).rejects.toMatchObject({
          expected: 'no_stream',
          actual: 0,
        });
        await expect(store().append(stream, events(1), 'stream_exists')).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
        await expect(store().append(stream, events(1), 'any')).resolves.toMatchObject({ nextExpectedRevision: 2 });
      });

      it('appends nothing twice when the same event ids are appended again, and says so', async () => {
        const stream = `${uniquePrefix()}d`;
        const batch = events(2);
        const first = await store().append(stream, batch, 'no_stream');
        const again = await store().append(stream, batch, 'no_stream');
        expect(first.alreadyAppended).toBeFalsy();
        expect(again).toEqual({ ...first, alreadyAppended: true });
        expect(ids(await collect(store().readStream(stream)))).toEqual(ids(batch));
      });
    });

    describe('reading a stream', () => {
      it('reads forwards and backwards from a revision, up to a count', async () => {
        const stream = `${uniquePrefix()}e`;
        const written = events(5);
        await store().append(stream, written, 'no_stream');
        const backwards = await collect(store().readStream(stream, { direction: 'backwards' }));
        expect(ids(backwards)).toEqual(ids(written).reverse());
        const middle = await collect(store().readStream(stream, { fromRevision: 1, maxCount: 3 }));
        expect(middle.map((e) => e.streamRevision)).toEqual([1, 2, 3]);
        const tail = await collect(
          store().readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 }),
        );
        expect(tail.map((e) => e.streamRevision)).toEqual([3, 2]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await collect(store().readStream(`${uniquePrefix()}missing`))).toEqual([]);
      });
    });

    describe('reading all', () => {
      it('reads every stream in global order, from a position, filtered by stream prefix and event type', async () => {
        const prefix = uniquePrefix();
        const first = [newEvent('Opened'), newEvent('Noted'), newEvent('Noted')];
        const second = [newEvent('Opened'), newEvent('Closed')];
        await store().append(`${prefix}one`, first, 'no_stream');
        await store().append(`${prefix}two`, second, 'no_stream');
        await store().append(`other${prefix}`, events(1), 'no_stream');
        const all = await readAllUnder(store(), prefix);
        expect(ids(all)).toEqual(ids([...first, ...second]));
        const rest = await collect(store().readAll({ after: all[1]!.position, filter: { streamPrefix: prefix } }));
        expect(ids(rest)).toEqual(ids(all.slice(2)));
        const opened = await collect(store().readAll({ filter: { streamPrefix: prefix, eventTypes: ['Opened'] } }));
        expect(ids(opened)).toEqual([first[0]!.eventId, second[0]!.eventId]);
        expect(await collect(store().readAll({ filter: { streamPrefix: prefix }, maxCount: 2 }))).toHaveLength(2);
      });
    });

    describe('subscribing to all', () => {
      it('catches up on history, then delivers new events live', async () => {
        const prefix = uniquePrefix();
        await store().append(`${prefix}s`, events(3), 'no_stream');
        const subscription = store().subscribeToAll({ filter: { streamPrefix: prefix } });
        try {
          expect(await take(subscription, 3)).toHaveLength(3);
          const live = events(2, 'Live');
          await store().append(`${prefix}s`, live, 2);
          expect(ids(await take(subscription, 2))).toEqual(ids(live));
        } finally {
          await subscription.close();
        }
      });

      it('resumes after a checkpoint, and filters by event type', async () => {
        const prefix = uniquePrefix();
        const written = [newEvent('Kept'), newEvent('Dropped'), newEvent('Kept'), newEvent('Kept')];
        await store().append(`${prefix}r`, written, 'no_stream');
        const [checkpoint] = await readAllUnder(store(), prefix);
        const subscription = store().subscribeToAll({
          after: checkpoint!.position,
          filter: { streamPrefix: prefix, eventTypes: ['Kept'] },
        });
        try {
          expect(ids(await take(subscription, 2))).toEqual([written[2]!.eventId, written[3]!.eventId]);
        } finally {
          await subscription.close();
        }
      });
    });

    describe('payloads', () => {
      it('round-trips a large payload and unicode text', async () => {
        const stream = `${uniquePrefix()}p`;
        const text = 'Zoë Ångström — 患者 — مريض — 🩺🧬 — e\u0301';
        const large = newEvent('Large', { text, blob: 'x'.repeat(700_000), nested: { list: [1, 2.5, true, null] } });
        await store().append(stream, [large], 'no_stream');
        const [read] = await collect(store().readStream(stream));
        expect(read!.data).toEqual(large.data);
        expect(read!.data.text).toBe(text);
      });
    });

    describe('when the server is unreachable', () => {
      it('fails with a clear UNAVAILABLE error', async () => {
        const unreachable = await harness.unreachableStore();
        try {
          const error: unknown = await unreachable
            .append(`${uniquePrefix()}u`, events(1), 'any')
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(EventStoreUnavailableError);
          expect((error as Error).message).toMatch(/unreachable|unavailable/i);
        } finally {
          await unreachable.close();
        }
      });
    });

    describeConcurrency(store);
  });
};
