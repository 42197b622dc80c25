import { Client, Pool } from 'pg';
import type { PoolConfig } from 'pg';
import { runningEmbeddedServer, startEmbeddedPostgres } from './embedded';
import type { EmbeddedPostgres } from './embedded';
import { silentLogger } from './logger';
import type { Logger } from './logger';

export type Database = {
  readonly pool: Pool;
  /** The connection string of the database in use (password included: never log it). */
  readonly url: string;
  readonly embedded: boolean;
  readonly close: () => Promise<void>;
};

export type OpenDatabaseOptions = {
  /** Use this server; without it an embedded server is started. */
  readonly databaseUrl?: string;
  /** For the embedded server: where its data lives, its port, and which database to use. */
  readonly dataDir: string;
  readonly port?: number;
  readonly databaseName?: string;
  readonly pool?: Omit<PoolConfig, 'connectionString'>;
  readonly logger?: Logger;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export const quoteIdentifier = (name: string): string => {
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(`Not a safe PostgreSQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
};

export const withDatabase = (url: string, databaseName: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${databaseName}`;
  return parsed.toString();
};

/** The URL without its password, for logs and error messages. */
export const redactUrl = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password) {
    parsed.password = '***';
  }
  return parsed.toString();
};

export const createDatabaseIfMissing = async (adminUrl: string, databaseName: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
    }
  } finally {
    await client.end();
  }
};

/**
 * One pg.Pool for the whole process: on `databaseUrl` when given, otherwise on an embedded server
 * started here and stopped by `close()`.
 */
export const openDatabase = async (options: OpenDatabaseOptions): Promise<Database> => {
  const logger = options.logger ?? silentLogger;
  let embedded: EmbeddedPostgres | undefined;
  let url = options.databaseUrl;
  let attached = false;
  if (url === undefined) {
    const running = await runningEmbeddedServer(options.dataDir);
    let adminUrl: string;
    if (running) {
      // Another process owns the server on this folder: use it, and leave it running on close.
      attached = true;
      adminUrl = running.url;
      logger.info({ port: running.port }, 'attached to the embedded PostgreSQL already running on this data folder');
    } else {
      embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port ?? 0, logger });
      adminUrl = embedded.url;
    }
    const databaseName = options.databaseName ?? 'second_opinions';
    await createDatabaseIfMissing(adminUrl, databaseName);
    url = withDatabase(adminUrl, databaseName);
  }
  const pool = new Pool({ max: 10, ...options.pool, connectionString: url });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'idle PostgreSQL connection failed'));
  logger.info({ database: redactUrl(url), embedded: embedded !== undefined || attached }, 'PostgreSQL pool ready');
  let closed: Promise<void> | undefined;
  return {
    pool,
    url,
    embedded: embedded !== undefined || attached,
    close: () =>
      (closed ??= (async () => {
        await pool.end();
        await embedded?.stop();
      })()),
  };
};
