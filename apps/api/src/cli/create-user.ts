/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { parseArgs } from 'node:util';
import { openDatabase } from '@sot/postgres';
import { join } from 'node:path';
import { UsersRepository, createUser } from '../auth';
import { createKysely, loadConfig, migrateToLatest } from '../platform';

const usage = `Create a user of the Second Opinion Tracker.

  npm run create-user -w apps/api -- --email ana@clinic.org --name "Ana Ruiz" --role CASE_MANAGER [--id ana]

The password is read from SOT_NEW_USER_PASSWORD, or from standard input (one line).
Roles: CASE_MANAGER (own caseload), SUPERVISOR (all cases, reassigns), AUDITOR (read only).`;

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.email || !values.name || !values.role) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const config = loadConfig(process.env);
  const password = process.env.SOT_NEW_USER_PASSWORD ?? (await readStdin());
  const database = await openDatabase({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    dataDir: join(config.dataDir, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
  });
  try {
    await migrateToLatest(createKysely(database.pool));
    const user = await createUser(new UsersRepository(createKysely(database.pool)), {
      email: values.email,
      displayName: values.name,
      role: values.role as 'CASE_MANAGER',
      password,
      ...(values.id ? { id: values.id } : {}),
    });
    console.log(`Created ${user.role} ${values.email} with id ${user.id}`);
  } finally {
    await database.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
