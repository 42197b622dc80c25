import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../platform';
import { hashPassword } from './passwords';
import type { UsersRepository } from './users.repository';

export const FIRST_ADMIN_ID = 'admin';

/**
 * On a database without users, creates one supervisor: from ADMIN_EMAIL / ADMIN_PASSWORD, or with
 * a generated password printed once to the terminal (never to the log).
 */
export const ensureFirstAdmin = async (users: UsersRepository, config: AppConfig, logger: Logger): Promise<void> => {
  if ((await users.count()) > 0) {
    return;
  }
  const email = config.ADMIN_EMAIL ?? 'admin@second-opinion.local';
  const generated = config.ADMIN_PASSWORD === undefined;
  const password = config.ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
  await users.create({
    id: FIRST_ADMIN_ID,
    email,
    display_name: 'Administrator',
    role: 'SUPERVISOR',
    password_hash: await hashPassword(password),
  });
  logger.info({ userId: FIRST_ADMIN_ID, generatedPassword: generated }, 'first supervisor account created');
  if (generated) {
    process.stdout.write(
      `\n  First supervisor account (shown once: keep it safe, and give people their own accounts with npm run create-user):\n    email:    ${email}\n    password: ${password}\n\n`,
    );
  }
};

/** The JWT signing secret: JWT_SECRET, or one generated once and kept beside the embedded data. */
export const jwtSecret = async (config: AppConfig): Promise<string> => {
  if (config.JWT_SECRET !== undefined) {
    return config.JWT_SECRET;
  }
  const file = join(config.dataDir, 'jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    return secret;
  }
};
