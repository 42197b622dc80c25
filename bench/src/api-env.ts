/** The api's environment on the bench's own database: silent, with fixed secrets for a throwaway database. */
export const benchApiEnv = (databaseUrl: string, dataDir: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  ADMIN_PASSWORD: 'bench-admin-password',
});
