import { describeEventStoreContract } from '../contract';
import { createKurrentDBEventStore } from './kurrentdb-event-store';

// The same contract the postgres adapter passes, against a real KurrentDB / EventStoreDB server.
// No server can run on machines without a container engine: there the suite is reported as
// skipped, with this reason, and counted as skipped, never as passed.
const url = process.env.EVENTSTORE_URL;

describeEventStoreContract(
  'kurrentdb',
  () =>
    Promise.resolve({
      store: createKurrentDBEventStore({ connectionString: url! }),
      // Port 1 on loopback: nothing listens there.
      unreachableStore: () =>
        Promise.resolve(createKurrentDBEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' })),
      dispose: () => Promise.resolve(),
    }),
  url === undefined || url === ''
    ? { skipReason: 'EVENTSTORE_URL is not set (esdb:// or kurrentdb:// connection string)' }
    : {},
);
