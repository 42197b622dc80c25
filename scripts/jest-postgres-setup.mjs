// Jest global setup: one PostgreSQL server per test run. With DATABASE_URL the tests use that
// server; otherwise an embedded one starts in a throw-away folder under .data/. Each suite then
// creates its own database on it (see createScratchDatabase).
import { basename, join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, silentLogger } from '@sot/postgres';

/** Tests that drive PostgreSQL's own tools (pg_dump) need to know which server they face. */
const recordServerVersion = async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version_num');
    process.env.SOT_TEST_SERVER_VERSION_NUM = rows[0].server_version_num;
  } finally {
    await client.end();
  }
};

export default async function setup(globalConfig) {
  if (process.env.DATABASE_URL) {
    process.env.SOT_TEST_ADMIN_URL = process.env.DATABASE_URL;
    await recordServerVersion(process.env.DATABASE_URL);
    return;
  }
  const root = new URL('..', import.meta.url).pathname;
  const dataDir = join(root, '.data', `test-${basename(globalConfig.rootDir)}-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, port: 0, ephemeral: true, logger: silentLogger });
  globalThis.__SOT_EMBEDDED_POSTGRES__ = server;
  process.env.SOT_TEST_ADMIN_URL = server.url;
  await recordServerVersion(server.url);
}
