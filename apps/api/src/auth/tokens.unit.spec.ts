import { TokenService } from './tokens';

const claims = { sub: 'ana', role: 'CASE_MANAGER' as const, sv: 0 };

describe('access tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies a token it issued, and the same again from memory until it expires', async () => {
    jest.useFakeTimers({
      now: new Date('2026-11-26T09:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    const tokens = new TokenService('a-secret-of-at-least-32-characters-long', 900);
    const { token, expiresAt } = await tokens.issue(claims);
    expect(await tokens.verify(token)).toEqual({ ...claims, expiresAt });
    expect(await tokens.verify(token)).toEqual({ ...claims, expiresAt });
    jest.setSystemTime(new Date(expiresAt.getTime() + 1_000));
    expect(await tokens.verify(token)).toBe('expired');
  });

  it('refuses a token signed with another secret or altered, and does not remember it', async () => {
    const tokens = new TokenService('a-secret-of-at-least-32-characters-long', 900);
    const other = new TokenService('another-secret-of-at-least-32-characters', 900);
    const { token } = await other.issue(claims);
    expect(await tokens.verify(token)).toBeUndefined();
    const mine = (await tokens.issue(claims)).token;
    const [header, , signature] = mine.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'SUPERVISOR' })).toString('base64url')}.${signature}`;
    expect(await tokens.verify(forged)).toBeUndefined();
    expect(await tokens.verify(forged)).toBeUndefined();
  });
});
