import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from './app-harness';
import type { Harness } from './app-harness';

const INDEX = '<!doctype html><title>Second Opinion Tracker</title><div id="root"></div>';

describe('the dashboard on the api port', () => {
  let harness: Harness;
  let dist: string;
  let origin: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'sot-web-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log("dashboard")');
    harness = await startHarness('web_dashboard', { env: { WEB_DIST_DIR: dist } });
    origin = new URL(harness.url).origin;
  });
  afterAll(async () => {
    await harness?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves the built files, and index.html for every page path the browser opens', async () => {
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const page of ['/', '/cases/6f1c9a4e-1111-4222-8333-444455556666', '/outcomes?manager=x']) {
      const response = await fetch(`${origin}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('sends security headers with a content security policy the dashboard lives within, for HEAD too', async () => {
    const page = await fetch(`${origin}/cases/x`, { headers: { accept: 'text/html' } });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-powered-by')).toBeNull();
    const head = await fetch(`${origin}/cases/x`, { method: 'HEAD', headers: { accept: 'text/html' } });
    const headRoot = await fetch(`${origin}/`, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect([head.status, headRoot.status]).toEqual([200, 200]);
  });

  it('describes its schema only to a signed-in user; __typename stays free', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    const anonymous = await harness.gql(introspect);
    expect(anonymous.data ?? undefined).toBeUndefined();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const byType = await harness.gql('{ __type(name: "Patient") { fields { name } } }');
    expect(byType.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const user = await harness.user('AUDITOR');
    expect((await harness.gql(introspect, {}, user.token)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('leaves GraphQL and health to the api, and a missing file missing', async () => {
    const graphql = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html, application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    const health = await fetch(`${origin}/health/live`, { headers: { accept: 'text/html' } });
    expect(await health.text()).not.toBe(INDEX);
    const missing = await fetch(`${origin}/assets/nope.js`, { headers: { accept: '*/*' } });
    expect(missing.status).toBe(404);
  });
});
