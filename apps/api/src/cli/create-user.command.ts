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

type Wanted = { readonly email: string; readonly name: string; readonly role: string; readonly id?: string };

/** Opens the database the api uses (embedded or DATABASE_URL), migrated, and creates the account. */
const createIn = async (env: CommandIo['env'], wanted: Wanted, password: string, io: CommandIo): Promise<void> => {
  const config = loadConfig(env);
  const database = await openDatabase({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    dataDir: join(config.dataDir, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
  });
  try {
    await migrateToLatest(createKysely(database.pool));
    const user = await createUser(new UsersRepository(createKysely(database.pool)), {
      email: wanted.email,
      displayName: wanted.name,
      role: wanted.role as 'CASE_MANAGER',
      password,
      ...(wanted.id ? { id: wanted.id } : {}),
    });
    io.out(`Created ${user.role} ${wanted.email} with id ${user.id}`);
  } finally {
    await database.close();
  }
};

/** One line a person can act on: what was refused and why, never a stack or a dump. */
const refusal = (error: unknown): string =>
  error instanceof NewUserRefused || error instanceof ConfigError
    ? error.message.replace(/:?\n\s*/g, ': ')
    : error instanceof Error
      ? (error.message.split('\n')[0] ?? error.name)
      : String(error);

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
  const { email, name, role, id, help } = values;
  if (help || !email || !name || !role) {
    io.out(usage);
    return help ? 0 : 2;
  }
  try {
    const password = cliEnv.parse(io.env).SOT_NEW_USER_PASSWORD ?? (await io.readLine());
    await createIn(io.env, { email, name, role, ...(id ? { id } : {}) }, password, io);
    return 0;
  } catch (error) {
    io.err(`Not created: ${refusal(error)}`);
    return 1;
  }
};
