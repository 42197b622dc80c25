import { openDatabase } from '@sot/postgres';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { NewUserRefused, UsersRepository, createUser } from '../auth';
import { ConfigError, createKysely, loadConfig, migrateToLatest } from '../platform';

export const usage = `Create a user of the Second Opinion Tracker.

  npm run create-user -w apps/api -- --email ana@clinic.org --name "Ana Ruiz" --role CASE_MANAGER [--id ana]

The password is read from SOT_NEW_USER_PASSWORD, or from standard input (one line).
Roles: CASE_MANAGER (own caseload), SUPERVISOR (all cases, reassigns), AUDITOR (read only).`;

/** What the command may touch of its surroundings, so that it can be run (and tested) in-process. */
export type CommandIo = {
  readonly env: Record<string, string | undefined>;
  readonly readLine: () => Promise<string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
};

const cliEnv = z.object({ SOT_NEW_USER_PASSWORD: z.string().optional() });

/** Runs `create-user`; returns the exit code (0 created, 1 refused or failed, 2 usage). */
export const createUserCommand = async (argv: readonly string[], io: CommandIo): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.email || !values.name || !values.role) {
    io.out(usage);
    return values.help ? 0 : 2;
  }
  try {
    const config = loadConfig(io.env);
    const password = cliEnv.parse(io.env).SOT_NEW_USER_PASSWORD ?? (await io.readLine());
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
      io.out(`Created ${user.role} ${values.email} with id ${user.id}`);
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof NewUserRefused || error instanceof ConfigError) {
      io.err(`Not created: ${error.message.replace(/:?\n\s*/g, ': ')}`);
      return 1;
    }
    io.err(`Not created: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  }
};
