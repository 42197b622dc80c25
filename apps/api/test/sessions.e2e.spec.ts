import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt refreshToken sessionExpiresAt } }';
const REFRESH =
  'mutation($t: String!) { refreshSession(refreshToken: $t) { token expiresAt refreshToken sessionExpiresAt user { id } } }';
type Session = { token: string; expiresAt: string; refreshToken: string; sessionExpiresAt: string };

describe('short-lived access tokens, renewed by refresh tokens', () => {
  let harness: Harness;
  let supervisor: TestUser;

  const signIn = async (user: TestUser) =>
    (await harness.gql<{ login: Session }>(LOGIN, { e: user.email, p: user.password })).data!.login;
  const refresh = (refreshToken: string) => harness.gql<{ refreshSession: Session }>(REFRESH, { t: refreshToken });
  const meWith = async (token: string) =>
    (await harness.gql<{ me: { id: string } }>('{ me { id } }', {}, token)).data?.me.id;

  beforeAll(async () => {
    harness = await startHarness('sessions');
    supervisor = await harness.user('SUPERVISOR');
  });
  afterAll(() => harness?.close());

  it('gives an access token for 15 minutes and a sign-in for 12 hours', async () => {
    const before = Date.now();
    const session = await signIn(await harness.user('CASE_MANAGER'));
    expect(Date.parse(session.expiresAt) - before).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(session.expiresAt) - before).toBeLessThanOrEqual(15 * 60_000 + 1_000);
    expect(Date.parse(session.sessionExpiresAt) - before).toBeGreaterThan(11.9 * 3_600_000);
    expect(session.refreshToken).toMatch(/^[\w-]{43}$/);
  });

  it('renews the access token with a refresh token, once, and never past the end of the sign-in', async () => {
    const manager = await harness.user('CASE_MANAGER');
    const first = await signIn(manager);
    const renewed = await refresh(first.refreshToken);
    expect(renewed.errors).toBeUndefined();
    const next = renewed.data!.refreshSession;
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.sessionExpiresAt).toBe(first.sessionExpiresAt);
    expect(await meWith(next.token)).toBe(manager.id);
    // The next one works in turn.
    expect((await refresh(next.refreshToken)).errors).toBeUndefined();
  });

  it('ends the whole sign-in when a used refresh token comes back: it was copied', async () => {
    const manager = await harness.user('CASE_MANAGER');
    const first = await signIn(manager);
    const next = (await refresh(first.refreshToken)).data!.refreshSession;
    const replayed = await refresh(first.refreshToken);
    expect(replayed.errors?.[0]).toMatchObject({
      message: 'Your session has ended: sign in again',
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' },
    });
    // The thief's replay also ends the holder's renewed sign-in.
    expect((await refresh(next.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Another sign-in of the same person is not touched.
    const elsewhere = await signIn(manager);
    expect((await refresh(elsewhere.refreshToken)).errors).toBeUndefined();
  });

  it('refreshes nothing once the person signed out, or their account was disabled', async () => {
    const signedOut = await harness.user('CASE_MANAGER');
    const session = await signIn(signedOut);
    await harness.gql('mutation { signOut }', {}, session.token);
    expect((await refresh(session.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const disabled = await harness.user('CASE_MANAGER');
    const theirs = await signIn(disabled);
    await harness.gql(
      `mutation { setAccountDisabled(id: "${disabled.id}", disabled: true) { id } }`,
      {},
      supervisor.token,
    );
    expect((await refresh(theirs.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a made-up or oversized refresh token with a clear error, never a 500', async () => {
    expect((await refresh('not-a-token')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await refresh('x'.repeat(5_000))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'refreshToken',
    });
  });

  it('keeps only hashes of refresh tokens', async () => {
    const session = await signIn(await harness.user('AUDITOR'));
    const { Client } = await import('pg');
    const database = new Client({ connectionString: harness.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ row: string }>('SELECT t::text AS row FROM auth.refresh_tokens t');
      expect(rows.length).toBeGreaterThan(0);
      const hex = Buffer.from(session.refreshToken).toString('hex');
      expect(rows.filter(({ row }) => row.includes(session.refreshToken) || row.includes(hex))).toEqual([]);
    } finally {
      await database.end();
    }
  });
});
