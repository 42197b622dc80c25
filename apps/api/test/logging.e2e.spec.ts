import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { captureLogs } from './factories/logs';
import { openCaseInput } from './factories/inputs';
import { walkCase } from './factories/scenarios';

describe('logs', () => {
  const captured = captureLogs();
  let harness: Harness;
  let manager: TestUser;

  beforeAll(async () => {
    harness = await startHarness('logging', { logger: captured.logger });
    manager = await harness.user('CASE_MANAGER', 'manager-lee');
  });
  afterAll(() => harness?.close());

  it('are structured, trace each operation, and hold no patient data or secrets', async () => {
    const patient = {
      patientName: 'Zelda Quintanilla-Ostrowski',
      birthDate: '1954-07-23',
      medicalRecordNumber: 'MRN-XQ-99817',
    };
    const opened = await harness.gql(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id, { personal: patient }) },
      manager.token,
    );
    expect(opened.errors).toBeUndefined();
    // Rejected input carrying patient data, a failed login, and a whole case walked.
    const rejected = await harness.gql(
      mutationDocument('openCase'),
      {
        input: openCaseInput(manager.id, {
          personal: { ...patient, patientName: `${patient.patientName}${'!'.repeat(300)}` },
        }),
      },
      manager.token,
    );
    expect(rejected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await harness.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: manager.email,
      p: 'a-wrong-password-Hunter2',
    });
    await walkCase(harness, manager, 1);

    expect(captured.lines.length).toBeGreaterThan(10);
    const entries = captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.every((entry) => typeof entry.level === 'number' && typeof entry.msg === 'string')).toBe(true);
    // Every failure above was the caller's: nothing may look like an outage to whoever watches the logs.
    expect(entries.filter((entry) => (entry.level as number) >= 50)).toEqual([]);
    const operations = entries.filter((entry) => entry.msg === 'graphql operation');
    expect(operations).toContainEqual(
      expect.objectContaining({ fields: ['openCase'], userId: manager.id, errorCodes: ['BAD_USER_INPUT'] }),
    );
    expect(operations).toContainEqual(expect.objectContaining({ fields: ['login'], errorCodes: ['UNAUTHENTICATED'] }));

    const everything = captured.lines.join('\n');
    const forbidden = [
      patient.patientName,
      patient.birthDate,
      patient.medicalRecordNumber,
      'Patient 1', // the walked case's patient
      'Invasive ductal carcinoma',
      'Mastectomy',
      'Follow-up call',
      manager.password,
      'a-wrong-password-Hunter2',
      manager.token,
      'test-secret-test-secret-test-secret-0123',
      'admin-password-for-tests',
    ];
    for (const secret of forbidden) {
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
