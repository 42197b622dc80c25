export * from './types';
export { createPostgresEventStore } from './postgres/postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { createKurrentDBEventStore } from './kurrentdb/kurrentdb-event-store';
export type { KurrentDBEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
