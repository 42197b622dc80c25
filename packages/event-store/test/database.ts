import { Pool } from 'pg';
import { createScratchDatabase } from '@sot/postgres';

/** A database of the suite's own on the run's PostgreSQL server (see scripts/jest-postgres-setup.mjs). */
export const suiteDatabase = async (
  prefix: string,
): Promise<{ pool: Pool; url: string; drop: () => Promise<void> }> => {
  const adminUrl = process.env.SOT_TEST_ADMIN_URL;
  if (!adminUrl) {
    throw new Error('SOT_TEST_ADMIN_URL is not set: run the tests through jest with the postgres global setup');
  }
  const scratch = await createScratchDatabase(adminUrl, prefix);
  const pool = new Pool({ connectionString: scratch.url, max: 20 });
  return {
    pool,
    url: scratch.url,
    drop: async () => {
      await pool.end();
      await scratch.drop();
    },
  };
};
