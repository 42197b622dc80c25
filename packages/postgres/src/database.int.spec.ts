import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertReachableByPostgresUser } from './reachable';
import { createScratchDatabase, openDatabase, redactUrl } from '.';

const run = promisify(execFile);

/** Opens the embedded database in a separate node process (the server is an ES module). */
const openEmbeddedInChild = async (dataDir: string): Promise<{ port: number; fresh: boolean; answer: number }> => {
  const script = `
    const { openDatabase } = require(${JSON.stringify(join(__dirname, '..', 'dist'))});
    const logs = [];
    const log = (fields, message) => logs.push(message);
    openDatabase({ dataDir: process.argv[1], logger: { debug: () => {}, info: log, warn: log, error: log } })
      .then(async (db) => {
        const { rows } = await db.pool.query('SELECT 6 * 7 AS answer');
        const port = Number(new URL(db.url).port);
        await db.close();
        process.stdout.write(JSON.stringify({ port, fresh: logs.some((m) => m.startsWith('initialising')), answer: rows[0].answer }));
      })
      .catch((error) => { console.error(error); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script, dataDir], { timeout: 60_000 });
  return JSON.parse(stdout) as { port: number; fresh: boolean; answer: number };
};

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('openDatabase', () => {
  it('uses the server at DATABASE_URL when one is given', async () => {
    const scratch = await createScratchDatabase(process.env.SOT_TEST_ADMIN_URL!, 'open_database');
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: '/nonexistent' });
    try {
      expect(database.embedded).toBe(false);
      const { rows } = await database.pool.query<{ name: string }>('SELECT current_database() AS name');
      expect(rows[0]?.name).toBe(scratch.name);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });

  it('starts an embedded server in its data folder, reuses the folder next time, and stops cleanly', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sot-embedded-'));
    // As root the server runs as the postgres user, who must be able to reach the folder.
    await chmod(dataDir, 0o755);
    try {
      const first = await openEmbeddedInChild(join(dataDir, 'pg'));
      expect(first).toMatchObject({ fresh: true, answer: 42 });
      expect(await listening(first.port)).toBe(false);
      const second = await openEmbeddedInChild(join(dataDir, 'pg'));
      expect(second).toMatchObject({ fresh: false, answer: 42 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** Keeps an embedded database open in a child process until its stdin closes; resolves with its port. */
const holdEmbeddedInChild = (dataDir: string) => {
  const script = `
    const { openDatabase } = require(${JSON.stringify(join(__dirname, '..', 'dist'))});
    openDatabase({ dataDir: process.argv[1] }).then((db) => {
      process.stdout.write(new URL(db.url).port + '\\n');
      process.stdin.on('end', () => db.close().then(() => process.exit(0)));
      process.stdin.resume();
    }).catch((error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    port,
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
};

describe('a second process on the same embedded data folder', () => {
  it('attaches to the running server instead of failing, and leaves it running when done', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sot-attach-'));
    await chmod(dataDir, 0o755);
    const holder = holdEmbeddedInChild(join(dataDir, 'pg'));
    try {
      const port = await holder.port;
      const logs: string[] = [];
      const log = (_fields: unknown, message: string) => logs.push(message);
      const attached = await openDatabase({
        dataDir: join(dataDir, 'pg'),
        logger: { debug: () => undefined, info: log, warn: log, error: log },
      });
      expect(Number(new URL(attached.url).port)).toBe(port);
      expect(logs).toContain('attached to the embedded PostgreSQL already running on this data folder');
      const { rows } = await attached.pool.query<{ answer: number }>('SELECT 6 * 7 AS answer');
      expect(rows[0]?.answer).toBe(42);
      await attached.close();
      expect(await listening(port)).toBe(true);
    } finally {
      await holder.release();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection string', () => {
    expect(redactUrl('postgres://app:s3cret@db.internal:5432/cases')).toBe('postgres://app:***@db.internal:5432/cases');
  });
});

describe('assertReachableByPostgresUser', () => {
  it('names the folder the postgres user cannot enter, and what to do', async () => {
    const locked = await mkdtemp(join(tmpdir(), 'sot-locked-'));
    try {
      const check = () => assertReachableByPostgresUser([join(locked, 'data', 'PG_VERSION')]);
      if (process.getuid?.() === 0) {
        expect(check).toThrow(new RegExp(`cannot enter ${locked}.*chmod o\\+x ${locked}.*DATABASE_URL`));
      } else {
        // Not root: PostgreSQL runs as the current user, so nothing needs checking.
        expect(check).not.toThrow();
      }
    } finally {
      await rm(locked, { recursive: true, force: true });
    }
  });
});
