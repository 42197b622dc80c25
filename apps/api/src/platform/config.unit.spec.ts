import { loadConfig } from './config';

describe('configuration', () => {
  it('applies defaults for the embedded setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, EVENT_STORE: 'postgres' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:[\s\S]*JWT_SECRET: JWT_SECRET must have at least 32 characters/,
    );
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
  });

  it('requires a patient data key of 32 bytes in production, and refuses any other length', () => {
    const secret = 'x'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(
      /PATIENT_DATA_KEY: required in production/,
    );
    expect(() => loadConfig({ PATIENT_DATA_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /PATIENT_DATA_KEY must be 32 bytes in base64/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PATIENT_DATA_KEY: key }).PATIENT_DATA_KEY).toBe(
      key,
    );
  });

  it('needs an audience and the JWKS address with an identity provider, and a role map it can read', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example/realm' })).toThrow(
      /OIDC_AUDIENCE, OIDC_JWKS_URL: required with OIDC_ISSUER/,
    );
    expect(() => loadConfig({ OIDC_ROLE_MAP: 'nurse=NURSE' })).toThrow(/OIDC_ROLE_MAP must read/);
    expect(loadConfig({ OIDC_ROLE_MAP: 'a=AUDITOR, b=SUPERVISOR' }).OIDC_ROLE_MAP).toEqual([
      ['a', 'AUDITOR'],
      ['b', 'SUPERVISOR'],
    ]);
  });

  it('takes CORS origins as exact origins only', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/is not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/is not an origin/);
  });

  it('needs a KurrentDB connection string for EVENT_STORE=kurrentdb, and only a KurrentDB one', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /EVENTSTORE_URL: required when EVENT_STORE=kurrentdb/,
    );
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', EVENTSTORE_URL: 'http://kurrent:2113' })).toThrow(
      /EVENTSTORE_URL must start with esdb:\/\/ or kurrentdb:\/\//,
    );
    expect(
      loadConfig({ EVENT_STORE: 'kurrentdb', EVENTSTORE_URL: 'kurrentdb://kurrentdb:2113?tls=false' }),
    ).toMatchObject({
      EVENT_STORE: 'kurrentdb',
      EVENTSTORE_URL: 'kurrentdb://kurrentdb:2113?tls=false',
    });
  });
});
