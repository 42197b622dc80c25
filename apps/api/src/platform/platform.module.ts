import { Global, Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { createKurrentDBEventStore, createPostgresEventStore } from '@sot/event-store';
import type { EventStore } from '@sot/event-store';
import { openDatabase } from '@sot/postgres';
import type { Database } from '@sot/postgres';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { APP_CONFIG } from './config';
import type { AppConfig } from './config';
import { DATABASE, EVENT_STORE, KYSELY, PG_POOL, READ_MODEL_SCHEMA_NAME, createKysely } from './database';
import { LOGGER } from './logger';
import { migrateToLatest } from './migrations';
import { PostgresNotifications } from './notifications';

export type PlatformOptions = {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly readModelSchema: string;
};

class PlatformShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Kysely shares the pool: closing the Database ends it once (Kysely's destroy() would end it too). */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.database.close();
  }
}

const openMigratedDatabase = async (config: AppConfig, logger: Logger): Promise<Database> => {
  const database = await openDatabase({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    dataDir: join(config.dataDir, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
    pool: {
      max: 20,
      connectionTimeoutMillis: 5_000,
      options: `-c idle_in_transaction_session_timeout=${config.IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
    },
    logger: logger.child({ component: 'database' }),
  });
  await migrateToLatest(createKysely(database.pool));
  return database;
};

/** The process-wide resources every feature shares: config, logger, the database, the event store. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, logger, readModelSchema }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: READ_MODEL_SCHEMA_NAME, useValue: readModelSchema },
        { provide: DATABASE, useFactory: () => openMigratedDatabase(config, logger) },
        { provide: PG_POOL, useFactory: (database: Database) => database.pool, inject: [DATABASE] },
        { provide: KYSELY, useFactory: (database: Database) => createKysely(database.pool), inject: [DATABASE] },
        {
          provide: EVENT_STORE,
          // Read models stay in PostgreSQL either way; only the events move.
          useFactory: (database: Database): EventStore =>
            config.EVENT_STORE === 'kurrentdb'
              ? createKurrentDBEventStore({ connectionString: config.EVENTSTORE_URL! })
              : createPostgresEventStore({ pool: database.pool }),
          inject: [DATABASE],
        },
        PlatformShutdown,
        PostgresNotifications,
      ],
      exports: [
        APP_CONFIG,
        LOGGER,
        READ_MODEL_SCHEMA_NAME,
        DATABASE,
        PG_POOL,
        KYSELY,
        EVENT_STORE,
        PostgresNotifications,
      ],
    };
  }
}
