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
});
