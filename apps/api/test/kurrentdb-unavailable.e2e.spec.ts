import { Writable } from 'node:stream';
import { createLogger } from '../src/platform';
import { eventually, startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { openCaseInput } from './factories/inputs';

/**
 * EVENT_STORE=kurrentdb with nothing listening at EVENTSTORE_URL. What a real server changes
 * (reconnecting once it is back) cannot be shown here: no KurrentDB runs on these machines.
 */
describe('the api with KurrentDB configured but unreachable', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    }),
  );
  let harness: Harness;
  let manager: TestUser;

  beforeAll(async () => {
    harness = await startHarness('kurrentdb_unavailable', {
      logger,
      env: {
        EVENT_STORE: 'kurrentdb',
        EVENTSTORE_URL: 'kurrentdb://127.0.0.1:1?tls=false',
        PROJECTION_RETRY_INITIAL_MS: '50',
        PROJECTION_RETRY_MAX_MS: '400',
      },
    });
    manager = await harness.user('CASE_MANAGER', 'manager-kim');
  });
  afterAll(() => harness?.close());

  it('says so in /health/ready', async () => {
    const response = await fetch(harness.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      status: string;
      database: { ok: boolean };
      eventStore: Record<string, unknown>;
    };
    expect(body.status).toBe('unavailable');
    expect(body.database.ok).toBe(true);
    expect(body.eventStore).toMatchObject({
      kind: 'kurrentdb',
      ok: false,
      error: expect.stringMatching(/KurrentDB is unreachable/) as string,
    });
  });

  it('keeps serving reads from PostgreSQL', async () => {
    const me = await harness.gql<{ me: { id: string } }>('{ me { id } }', {}, manager.token);
    expect(me.data?.me.id).toBe('manager-kim');
    const cases = await harness.gql<{ cases: { totalCount: number } }>('{ cases { totalCount } }', {}, manager.token);
    expect(cases.errors).toBeUndefined();
    expect(cases.data?.cases.totalCount).toBe(0);
  });

  it('answers writes with UNAVAILABLE and records nothing', async () => {
    const response = await harness.gql(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id) },
      manager.token,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(response.errors?.[0]?.message).toMatch(/nothing was recorded/);
    const cases = await harness.gql<{ cases: { totalCount: number } }>('{ cases { totalCount } }', {}, manager.token);
    expect(cases.data?.cases.totalCount).toBe(0);
  });

  it('logs it, and keeps retrying with a growing delay', async () => {
    const retries = () =>
      lines.filter(
        (line) =>
          line.msg === 'event store unavailable; projection retrying from its checkpoint' &&
          line.projection === 'timeline',
      );
    await eventually(() => retries().length >= 5, 15_000);
    const delays = retries().map((line) => line.retryInMs as number);
    expect(delays.slice(0, 5)).toEqual([50, 100, 200, 400, 400]);
    expect(String(retries()[0]!.err)).toMatch(/KurrentDB is unreachable/);
  });
});
