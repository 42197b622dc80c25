import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** apps/web, whether this runs under jest (CommonJS) or as a script (`node take-screenshots.ts`). */
const webRoot = typeof __dirname === 'string' ? join(__dirname, '..', '..') : process.cwd();
const api = join(webRoot, '..', 'api', 'dist');
export const DEMO_PASSWORD = 'demo-password-2026';
export const logins = {
  manager: 'ana@demo.clinic',
  supervisor: 'sam@demo.clinic',
  auditor: 'ivy@demo.clinic',
} as const;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * The product as a newcomer runs it: `npm run demo-data`, then the built api serving the built
 * dashboard, on an embedded PostgreSQL of its own. Debian's chromium drives it; nothing is downloaded.
 */
export const startStack = async ({ cases }: { cases: number }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sot-dashboard-'));
  await chmod(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    PORT: String(port),
    JWT_SECRET: 'dashboard-test-secret-dashboard-test-secret',
    ADMIN_PASSWORD: 'dashboard-admin-password',
    WEB_DIST_DIR: join(webRoot, 'dist'),
    LOG_LEVEL: 'warn',
  };
  const demo = spawnSync(process.execPath, [join(api, 'cli', 'demo-data.js'), '--cases', String(cases)], {
    env,
    encoding: 'utf8',
  });
  if (demo.status !== 0) {
    throw new Error(`demo-data failed: ${demo.stdout}\n${demo.stderr}`);
  }
  const child: ChildProcess = spawn(process.execPath, [join(api, 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    const ready = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (ready?.status === 200) {
      break;
    }
    if (attempt > 300 || child.exitCode !== null) {
      throw new Error(`the api did not become ready: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const stop = async () => {
    await browser.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  return { url, browser, stop, demoOutput: demo.stdout };
};

export type Stack = Awaited<ReturnType<typeof startStack>>;
