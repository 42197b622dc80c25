import { Global, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { createKurrentDBEventStore, createPostgresEventStore } from '@sot/event-store';
import type { EventStore } from '@sot/event-store';
import { openDatabase } from '@sot/postgres';
import type { Database } from '@sot/postgres';
import type { Kysely } from 'kysely';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { jwtSecret } from '../auth/bootstrap-admin';
import { TOKEN_SERVICE, TokenService } from '../auth/tokens';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { DATABASE, EVENT_STORE, KYSELY, PG_POOL, READ_MODEL_SCHEMA_NAME, createKysely } from '../database/database';
import { migrateToLatest } from '../database/migrations';
import { ensureReadModelSchema } from '../database/read-model-schema';
import type { ReadModelTables } from '../database/tables';
import { LOGGER } from '../logging/logger';

export const READ_DB = Symbol('READ_DB');

export type CoreOptions = { readonly config: AppConfig; readonly logger: Logger; readonly readModelSchema: string };

class CoreShutdown implements OnApplicationShutdown {
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

/** The process-wide resources: config, logger, the database, the event store, the token service. */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, logger, readModelSchema }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: READ_MODEL_SCHEMA_NAME, useValue: readModelSchema },
        {
          provide: DATABASE,
          useFactory: async () => {
            const database = await openDatabase({
              ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
              dataDir: join(config.dataDir, 'postgres'),
              port: config.EMBEDDED_POSTGRES_PORT,
              pool: { max: 20, connectionTimeoutMillis: 5_000 },
              logger: logger.child({ component: 'database' }),
            });
            const db = createKysely<unknown>(database.pool);
            await migrateToLatest(db);
            await ensureReadModelSchema(db, readModelSchema);
            return database;
          },
        },
        { provide: PG_POOL, useFactory: (database: Database) => database.pool, inject: [DATABASE] },
        { provide: KYSELY, useFactory: (database: Database) => createKysely(database.pool), inject: [DATABASE] },
        {
          provide: READ_DB,
          useFactory: (database: Database): Kysely<ReadModelTables> =>
            createKysely<ReadModelTables>(database.pool).withSchema(readModelSchema),
          inject: [DATABASE],
        },
        {
          provide: EVENT_STORE,
          // Read models stay in PostgreSQL either way; only the events move.
          useFactory: (database: Database): EventStore =>
            config.EVENT_STORE === 'kurrentdb'
              ? createKurrentDBEventStore({ connectionString: config.EVENTSTORE_URL! })
              : createPostgresEventStore({ pool: database.pool }),
          inject: [DATABASE],
        },
        {
          provide: TOKEN_SERVICE,
          useFactory: async () => new TokenService(await jwtSecret(config), config.JWT_TTL_SECONDS),
        },
        CoreShutdown,
      ],
      exports: [
        APP_CONFIG,
        LOGGER,
        READ_MODEL_SCHEMA_NAME,
        DATABASE,
        PG_POOL,
        KYSELY,
        READ_DB,
        EVENT_STORE,
        TOKEN_SERVICE,
      ],
    };
  }
}
