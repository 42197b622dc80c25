import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Role } from './actor';
import { hashPassword } from './passwords';
import type { UsersRepository } from './users.repository';

export const newUserSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1-64 letters, digits or _ . : -')
    .optional(),
  email: z.email(),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(['CASE_MANAGER', 'SUPERVISOR', 'AUDITOR']),
  password: z.string().min(12, 'at least 12 characters').max(1024),
});

export type NewUserInput = z.input<typeof newUserSchema>;

/** A new account refused, with a reason a person can act on (never a raw validation or SQL dump). */
export class NewUserRefused extends Error {
  override readonly name = 'NewUserRefused';
}

const problems = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');

/** Creates an account; the id (used in case events as the case manager id) defaults to a random one. */
export const createUser = async (users: UsersRepository, input: NewUserInput): Promise<{ id: string; role: Role }> => {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new NewUserRefused(problems(parsed.error));
  }
  const user = parsed.data;
  const id = user.id ?? `u-${randomBytes(6).toString('hex')}`;
  if (await users.findByEmail(user.email)) {
    throw new NewUserRefused(`A user with email ${user.email} already exists`);
  }
  if (await users.findById(id)) {
    throw new NewUserRefused(`A user with id ${id} already exists: choose another --id`);
  }
  await users.create({
    id,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    password_hash: await hashPassword(user.password),
  });
  return { id, role: user.role };
};
