import { startHarness } from './app-harness';
import type { Harness } from './app-harness';

const PORTAL = 'https://portal.hospital.example';

/** A browser's preflight before a cross-origin POST with a bearer token. */
const preflight = (harness: Harness, origin: string) =>
  fetch(harness.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('cross-origin requests (CORS)', () => {
  describe('by default', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness('cors_default');
    });
    afterAll(() => harness?.close());

    it('allows no other origin: the dashboard is served from the api itself', async () => {
      const answer = await preflight(harness, PORTAL);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness('cors_configured', {
        env: { CORS_ORIGINS: `${PORTAL}, https://other.example:8443` },
      });
    });
    afterAll(() => harness?.close());

    it('allows exactly the origins named, without cookies', async () => {
      const allowed = await preflight(harness, PORTAL);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await fetch(harness.url, {
        method: 'POST',
        headers: { origin: PORTAL, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBe(PORTAL);
      for (const stranger of ['https://evil.example', 'https://portal.hospital.example.evil.example', 'null']) {
        expect((await preflight(harness, stranger)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });
});
