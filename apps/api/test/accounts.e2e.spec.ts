import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { id role } }';

describe('accounts and sessions', () => {
  let harness: Harness;
  let supervisor: TestUser;

  const signIn = async (email: string, password: string) =>
    (await harness.gql<{ login: { token: string } }>(LOGIN, { e: email, p: password })).data?.login.token;
  const me = (token: string) => harness.gql<{ me: { id: string; role: string } }>(ME, {}, token);

  beforeAll(async () => {
    harness = await startHarness('accounts');
    supervisor = await harness.user('SUPERVISOR', 'head-nurse');
  });
  afterAll(() => harness?.close());

  it('lets a supervisor create an account whose temporary password works once handed over', async () => {
    const created = await harness.gql<{
      createAccount: { account: { id: string; role: string; disabled: boolean }; temporaryPassword: string };
    }>(
      `mutation { createAccount(input: { email: "Rosa@Clinic.example", displayName: "Rosa Vega", role: CASE_MANAGER }) {
         account { id role disabled } temporaryPassword } }`,
      {},
      supervisor.token,
    );
    expect(created.errors).toBeUndefined();
    const { account, temporaryPassword } = created.data!.createAccount;
    expect(account).toMatchObject({ role: 'CASE_MANAGER', disabled: false });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(20);
    expect((await me((await signIn('rosa@clinic.example', temporaryPassword))!)).data?.me.id).toBe(account.id);
    const listed = await harness.gql<{ accounts: { id: string; email: string }[] }>(
      '{ accounts { id email } }',
      {},
      supervisor.token,
    );
    expect(listed.data!.accounts).toContainEqual({ id: account.id, email: 'rosa@clinic.example' });
  });

  it('ends every session of an account at once when it is disabled, and lets it back in when enabled', async () => {
    const nurse = await harness.user('CASE_MANAGER', 'disabled-nurse');
    const other = await signIn(nurse.email, nurse.password);
    expect((await me(nurse.token)).data?.me.id).toBe(nurse.id);
    const disabled = await harness.gql(
      `mutation { setAccountDisabled(id: "${nurse.id}", disabled: true) { disabled } }`,
      {},
      supervisor.token,
    );
    expect(disabled.data).toEqual({ setAccountDisabled: { disabled: true } });
    for (const token of [nurse.token, other!]) {
      expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await harness.gql(LOGIN, { e: nurse.email, p: nurse.password })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await harness.gql(
      `mutation { setAccountDisabled(id: "${nurse.id}", disabled: false) { disabled } }`,
      {},
      supervisor.token,
    );
    expect(await signIn(nurse.email, nurse.password)).toBeDefined();
  });

  it('signs a user out everywhere: every token issued before stops working, a new sign-in works', async () => {
    const nurse = await harness.user('CASE_MANAGER', 'leaving-nurse');
    const laptop = (await signIn(nurse.email, nurse.password))!;
    expect(await harness.gql('mutation { signOut }', {}, nurse.token)).toEqual({ data: { signOut: true } });
    for (const token of [nurse.token, laptop]) {
      const refused = await me(token);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    }
    const fresh = (await signIn(nurse.email, nurse.password))!;
    expect((await me(fresh)).data?.me.id).toBe(nurse.id);
  });

  it('changes a role (ending the sessions that carried the old one) and resets a password', async () => {
    const nurse = await harness.user('CASE_MANAGER', 'promoted-nurse');
    const changed = await harness.gql(
      `mutation { changeAccountRole(id: "${nurse.id}", role: AUDITOR) { role } }`,
      {},
      supervisor.token,
    );
    expect(changed.data).toEqual({ changeAccountRole: { role: 'AUDITOR' } });
    expect((await me(nurse.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reset = await harness.gql<{ resetAccountPassword: { temporaryPassword: string } }>(
      `mutation { resetAccountPassword(id: "${nurse.id}") { temporaryPassword } }`,
      {},
      supervisor.token,
    );
    const password = reset.data!.resetAccountPassword.temporaryPassword;
    expect(await signIn(nurse.email, nurse.password)).toBeUndefined();
    expect((await me((await signIn(nurse.email, password))!)).data?.me.role).toBe('AUDITOR');
  });

  it('refuses anyone but a supervisor, a supervisor acting on their own account, and unknown accounts', async () => {
    const manager = await harness.user('CASE_MANAGER');
    const auditor = await harness.user('AUDITOR');
    for (const token of [manager.token, auditor.token]) {
      expect((await harness.gql('{ accounts { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const reset = await harness.gql(
        `mutation { resetAccountPassword(id: "${supervisor.id}") { temporaryPassword } }`,
        {},
        token,
      );
      expect(reset.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const self = await harness.gql(
      `mutation { setAccountDisabled(id: "${supervisor.id}", disabled: true) { id } }`,
      {},
      supervisor.token,
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OWN_ACCOUNT' });
    const ghost = await harness.gql(
      'mutation { changeAccountRole(id: "nobody", role: AUDITOR) { id } }',
      {},
      supervisor.token,
    );
    expect(ghost.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const duplicate = await harness.gql(
      `mutation { createAccount(input: { email: "${manager.email}", displayName: "Again", role: AUDITOR }) { temporaryPassword } }`,
      {},
      supervisor.token,
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(duplicate.errors?.[0]?.message).toMatch(/already exists/);
  });
});
