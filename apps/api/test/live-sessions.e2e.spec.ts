import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TOKEN_SERVICE } from '../src/auth/tokens';
import type { TokenService } from '../src/auth/tokens';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';

/** A WebSocket connection with one subscription, reporting how it was closed. */
const connect = (harness: Harness, token: string) => {
  let closed: { code: number; reason: string } | undefined;
  let connected = false;
  const client = createClient({
    url: harness.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: {
      connected: () => {
        connected = true;
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closed = { code, reason: String(reason) };
      },
    },
  });
  client.subscribe(
    { query: 'subscription { caseloadChanged { caseId } }' },
    { next: () => {}, error: () => {}, complete: () => {} },
  );
  return { client, closed: () => closed, connected: () => connected };
};

const until = async (check: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`not within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('live connections follow their session', () => {
  let harness: Harness;
  let supervisor: TestUser;

  beforeAll(async () => {
    harness = await startHarness('live_sessions');
    supervisor = await harness.user('SUPERVISOR');
  });
  afterAll(() => harness?.close());

  it('closes a WebSocket connection at once when its account signs out, even from another instance', async () => {
    const manager = await harness.user('CASE_MANAGER');
    const live = connect(harness, manager.token);
    await until(live.connected);
    const other = await startHarness('live_sessions_other', { env: { DATABASE_URL: harness.databaseUrl } });
    try {
      const signedOut = await other.gql('mutation { signOut }', {}, manager.token);
      expect(signedOut.errors).toBeUndefined();
      await until(() => live.closed() !== undefined, 2_000);
      expect(live.closed()).toEqual({ code: 4401, reason: 'Session ended' });
    } finally {
      await live.client.dispose();
      await other.close();
    }
  });

  it("closes the connections of an account a supervisor disables, and no one else's", async () => {
    const disabled = await harness.user('CASE_MANAGER');
    const bystander = await harness.user('CASE_MANAGER');
    const theirs = connect(harness, disabled.token);
    const untouched = connect(harness, bystander.token);
    await until(() => theirs.connected() && untouched.connected());
    await harness.gql(
      `mutation { setAccountDisabled(id: "${disabled.id}", disabled: true) { id } }`,
      {},
      supervisor.token,
    );
    await until(() => theirs.closed() !== undefined, 2_000);
    expect(theirs.closed()?.code).toBe(4401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(untouched.closed()).toBeUndefined();
    await Promise.all([theirs.client.dispose(), untouched.client.dispose()]);
  });

  it('refuses a disabled account on another instance within moments, although accounts are cached there', async () => {
    const nurse = await harness.user('CASE_MANAGER');
    const other = await startHarness('live_sessions_cache', {
      env: { DATABASE_URL: harness.databaseUrl, AUTH_CACHE_SECONDS: '60' },
    });
    try {
      const me = () => other.gql<{ me: { id: string } }>('{ me { id } }', {}, nurse.token);
      expect((await me()).data?.me.id).toBe(nurse.id);
      await harness.gql(
        `mutation { setAccountDisabled(id: "${nurse.id}", disabled: true) { id } }`,
        {},
        supervisor.token,
      );
      let refused = false;
      const deadline = Date.now() + 1_000;
      while (!refused && Date.now() < deadline) {
        refused = (await me()).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
      }
      expect(refused).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('closes a connection when the access token it opened with expires', async () => {
    const manager = await harness.user('CASE_MANAGER');
    const tokens = harness.app.get<TokenService>(TOKEN_SERVICE);
    // Issued 14 minutes and 59 seconds ago: one second left.
    const { token } = await tokens.issue(
      { sub: manager.id, role: 'CASE_MANAGER', sv: 0 },
      new Date(Date.now() - (15 * 60 - 1) * 1000),
    );
    const live = connect(harness, token);
    await until(live.connected);
    await until(() => live.closed() !== undefined, 3_000);
    expect(live.closed()).toEqual({ code: 4401, reason: 'Access token expired' });
    await live.client.dispose();
  });
});
