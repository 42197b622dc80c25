import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { READ_MODEL_SCHEMA } from '../src/projections';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { captureLogs } from './factories/logs';
import { inDays, expertInput, openCaseInput, recordItemsInput } from './factories/inputs';
import { mutationDocument } from './factories/documents';
import { liveAndRebuilt } from './factories/rebuild';

/** What only this patient's data holds: none of it may be found anywhere once erased. */
const SECRETS = ['Vandersloot', 'VX-44120', '1949-02-17'];
const found = (text: string): string[] => SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

const ERASED_CASE = `query($id: ID!) {
  case(id: $id) {
    status version patient { name birthDate medicalRecordNumber } deadlineSource clinicianInformedReason closeComment
    requests { question records { refusalReason } opinion { summary diagnosis changesTreatment } }
    conflicts { description outcome }
    decision { optionChosen rationaleInPatientsWords }
    notes { text }
    erasure { erasedAt reason erasedBy }
    history { intact checkedEvents }
    timeline(first: 100) { entries { eventType summary text } }
  }
}`;

/** Set by the tests' global setup from the server itself. */
const serverMajor = (): number => Math.floor(Number(process.env.SOT_TEST_SERVER_VERSION_NUM) / 10_000);
const pgDumpMajor = (): number | undefined => {
  try {
    return Number(/(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1]);
  } catch {
    return undefined;
  }
};
const pgDumpCanDump = (pgDumpMajor() ?? 0) >= serverMajor();

/** Every row of every table of the database, as text: the data a logical dump holds. */
const everyRow = async (database: Client): Promise<string> => {
  const { rows: tables } = await database.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  expect(tables.map((table) => table.name)).toEqual(
    expect.arrayContaining([
      'event_store.events',
      'patient_data.keys',
      'audit.access_log',
      `${READ_MODEL_SCHEMA}.case_summaries`,
    ]),
  );
  const dumped: string[] = [];
  for (const { name } of tables) {
    const { rows } = await database.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
    dumped.push(...rows.map((row) => row.row));
  }
  return dumped.join('\n');
};

describe("erasing a patient's data", () => {
  const logs = captureLogs();
  let harness: Harness;
  let manager: TestUser;
  let supervisor: TestUser;
  let auditor: TestUser;
  let database: Client;
  let caseId: string;
  let decidedAt: string;

  const send = async (user: TestUser, mutation: string, input: Record<string, unknown>) => {
    const response = await harness.gql(mutationDocument(mutation), { input }, user.token);
    expect({ mutation, errors: response.errors }).toEqual({ mutation, errors: undefined });
  };

  /** A case whose every patient field, and every free text a person typed, names the patient. */
  const caseNamingThePatientEverywhere = async (): Promise<string> => {
    const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      {
        input: openCaseInput(manager.id, {
          personal: {
            patientName: 'Philippa Vandersloot',
            birthDate: '1949-02-17',
            medicalRecordNumber: 'MRN-VX-44120',
          },
        }),
      },
      manager.token,
    );
    const id = opened.data!.openCase.case.id;
    const input = (more: Record<string, unknown>) => ({ caseId: id, ...more });
    await send(manager, 'setDecisionDeadline', input({ deadline: inDays(30), source: 'Dr Ames told Ms Vandersloot' }));
    await send(
      manager,
      'informOriginalClinician',
      input({ method: 'PHONE', reasonGiven: 'Vandersloot wants certainty' }),
    );
    const expert = expertInput('Dr. Ruth Okafor', 'Lakeside Cancer Center');
    await send(
      manager,
      'requestOpinion',
      input({ requestId: 'r1', expert, reviewMode: 'REMOTE', question: 'Surgery for Vandersloot?' }),
    );
    await send(manager, 'requestRecords', input({ requestId: 'r1', items: recordItemsInput() }));
    await send(
      manager,
      'recordRecordsReleaseRefused',
      input({
        requestId: 'r1',
        itemIds: ['mri'],
        refusedBy: 'Riverside imaging',
        reason: 'No consent from Vandersloot on file',
      }),
    );
    await send(
      manager,
      'recordOpinionReceived',
      input({
        requestId: 'r1',
        diagnosis: 'Stage II invasive ductal carcinoma',
        recommendedTreatment: 'Lumpectomy and radiotherapy',
        changesDiagnosis: false,
        changesTreatment: true,
        summary: 'Saw Mrs Vandersloot with her son',
      }),
    );
    await send(
      manager,
      'raiseConflict',
      input({
        conflictId: 'c-hand',
        subject: 'DIAGNOSIS',
        between: ['original', 'r1'],
        description: 'Vandersloot biopsy read twice',
      }),
    );
    await send(
      manager,
      'resolveConflict',
      input({ conflictId: 'c-hand', resolution: 'CLINICIANS_CONFERRED', outcome: 'Agreed with Vandersloot present' }),
    );
    await send(
      manager,
      'requestOpinion',
      input({
        requestId: 'r2',
        expert: expertInput('Dr. Ken Ito', 'Northgate University Hospital'),
        reviewMode: 'IN_PERSON',
      }),
    );
    await send(manager, 'cancelOpinionRequest', input({ requestId: 'r2', reason: 'Vandersloot cannot travel' }));
    await send(manager, 'addNote', input({ noteId: 'n1', text: 'Vandersloot fears the anaesthetic' }));
    await send(
      manager,
      'makeDecision',
      input({
        optionChosen: 'Lumpectomy and radiotherapy',
        followsOpinionOf: 'r1',
        rationaleInPatientsWords: 'I, Philippa Vandersloot, want to keep working',
        acknowledgeOpenConflicts: true,
      }),
    );
    await send(manager, 'closeCase', input({ reason: 'DECISION_MADE', comment: 'Vandersloot thanked the team' }));
    return id;
  };

  beforeAll(async () => {
    harness = await startHarness('erasure', { logger: logs.logger });
    manager = await harness.user('CASE_MANAGER');
    supervisor = await harness.user('SUPERVISOR');
    auditor = await harness.user('AUDITOR');
    database = new Client({ connectionString: harness.databaseUrl });
    await database.connect();
    caseId = await caseNamingThePatientEverywhere();
    decidedAt = new Date().toISOString();
  }, 60_000);
  afterAll(async () => {
    await database?.end();
    await harness?.close();
  });

  it('keeps the patient data sealed in the event store from the start, readable only through the case', async () => {
    const { rows } = await database.query<{ data: string }>('SELECT data::text AS data FROM event_store.events');
    expect(found(rows.map((row) => row.data).join('\n'))).toEqual([]);
    const shown = await harness.gql<{ case: { patient: { name: string } } }>(
      ERASED_CASE,
      { id: caseId },
      manager.token,
    );
    expect(shown.data?.case.patient.name).toBe('Philippa Vandersloot');
  });

  it('is for supervisors only, and only on a closed case', async () => {
    const byManager = await harness.gql(
      mutationDocument('erasePatientData'),
      { input: { caseId, reason: 'PATIENT_REQUEST' } },
      manager.token,
    );
    expect(byManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAuditor = await harness.gql(
      mutationDocument('erasePatientData'),
      { input: { caseId, reason: 'PATIENT_REQUEST' } },
      auditor.token,
    );
    expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const open = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id) },
      manager.token,
    );
    const refused = await harness.gql(
      mutationDocument('erasePatientData'),
      { input: { caseId: open.data!.openCase.case.id, reason: 'PATIENT_REQUEST' } },
      supervisor.token,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: "Close the case before erasing the patient's data",
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  describe('once erased', () => {
    beforeAll(async () => {
      await send(supervisor, 'erasePatientData', { caseId, reason: 'PATIENT_REQUEST', reference: 'REQ-2291' });
    });

    it('shows every patient datum as erased, and keeps the coded facts, the history chain and who erased it', async () => {
      const shown = await harness.gql<{ case: Record<string, unknown> }>(ERASED_CASE, { id: caseId }, auditor.token);
      expect(shown.errors).toBeUndefined();
      expect(shown.data!.case).toMatchObject({
        status: 'CLOSED',
        patient: { name: '[erased]', birthDate: null, medicalRecordNumber: null },
        deadlineSource: '[erased]',
        clinicianInformedReason: '[erased]',
        closeComment: '[erased]',
        requests: [
          {
            question: '[erased]',
            records: expect.arrayContaining([{ refusalReason: '[erased]' }]) as unknown,
            opinion: { summary: '[erased]', diagnosis: 'Stage II invasive ductal carcinoma', changesTreatment: true },
          },
          { question: null, records: [], opinion: null },
        ],
        // The treatment conflict was raised automatically; the other by hand, and resolved.
        conflicts: [
          { description: '[erased]', outcome: null },
          { description: '[erased]', outcome: '[erased]' },
        ],
        decision: { optionChosen: 'Lumpectomy and radiotherapy', rationaleInPatientsWords: '[erased]' },
        notes: [{ text: '[erased]' }],
        erasure: { reason: 'PATIENT_REQUEST', erasedBy: supervisor.id },
        history: { intact: true },
      });
      const timeline = (
        shown.data!.case.timeline as { entries: { eventType: string; summary: string; text: string | null }[] }
      ).entries;
      expect(timeline.at(-1)).toMatchObject({
        eventType: 'PatientDataErased',
        summary: 'Patient data erased (patient request; reference REQ-2291)',
      });
      expect(found(JSON.stringify(shown.data))).toEqual([]);
    });

    it('shows the case as it stood before the erasure as erased too', async () => {
      const asOf = await harness.gql(
        `query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { patient { name } notes { text } decision { rationaleInPatientsWords } } }`,
        { id: caseId, at: decidedAt },
        supervisor.token,
      );
      expect(asOf.data).toEqual({
        caseAsOf: {
          patient: { name: '[erased]' },
          notes: [{ text: '[erased]' }],
          decision: { rationaleInPatientsWords: '[erased]' },
        },
      });
    });

    it('leaves nothing to find by the name, and the case still counts in the statistics', async () => {
      const search = await harness.gql<{ cases: { totalCount: number } }>(
        'query { cases(filter: { search: "Vandersloot" }) { totalCount } }',
        {},
        supervisor.token,
      );
      expect(search.data?.cases.totalCount).toBe(0);
      const stats = await harness.gql<{ outcomeStats: { overall: Record<string, number> } }>(
        'query { outcomeStats { overall { decidedCases receivedOpinions treatmentChanged } } }',
        {},
        supervisor.token,
      );
      expect(stats.data?.outcomeStats.overall).toEqual({ decidedCases: 1, receivedOpinions: 1, treatmentChanged: 1 });
    });

    it('takes no further command, and cannot be erased twice', async () => {
      for (const [mutation, input] of [
        ['reopenCase', { caseId, reason: 'Patient returned' }],
        ['addNote', { caseId, noteId: 'n2', text: 'Late call' }],
        ['erasePatientData', { caseId, reason: 'PATIENT_REQUEST' }],
      ] as const) {
        const refused = await harness.gql(mutationDocument(mutation), { input }, supervisor.token);
        expect(refused.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          domainCode: 'PATIENT_DATA_ERASED',
        });
      }
    });

    it('leaves the plaintext nowhere: event store, keys, read models, access log, any table, or the logs', async () => {
      expect(found(await everyRow(database))).toEqual([]);
      const { rows } = await database.query('SELECT wrapped_key, erased_at FROM patient_data.keys WHERE case_id = $1', [
        caseId,
      ]);
      expect(rows).toEqual([{ wrapped_key: null, erased_at: expect.any(Date) as unknown }]);
      expect(logs.lines.length).toBeGreaterThan(20);
      expect(found(logs.lines.join('\n'))).toEqual([]);
    });

    // Skipped where the installed pg_dump is older than the server (Debian's 15 against PostgreSQL
    // 18 here): pg_dump refuses a newer server. The GitHub workflow installs pg_dump 18 and runs it.
    // skip reason: this pg_dump is older than the server, which it refuses to dump (see above)
    (pgDumpCanDump ? it : it.skip)(
      // skip reason: pg_dump older than the server
      `leaves the plaintext out of a pg_dump (needs pg_dump ${serverMajor()} or later)`,
      () => {
        const dump = execFileSync('pg_dump', ['--dbname', harness.databaseUrl], {
          encoding: 'utf8',
          maxBuffer: 256 << 20,
        });
        expect(dump).toContain('event_store.events');
        expect(found(dump)).toEqual([]);
      },
    );

    it('reads the same from read models rebuilt from the events as from those scrubbed live', async () => {
      const { live, rebuilt } = await liveAndRebuilt(harness, database, 'read_models_rebuilt', [caseId]);
      expect(live.details).toHaveLength(1);
      expect(live.timeline.length).toBeGreaterThan(10);
      expect(rebuilt).toEqual(live);
    });
  });

  it('reads a case as of a moment after its erasure as erased, notes included, before the key is destroyed', async () => {
    const erasedLater = await caseNamingThePatientEverywhere();
    // The key row held: the projection that destroys the key waits, the erasure is in the stream.
    const holder = new Client({ connectionString: harness.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM patient_data.keys WHERE case_id = $1 FOR UPDATE', [erasedLater]);
    try {
      const erasing = harness.gql(
        mutationDocument('erasePatientData'),
        { input: { caseId: erasedLater, reason: 'PATIENT_REQUEST' } },
        supervisor.token,
      );
      const inStream = async () => {
        for await (const event of harness.store.readStream(`case-${erasedLater}`)) {
          if (event.type === 'PatientDataErased') {
            return true;
          }
        }
        return false;
      };
      while (!(await inStream())) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const asOf = await harness.gql<{ caseAsOf: { erasure: unknown; notes: { text: string }[] } }>(
        'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { erasure { reason } notes { text } } }',
        { id: erasedLater, at: new Date(Date.now() + 1_000).toISOString() },
        supervisor.token,
      );
      expect(asOf.data?.caseAsOf.erasure).toEqual({ reason: 'PATIENT_REQUEST' });
      expect(asOf.data?.caseAsOf.notes.length).toBeGreaterThan(0);
      expect(found(JSON.stringify(asOf))).toEqual([]);
      await holder.query('ROLLBACK');
      expect((await erasing).errors).toBeUndefined();
    } finally {
      await holder.end();
    }
  });
});
