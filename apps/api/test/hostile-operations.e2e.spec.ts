import fc from 'fast-check';
import { Client } from 'pg';
import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { expertInput, inDays, openCaseInput, recordItemsInput } from './factories/inputs';
import { liveAndRebuilt } from './factories/rebuild';

/**
 * Thousands of random and malformed operations, as every role and as strangers, over real HTTP:
 * never a 500, never another caseload's patient, never an event for a refused command, and the
 * read models equal a rebuild from the events afterwards. fast-check prints the seed of a failure:
 * FC_SEED=<seed> reruns it.
 */

/** Only the other manager's case names these: no one else below a supervisor may ever see them. */
const OTHER_PATIENT = { patientName: 'Ottoline Brackenridge', medicalRecordNumber: 'MRN-OB-7731' };
const OWN_PATIENT = { patientName: 'Wilhelmina Castellanos', medicalRecordNumber: 'MRN-WC-1204' };

type Caller = 'owner' | 'otherManager' | 'supervisor' | 'auditor' | 'stranger' | 'forger';
type Operation = {
  readonly caller: Caller;
  readonly document: string;
  readonly variables: Readonly<Record<string, unknown>>;
};

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Called the lab', 'Dr. Greer: within three weeks', 'r1', 'original') },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', '\u202Eevil', '\ud800', 'x'.repeat(5_000)) },
);
const junk = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), text, { maxKeys: 2 }),
);
/**
 * How values are drawn: well-formed (every field there, plausible values: the commands that get
 * recorded, so that the read models have something to be compared on) or hostile (now and then a
 * field missing, or of any type at all, or text no person types).
 */
type Flavour = {
  readonly text: fc.Arbitrary<unknown>;
  readonly value: <T>(arbitrary: fc.Arbitrary<T>) => fc.Arbitrary<unknown>;
  readonly fields: (shape: Record<string, fc.Arbitrary<unknown>>) => fc.Arbitrary<unknown>;
};
const hostile: Flavour = {
  text,
  value: (arbitrary) => fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: junk }),
  fields: (shape) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.record(shape) },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
    ),
};
const wellFormed: Flavour = {
  text: fc.oneof(
    fc.constantFrom('Called the lab', 'Dr. Greer: within three weeks', 'Patient prefers mornings'),
    fc.stringMatching(/^[A-Z][a-z]{2,12}( [a-z]{2,10}){0,3}$/),
  ),
  value: (arbitrary) => arbitrary,
  fields: (shape) => fc.record(shape),
};

const commandInputs = (ids: { assignable: string[] }, f: Flavour): Record<string, fc.Arbitrary<unknown>> => {
  const { text: words, value, fields } = f;
  const enumOf = (...values: string[]) =>
    value(
      f === hostile ? fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 12 })) : fc.constantFrom(...values),
    );
  const instant = value(
    f === hostile
      ? fc.oneof(
          fc.integer({ min: -30, max: 400 }).map(inDays),
          fc.constantFrom('2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', 'tomorrow'),
        )
      : fc.integer({ min: 2, max: 300 }).map(inDays),
  );
  const requestId = value(fc.constantFrom('r1', 'r2', 'r3'));
  const itemIds = value(fc.subarray(['chart', 'mri', 'slides', ...(f === hostile ? ['nope'] : [])], { minLength: 1 }));
  const conflictId = value(fc.constantFrom('c1', 'c2'));
  return {
    openCase: fields({
      personal: value(fc.record({ patientName: words, birthDate: value(fc.constantFrom('1961-04-09', '2030-01-01')) })),
      condition: value(
        fc.record({ name: words, severity: enumOf('SERIOUS', 'MODERATE'), isCancer: value(fc.boolean()) }),
      ),
      originalOpinion: value(fc.constant(openCaseInput('x').originalOpinion)),
      caseManagerId: value(fc.constantFrom('owner', ...ids.assignable)),
    }),
    assignCaseManager: fields({ caseManagerId: value(fc.constantFrom(...ids.assignable)), reason: words }),
    setDecisionDeadline: fields({ deadline: instant, source: words }),
    informOriginalClinician: fields({ method: enumOf('PHONE', 'LETTER'), reasonGiven: words }),
    requestOpinion: fields({
      requestId,
      expert: value(fc.constant(expertInput('Dr. Ruth Okafor', 'Lakeside Cancer Center'))),
      reviewMode: enumOf('REMOTE', 'IN_PERSON'),
      question: words,
    }),
    recordInsuranceCoverage: fields({
      requestId,
      coverage: value(fc.record({ covered: value(fc.boolean()), inPlanExpertRequired: value(fc.boolean()) })),
    }),
    requestRecords: fields({ requestId, items: value(fc.constant(recordItemsInput())) }),
    markRecordsSent: fields({ requestId, itemIds, trackingReference: words }),
    markRecordsReceived: fields({ requestId, itemIds }),
    recordRecordsReleaseRefused: fields({ requestId, itemIds, refusedBy: words, reason: words }),
    recordOpinionReceived: fields({
      requestId,
      diagnosis: words,
      recommendedTreatment: words,
      changesDiagnosis: value(fc.boolean()),
      changesTreatment: value(fc.boolean()),
      summary: words,
    }),
    cancelOpinionRequest: fields({ requestId, reason: words }),
    raiseConflict: fields({
      conflictId,
      subject: enumOf('DIAGNOSIS', 'TREATMENT'),
      between: value(fc.subarray(['original', 'r1', 'r2'], { minLength: 2 })),
      description: words,
    }),
    resolveConflict: fields({ conflictId, resolution: enumOf('PATIENT_JUDGEMENT'), outcome: words }),
    makeDecision: fields({
      optionChosen: words,
      rationaleInPatientsWords: words,
      acknowledgeOpenConflicts: value(fc.boolean()),
    }),
    closeCase: fields({ reason: enumOf('PATIENT_WITHDREW', 'DECISION_MADE'), comment: words }),
    reopenCase: fields({ reason: words }),
    // Notes take fresh ids when well-formed (a reused one is refused), a few known ones when hostile.
    addNote: fields({
      noteId: f === hostile ? value(fc.constantFrom('n1', 'n2', 'n3')) : fc.stringMatching(/^n-[a-z0-9]{8}$/),
      text: words,
    }),
    erasePatientData: fields({ reason: enumOf('PATIENT_REQUEST'), reference: words }),
  };
};

const QUERIES = [
  'query($id: ID!) { case(id: $id) { id patient { name medicalRecordNumber } notes { text } } }',
  'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { patient { name } } }',
  'query($id: ID!) { case(id: $id) { timeline(first: 50) { entries { summary text } } history { intact } } }',
  'query($search: String) { cases(first: 50, filter: { search: $search }) { edges { node { id patientName } } } }',
  'query($first: Int!) { accessLog(first: $first) { entries { caseIds operation } } }',
];

type Ids = { caseIds: string[]; ownCaseIds: string[]; otherCaseIds: string[]; assignable: string[] };

const operations = (ids: Ids, nextCommandId: () => string) => {
  const anyCaller = fc.constantFrom<Caller>('owner', 'otherManager', 'supervisor', 'auditor', 'stranger', 'forger');
  const mutation = (f: Flavour, caller: fc.Arbitrary<Caller>, caseIds: readonly string[]) => {
    const inputs = commandInputs(ids, f);
    const caseId = f.value(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...caseIds) }, { weight: 1, arbitrary: fc.uuid() }),
    );
    const expectedVersion = f === hostile ? fc.option(f.value(fc.integer({ min: -1, max: 30 }))) : fc.constant(null);
    // Well-formed commands keep the cases workable and where they are: ending one (closing, deciding,
    // erasing) or moving it to another caseload is left to the hostile ones.
    const names = Object.keys(inputs).filter(
      (name) => f === hostile || !['closeCase', 'makeDecision', 'erasePatientData', 'assignCaseManager'].includes(name),
    );
    return fc
      .record({ caller, name: fc.constantFrom(...names), caseId, expectedVersion })
      .chain(({ name, caseId: id, expectedVersion: version, caller: who }) =>
        inputs[name]!.map((input): Operation => ({
          caller: who,
          document: mutationDocument(name),
          variables: {
            input:
              typeof input === 'object' && input !== null
                ? {
                    ...input,
                    caseId: id,
                    commandId: nextCommandId(),
                    ...(version === null ? {} : { expectedVersion: version }),
                  }
                : input,
          },
        })),
      );
  };
  const query: fc.Arbitrary<Operation> = fc.record({
    caller: anyCaller,
    document: fc.constantFrom(...QUERIES),
    variables: fc.record({
      id: hostile.value(fc.oneof(fc.constantFrom(...ids.caseIds), fc.uuid())),
      at: hostile.value(fc.integer({ min: -30, max: 30 }).map(inDays)),
      search: hostile.value(text),
      first: hostile.value(fc.integer({ min: -5, max: 500 })),
    }),
  });
  const garbage: fc.Arbitrary<Operation> = fc.record({
    caller: anyCaller,
    document: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('{', 'query { __schema { types { name } } }', 'mutation { signOut'),
    ),
    variables: fc.constant({}),
  });
  return fc.oneof(
    {
      weight: 4,
      // Each person on cases they may work on.
      arbitrary: fc.oneof(
        mutation(wellFormed, fc.constant<Caller>('owner'), ids.ownCaseIds),
        mutation(wellFormed, fc.constant<Caller>('otherManager'), ids.otherCaseIds),
        mutation(wellFormed, fc.constant<Caller>('supervisor'), ids.caseIds),
      ),
    },
    { weight: 3, arbitrary: mutation(hostile, anyCaller, ids.caseIds) },
    { weight: 2, arbitrary: query },
    { weight: 1, arbitrary: garbage },
  );
};

type Answer = { status: number; text: string; errors: { extensions?: { code?: string } }[] };

describe('hostile operations, generated', () => {
  let harness: Harness;
  let database: Client;
  const users: Partial<Record<Caller, TestUser>> = {};
  const ids: Ids = { caseIds: [], ownCaseIds: [], otherCaseIds: [], assignable: [] };
  let sent = 0;
  /** Commands that went through: the generator must reach the accepted paths, not only refusals. */
  let recorded = 0;
  let commandCounter = 0;

  const post = async (operation: Operation): Promise<Answer> => {
    const token =
      operation.caller === 'stranger'
        ? undefined
        : operation.caller === 'forger'
          ? 'eyJhbGciOiJub25lIn0.e30.'
          : users[operation.caller]!.token;
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: operation.document, variables: operation.variables }),
    });
    const text = await response.text();
    let errors: Answer['errors'];
    try {
      errors = (JSON.parse(text) as { errors?: Answer['errors'] }).errors ?? [];
    } catch {
      errors = [{ extensions: { code: 'NOT_JSON' } }];
    }
    sent += 1;
    return { status: response.status, text, errors };
  };

  beforeAll(async () => {
    harness = await startHarness('hostile_operations', { env: { READ_YOUR_WRITES_TIMEOUT_MS: '2000' } });
    database = new Client({ connectionString: harness.databaseUrl });
    await database.connect();
    users.owner = await harness.user('CASE_MANAGER', 'owner');
    users.otherManager = await harness.user('CASE_MANAGER', 'other-manager');
    users.supervisor = await harness.user('SUPERVISOR', 'supervisor');
    users.auditor = await harness.user('AUDITOR', 'auditor');
    const open = async (manager: TestUser, personal: typeof OWN_PATIENT) =>
      (
        await harness.gql<{ openCase: { case: { id: string } } }>(
          mutationDocument('openCase'),
          { input: openCaseInput(manager.id, { personal }) },
          manager.token,
        )
      ).data!.openCase.case.id;
    for (let round = 0; round < 3; round += 1) {
      ids.ownCaseIds.push(await open(users.owner, OWN_PATIENT), await open(users.owner, OWN_PATIENT));
      ids.otherCaseIds.push(await open(users.otherManager, OTHER_PATIENT));
    }
    ids.caseIds = [...ids.ownCaseIds, ...ids.otherCaseIds];
    // Reassigning to either manager would move a patient between caseloads: a right, not a leak.
    ids.assignable = ['supervisor', 'auditor', 'no-such-user'];
  }, 60_000);
  afterAll(async () => {
    await database?.end();
    await harness?.close();
  });

  it('never answers 500, never shows another caseload, never records a refused command', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          operations(ids, () => `prop-${(commandCounter += 1)}`),
          { minLength: 1, maxLength: 8 },
        ),
        async (batch) => {
          for (const operation of batch) {
            const answer = await post(operation);
            expect({
              status: answer.status < 500,
              internal: answer.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'),
            }).toEqual({
              status: true,
              internal: false,
            });
            const seesOnlyOwn = operation.caller !== 'supervisor' && operation.caller !== 'auditor';
            const forbidden = operation.caller === 'otherManager' ? OWN_PATIENT : OTHER_PATIENT;
            if (seesOnlyOwn) {
              expect(answer.text).not.toContain(forbidden.patientName);
              expect(answer.text).not.toContain(forbidden.medicalRecordNumber);
            }
            const input = operation.variables.input as { commandId?: string } | undefined;
            if (answer.errors.length === 0 && typeof input?.commandId === 'string') {
              recorded += 1;
            }
            if (answer.errors.length > 0 && typeof input?.commandId === 'string') {
              const { rows } = await database.query<{ n: string }>(
                "SELECT count(*) AS n FROM event_store.events WHERE metadata->>'commandId' = $1",
                [input.commandId],
              );
              expect({ commandId: input.commandId, recorded: Number(rows[0]!.n) }).toEqual({
                commandId: input.commandId,
                recorded: 0,
              });
            }
          }
        },
      ),
      { numRuns: 600, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    // Reported, not asserted: how much was sent, how fast.
    process.stdout.write(
      `  ${sent} operations (${recorded} commands recorded) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    expect(sent).toBeGreaterThan(2_000);
    expect(recorded).toBeGreaterThan(100);
  }, 300_000);

  it('leaves read models equal to a rebuild from the events', async () => {
    const { live, rebuilt } = await liveAndRebuilt(harness, database, 'read_models_rebuilt');
    expect(live.details.length).toBeGreaterThanOrEqual(2);
    expect(rebuilt).toEqual(live);
    expect(live.counts).toEqual(live.counted);
  }, 120_000);
});
