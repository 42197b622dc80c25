import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutationDocument } from './factories/documents';
import { openCaseInput } from './factories/inputs';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The built api as `npm start` runs it, on the embedded default, in a child process. */
const startApi = (port: number, pgPort: number, dataDir: string) => {
  const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      DATA_DIR: dataDir,
      JWT_SECRET: 'shutdown-test-secret-shutdown-test-secret',
      ADMIN_PASSWORD: 'shutdown-admin-password',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
};

const untilReady = async (url: string, api: ReturnType<typeof startApi>): Promise<void> => {
  for (let attempt = 0; ; attempt += 1) {
    const ready = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (ready?.status === 200) {
      return;
    }
    if (attempt > 300 || api.child.exitCode !== null) {
      const { stdout, stderr } = api.output();
      throw new Error(`the api did not become ready: ${stdout}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

type Answer = { ok: true; commandId: string } | { ok: false; commandId: string; code: string };

/**
 * The built api as an operator runs it, on the embedded default, stopped with SIGTERM while eight
 * writers keep sending notes: it must drain, stop in order and exit 0, losing no acknowledged write.
 */
describe('SIGTERM under load', () => {
  it('drains, stops in order and exits 0, with no error logged and no acknowledged write lost', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sot-shutdown-'));
    await chmod(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
    const [port, pgPort] = [await freePort(), await freePort()];
    const api = startApi(port, pgPort, dataDir);
    const { child } = api;
    const url = `http://127.0.0.1:${port}`;
    const restarted: ReturnType<typeof startApi>[] = [];
    try {
      await untilReady(url, api);
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) =>
        (await (
          await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as {
          data?: Record<string, { case?: { id: string }; token?: string } | null>;
          errors?: { extensions?: { code?: string } }[];
        };
      const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: 'admin@second-opinion.local',
        p: 'shutdown-admin-password',
      });
      const token = login.data!.login!.token!;
      const opened = await gql(mutationDocument('openCase'), { input: openCaseInput('admin') }, token);
      const caseId = opened.data!.openCase!.case!.id;

      const answers: Answer[] = [];
      const inFlight = new Set<string>();
      const cutOff: string[] = [];
      let sent = 0;
      const writer = async (writerId: number) => {
        for (let index = 0; ; index += 1) {
          const commandId = `w${writerId}-${index}`;
          sent += 1;
          inFlight.add(commandId);
          try {
            const response = await gql(
              mutationDocument('addNote'),
              { input: { caseId, commandId, noteId: commandId, text: `Note ${commandId}` } },
              token,
            );
            const code = response.errors?.[0]?.extensions?.code;
            answers.push(code ? { ok: false, commandId, code } : { ok: true, commandId });
          } catch {
            cutOff.push(commandId);
            return; // no answer: refused at connect once the server stopped listening, or cut off
          } finally {
            inFlight.delete(commandId);
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, index) => writer(index));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const runningAtSignal = new Set(inFlight);
      child.kill('SIGTERM');
      await Promise.all(writers);
      // Drained: every request being answered when the signal came got its answer.
      expect(runningAtSignal.size).toBeGreaterThan(0);
      expect(cutOff.filter((commandId) => runningAtSignal.has(commandId))).toEqual([]);
      const code = await api.exited;
      const { stdout, stderr } = api.output();

      expect(sent).toBeGreaterThan(20);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      // Turned away while stopping (UNAVAILABLE, retry-safe) is the only refusal; never an internal error.
      expect(new Set(answers.flatMap((answer) => (answer.ok ? [] : [answer.code])))).toEqual(
        new Set(answers.some((answer) => !answer.ok) ? ['UNAVAILABLE'] : []),
      );
      const lines = stdout.split('\n').filter((line) => line.startsWith('{'));
      const levels = lines.map((line) => (JSON.parse(line) as { level: number }).level);
      expect(lines.filter((_line, index) => levels[index]! >= 50)).toEqual([]);
      expect(stdout).not.toMatch(/\n\s+at /);
      // In order: draining, projections released, embedded PostgreSQL stopped, then the process.
      const order = [
        'shutting down: draining requests',
        'projection leadership released',
        'embedded PostgreSQL stopped',
        '"msg":"stopped"',
      ];
      const at = order.map((text) => lines.findIndex((line) => line.includes(text)));
      expect(at.every((index) => index >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);

      // Every acknowledged note is in the case, and no turned-away one: the api, started again, says so.
      const again = startApi(port, pgPort, dataDir);
      restarted.push(again);
      await untilReady(url, again);
      const relogin = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: 'admin@second-opinion.local',
        p: 'shutdown-admin-password',
      });
      const notes = await gql(
        'query($id: ID!) { case(id: $id) { notes { noteId } } }',
        { id: caseId },
        relogin.data!.login!.token,
      );
      const stored = new Set(
        ((notes.data!.case as unknown as { notes: { noteId: string }[] }).notes ?? []).map((note) => note.noteId),
      );
      const acknowledged = answers.flatMap((answer) => (answer.ok ? [answer.commandId] : []));
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.filter((commandId) => !stored.has(commandId))).toEqual([]);
      const turnedAway = answers.flatMap((answer) => (answer.ok ? [] : [answer.commandId]));
      expect(turnedAway.filter((commandId) => stored.has(commandId))).toEqual([]);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      for (const each of [api, ...restarted]) {
        if (each.child.exitCode === null) {
          each.child.kill('SIGKILL');
          await each.exited;
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
