import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier, withDatabase } from './database';

export type ScratchDatabase = { readonly url: string; readonly name: string; readonly drop: () => Promise<void> };

const admin = async <T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A fresh database per test suite, so suites never see each other's rows. */
export const createScratchDatabase = async (adminUrl: string, prefix: string): Promise<ScratchDatabase> => {
  const name = `${prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () =>
      admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
};
