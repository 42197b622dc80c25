import { createUserCommand } from '../src/cli/create-user.command';
import { startHarness } from './app-harness';
import type { Harness } from './app-harness';

describe('the create-user command', () => {
  let harness: Harness;
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await createUserCommand(argv, {
      env: { DATABASE_URL: harness.databaseUrl, SOT_NEW_USER_PASSWORD: 'a-long-enough-password', ...env },
      readLine: () => Promise.resolve(''),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    harness = await startHarness('create_user_cli');
  });
  afterAll(() => harness?.close());

  it('creates a user and says with which id', async () => {
    const created = await run([
      '--email',
      'ana@clinic.test',
      '--name',
      'Ana Ruiz',
      '--role',
      'CASE_MANAGER',
      '--id',
      'ana',
    ]);
    expect(created).toEqual({ code: 0, out: 'Created CASE_MANAGER ana@clinic.test with id ana', err: '' });
  });

  it('explains a refusal in one line a person can act on, never a raw validation or SQL error', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--email', 'not-an-email', '--name', 'X', '--role', 'CASE_MANAGER'], {}, /^Not created: email: /],
      [
        ['--email', 'b@clinic.test', '--name', 'X', '--role', 'CASE_MANAGER'],
        { SOT_NEW_USER_PASSWORD: 'short' },
        /password: at least 12 characters/,
      ],
      [
        ['--email', 'c@clinic.test', '--name', 'X', '--role', 'CASE_MANAGER', '--id', 'ana'],
        {},
        /A user with id ana already exists/,
      ],
      [
        ['--email', 'ana@clinic.test', '--name', 'X', '--role', 'CASE_MANAGER'],
        {},
        /A user with email ana@clinic.test already exists/,
      ],
      [['--email', 'd@clinic.test', '--name', 'X', '--role', 'CASE_MANAGER'], { PORT: 'eighty' }, /PORT/],
    ];
    for (const [argv, env, message] of cases) {
      const refused = await run(argv, env);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(message);
      expect(refused.err.split('\n')).toHaveLength(1);
      expect(refused.err).not.toMatch(/"code"|ZodError|duplicate key|\bat [A-Za-z]+ \(/);
    }
  });
});
