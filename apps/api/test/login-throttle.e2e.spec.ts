import { startHarness } from './app-harness';
import type { GraphQLResponse, Harness } from './app-harness';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

type Login = GraphQLResponse<{ login: { token: string } }> & {
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
};

const attempt = (harness: Harness, email: string, password: string) =>
  harness.gql(LOGIN, { e: email, p: password }) as Promise<Login>;

describe('failed sign-ins, per account', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness('login_throttle_account', {
      env: { LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_LOCKOUT_SECONDS: '900' },
    });
  });
  afterAll(() => harness?.close());

  it('lock the account after five, so that even the right password is refused, with a time to wait', async () => {
    const user = await harness.user('CASE_MANAGER', 'locked-out');
    for (let failure = 0; failure < 5; failure += 1) {
      const wrong = await attempt(harness, user.email, 'not-the-password');
      expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const right = await attempt(harness, user.email, user.password);
    expect(right.data?.login).toBeUndefined();
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(right.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
    expect(right.errors?.[0]?.message).toMatch(/Too many failed sign-ins for this account: try again in 15 minutes/);
    // Other accounts are not affected.
    const other = await harness.user('CASE_MANAGER', 'not-locked');
    expect((await attempt(harness, other.email, other.password)).data?.login.token).toBeDefined();
  });

  it('lock an unknown email the same way, telling nothing about which emails exist', async () => {
    for (let failure = 0; failure < 5; failure += 1) {
      await attempt(harness, 'nobody@clinic.example', 'guess');
    }
    expect((await attempt(harness, 'nobody@clinic.example', 'guess')).errors?.[0]?.extensions?.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('forget an account’s failures once it signs in', async () => {
    const user = await harness.user('CASE_MANAGER', 'forgetful');
    for (let round = 0; round < 3; round += 1) {
      for (let failure = 0; failure < 4; failure += 1) {
        await attempt(harness, user.email, 'typo');
      }
      expect((await attempt(harness, user.email.toUpperCase(), user.password)).data?.login.token).toBeDefined();
    }
  });
});

describe('failed sign-ins, per client address', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness('login_throttle_address', {
      env: { LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '8' },
    });
  });
  afterAll(() => harness?.close());

  it('lock out an address that tries many accounts, whatever account it tries next', async () => {
    const user = await harness.user('CASE_MANAGER', 'sprayed');
    for (let failure = 0; failure < 8; failure += 1) {
      await attempt(harness, `guess-${failure}@clinic.example`, 'password1');
    }
    const right = await attempt(harness, user.email, user.password);
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(right.errors?.[0]?.message).toMatch(/from your address/);
  });
});
