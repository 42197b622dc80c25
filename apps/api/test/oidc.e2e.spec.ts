import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';

const ISSUER = 'https://login.hospital.example/realms/clinic';
const AUDIENCE = 'second-opinion-tracker';
const ME = '{ me { id email displayName role } }';

/** An identity provider as far as the api sees it: a JWKS document over real HTTP, and keys to sign with. */
const identityProvider = async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
  return {
    privateKey,
    jwksUrl,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

type Claims = Record<string, unknown>;
const sign = (
  key: CryptoKey,
  claims: Claims,
  options: { issuer?: string; audience?: string; ageSeconds?: number; ttlSeconds?: number; kid?: string } = {},
) => {
  const now = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 300))
    .sign(key);
};

describe('sign-in through an identity provider (OIDC bearer tokens, JWKS)', () => {
  let provider: Awaited<ReturnType<typeof identityProvider>>;
  let harness: Harness;
  let localSupervisor: TestUser;

  const me = (token: string) =>
    harness.gql<{ me: { id: string; email: string; displayName: string; role: string } }>(ME, {}, token);

  beforeAll(async () => {
    provider = await identityProvider();
    harness = await startHarness('oidc', {
      env: {
        OIDC_ISSUER: ISSUER,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_JWKS_URL: provider.jwksUrl,
        OIDC_ROLES_CLAIM: 'realm_access.roles',
        OIDC_ROLE_MAP: 'sot-supervisor=SUPERVISOR,sot-nurse-navigator=CASE_MANAGER,sot-compliance=AUDITOR',
        OIDC_USER_ID_CLAIM: 'preferred_username',
      },
    });
    localSupervisor = await harness.user('SUPERVISOR');
  });
  afterAll(async () => {
    await harness?.close();
    await provider?.close();
  });

  it('accepts a token the provider signed, maps its role, and makes the account on first sight', async () => {
    const token = await sign(provider.privateKey, {
      preferred_username: 'rosa.vega',
      email: 'rosa.vega@hospital.example',
      name: 'Rosa Vega',
      realm_access: { roles: ['offline_access', 'sot-nurse-navigator'] },
    });
    const answer = await me(token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me).toEqual({
      id: 'rosa.vega',
      email: 'rosa.vega@hospital.example',
      displayName: 'Rosa Vega',
      role: 'CASE_MANAGER',
    });
    // A case can now be opened for them, as for any case manager.
    const users = await harness.gql<{ users: { id: string }[] }>('{ users { id } }', {}, localSupervisor.token);
    expect(users.data?.users.map((user) => user.id)).toContain('rosa.vega');
    expect(provider.requests()).toBeGreaterThan(0);
  });

  it('follows the role the provider gives now, the first of OIDC_ROLE_MAP when it gives several', async () => {
    const claims = { preferred_username: 'omar.haddad', realm_access: { roles: ['sot-compliance'] } };
    expect((await me(await sign(provider.privateKey, claims))).data?.me.role).toBe('AUDITOR');
    const promoted = { ...claims, realm_access: { roles: ['sot-compliance', 'sot-supervisor'] } };
    expect((await me(await sign(provider.privateKey, promoted))).data?.me.role).toBe('SUPERVISOR');
  });

  it('refuses a token of another issuer, for another audience, signed by another key, or expired', async () => {
    const claims = { preferred_username: 'mallory', realm_access: { roles: ['sot-supervisor'] } };
    const stranger = await generateKeyPair('RS256');
    const refused = [
      await sign(provider.privateKey, claims, { issuer: 'https://evil.example' }),
      await sign(provider.privateKey, claims, { audience: 'another-app' }),
      await sign(stranger.privateKey, claims),
      await sign(stranger.privateKey, claims, { kid: 'key-2' }),
    ];
    for (const token of refused) {
      expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const expired = await me(await sign(provider.privateKey, claims, { ageSeconds: 600, ttlSeconds: 300 }));
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });

  it('tells a person the provider knows but gives no role here what to ask for', async () => {
    const token = await sign(provider.privateKey, {
      preferred_username: 'visitor',
      realm_access: { roles: ['staff'] },
    });
    expect((await me(token)).errors?.[0]).toMatchObject({
      message: expect.stringContaining('no role in Second Opinion Tracker') as unknown,
      extensions: { code: 'FORBIDDEN', reason: 'NO_ROLE' },
    });
  });

  it('lets a supervisor disable a provider account here, and ends its tokens on sign-out', async () => {
    const claims = { preferred_username: 'lee.park', realm_access: { roles: ['sot-nurse-navigator'] } };
    const first = await sign(provider.privateKey, claims, { ageSeconds: 2 });
    expect((await me(first)).data?.me.id).toBe('lee.park');
    await harness.gql('mutation { signOut }', {}, first);
    expect((await me(first)).errors?.[0]?.extensions).toMatchObject({ reason: 'TOKEN_EXPIRED' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = await sign(provider.privateKey, claims);
    expect((await me(after)).data?.me.id).toBe('lee.park');
    await harness.gql(
      'mutation { setAccountDisabled(id: "lee.park", disabled: true) { id } }',
      {},
      localSupervisor.token,
    );
    expect((await me(after)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps local accounts working beside the provider', async () => {
    expect((await me(localSupervisor.token)).data?.me.id).toBe(localSupervisor.id);
  });
});
