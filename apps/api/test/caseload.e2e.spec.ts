import { quoteIdentifier } from '@sot/postgres';
import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import { CaseloadRepository } from '../src/cases/caseload/caseload.repository';
import { SEARCH_COUNT_LIMIT } from '../src/cases/caseload/search-count';
import { PG_POOL } from '../src/platform';
import type { ReadModelTables } from '../src/projections';
import { ensureReadModelSchema } from '../src/projections/schema/read-model-schema';
import { event } from '@sot/domain';
import { eventually, startHarness, subscribe } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { mutationDocument } from './factories/documents';
import { openCaseInput } from './factories/inputs';
import {
  closed,
  conflictRaised,
  daysFromNow,
  deadlineSet,
  decided,
  opened,
  opinionRequested,
  recordsRefused,
  seedCase,
} from './factories/seed';

type Row = { id: string; patientName: string; daysLeft: number | null; deadlineState: string | null };
type Page = { cases: { totalCount: number; totalCountIsExact: boolean; edges: { node: Row }[] } };
const CASELOAD = `query($filter: CaseFilter, $first: Int = 50) {
  cases(first: $first, orderBy: URGENCY, filter: $filter) {
    totalCount totalCountIsExact edges { node { id patientName daysLeft deadlineState } }
  }
}`;

describe('the caseload', () => {
  let harness: Harness;
  let manager: TestUser;
  let supervisor: TestUser;
  const names = async (user: TestUser, filter: Record<string, unknown> = {}) => {
    const response = await harness.gql<Page>(CASELOAD, { filter }, user.token);
    expect(response.errors).toBeUndefined();
    return response.data!.cases.edges.map((edge) => edge.node.patientName);
  };

  beforeAll(async () => {
    harness = await startHarness('caseload');
    manager = await harness.user('CASE_MANAGER', 'manager-urgency');
    supervisor = await harness.user('SUPERVISOR');
  });
  afterAll(() => harness?.close());

  it('puts the most urgent first: overdue, due soonest, conflicts and refusals, the rest, then decided and closed', async () => {
    const seed = (name: string, ...more: Parameters<typeof seedCase>[2]) =>
      seedCase(harness, supervisor.id, [...opened(manager.id, name), ...more]);
    // Seeded in an order that matches none of the expected ones.
    await seed('Nothing pending');
    await seed('Closed', closed());
    await seed('Refused records', opinionRequested(), ...recordsRefused());
    await seed('Due in ten days', deadlineSet(daysFromNow(10)));
    await seed('Decided', deadlineSet(daysFromNow(-5)), decided(manager.id));
    await seed('Overdue one day', deadlineSet(daysFromNow(-1)));
    await seed('Open conflict', opinionRequested(), conflictRaised());
    await seed('Due in two days', deadlineSet(daysFromNow(2)));
    await seed('Overdue three days', deadlineSet(daysFromNow(-3)));
    await eventually(async () => (await names(manager)).length === 9);

    expect(await names(manager)).toEqual([
      'Overdue three days',
      'Overdue one day',
      'Due in two days',
      'Due in ten days',
      'Open conflict',
      'Refused records',
      'Nothing pending',
      'Decided',
      'Closed',
    ]);
    const rows = (await harness.gql<Page>(CASELOAD, {}, manager.token)).data!.cases.edges.map((edge) => edge.node);
    expect(rows.slice(0, 4).map((row) => [row.daysLeft, row.deadlineState])).toEqual([
      [-3, 'OVERDUE'],
      [-1, 'OVERDUE'],
      [2, 'UPCOMING'],
      [10, 'UPCOMING'],
    ]);
    expect(rows.slice(4).every((row) => row.daysLeft === null && row.deadlineState === null)).toBe(true);
  });

  it('gives the exact total of a filtered or searched caseload, whether its first page holds every match or not', async () => {
    const own = await harness.user('CASE_MANAGER', 'manager-totals');
    for (const name of ['Ada Totalson', 'Ben Totalson', 'Cy Totalson']) {
      await seedCase(harness, supervisor.id, [...opened(own.id, name), opinionRequested()]);
    }
    await eventually(async () => (await names(own)).length === 3);
    const total = async (filter: Record<string, unknown>, first: number) => {
      const response = await harness.gql<Page>(CASELOAD, { filter, first }, own.token);
      expect(response.errors).toBeUndefined();
      expect(response.data!.cases.totalCountIsExact).toBe(true);
      return [response.data!.cases.edges.length, response.data!.cases.totalCount];
    };
    for (const filter of [{ search: 'totalson' }, { waitingOnOpinions: true }]) {
      expect(await total(filter, 50)).toEqual([3, 3]);
      expect(await total(filter, 3)).toEqual([3, 3]);
      expect(await total(filter, 2)).toEqual([2, 3]);
      expect(await total(filter, 1)).toEqual([1, 3]);
    }
    expect(await total({ search: 'no such patient' }, 50)).toEqual([0, 0]);
    // The caseload as it opens: its total comes with the page, also on a page past the last case.
    expect(await total({}, 2)).toEqual([2, 3]);
    expect(await total({ status: ['OPEN'] }, 50)).toEqual([3, 3]);
    expect(await total({ status: ['CLOSED'] }, 50)).toEqual([0, 0]);
    const PAGED = `query($after: String) { cases(first: 3, after: $after, orderBy: URGENCY) {
      totalCount edges { node { id } } pageInfo { endCursor } } }`;
    type Paged = { cases: { totalCount: number; edges: unknown[]; pageInfo: { endCursor: string } } };
    const all = await harness.gql<Paged>(PAGED, {}, own.token);
    const past = await harness.gql<Paged>(PAGED, { after: all.data!.cases.pageInfo.endCursor }, own.token);
    expect(past.errors).toBeUndefined();
    expect([past.data!.cases.edges.length, past.data!.cases.totalCount]).toEqual([0, 3]);
  });

  it("filters the dashboard's saved views, and counts each in one answer that matches its list", async () => {
    const own = await harness.user('CASE_MANAGER', 'manager-views');
    const seed = (name: string, ...more: Parameters<typeof seedCase>[2]) =>
      seedCase(harness, supervisor.id, [...opened(own.id, name), ...more]);
    const [requested] = recordsRefused();
    await seed('Waiting on both', opinionRequested(), requested!);
    await seed('Waiting on an opinion', opinionRequested());
    await seed('Overdue', deadlineSet(daysFromNow(-2)));
    await seed('Due in three days', deadlineSet(daysFromNow(3)), opinionRequested(), conflictRaised());
    await seed('Decided, opinion never came', opinionRequested(), decided(own.id));
    await eventually(async () => (await names(own)).length === 5);

    const views = {
      overdue: { overdue: true },
      dueWithinWeek: { dueWithinDays: 7 },
      openConflicts: { hasOpenConflict: true },
      waitingOnRecords: { waitingOnRecords: true },
      waitingOnOpinions: { waitingOnOpinions: true },
    };
    expect((await names(own, views.waitingOnRecords)).sort()).toEqual(['Waiting on both']);
    expect((await names(own, views.waitingOnOpinions)).sort()).toEqual([
      'Due in three days',
      'Waiting on an opinion',
      'Waiting on both',
    ]);
    expect((await names(own, { waitingOnOpinions: false })).sort()).toEqual(['Decided, opinion never came', 'Overdue']);

    const counted = await harness.gql<{ caseloadCounts: Record<string, number> }>(
      'query { caseloadCounts { all overdue dueWithinWeek openConflicts waitingOnRecords waitingOnOpinions } }',
      {},
      own.token,
    );
    expect(counted.errors).toBeUndefined();
    const expected: Record<string, number> = { all: 5 };
    for (const [view, filter] of Object.entries(views)) {
      expected[view] = (await names(own, filter)).length;
    }
    expect(counted.data!.caseloadCounts).toEqual(expected);
    expect(expected).toMatchObject({ overdue: 1, dueWithinWeek: 1, openConflicts: 1 });

    const forOwnBySupervisor = await harness.gql<{ caseloadCounts: { all: number } }>(
      'query($id: String) { caseloadCounts(caseManagerId: $id) { all } }',
      { id: own.id },
      supervisor.token,
    );
    expect(forOwnBySupervisor.data!.caseloadCounts.all).toBe(5);
    const someoneElses = await harness.gql(
      'query($id: String) { caseloadCounts(caseManagerId: $id) { all } }',
      { id: manager.id },
      own.token,
    );
    expect(someoneElses.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An empty manager id names nobody (the kept counts file the unassigned cases under it).
    for (const [document, variables] of [
      ['query($id: String) { caseloadCounts(caseManagerId: $id) { all } }', { id: ' ' }],
      ['query($id: String) { cases(first: 5, filter: { caseManagerId: $id }) { totalCount } }', { id: '' }],
    ] as const) {
      const nobody = await harness.gql(document, variables, supervisor.token);
      expect(nobody.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(nobody.errors?.[0]?.message).toMatch(/must name a case manager/);
    }
  });

  it('finds patients by name, record number or condition, whatever the accents and the case', async () => {
    await seedCase(harness, supervisor.id, opened(manager.id, 'Jana Nováková', { medicalRecordNumber: 'MRN-884422' }));
    await eventually(async () => (await names(manager, { search: 'Jana' })).length === 1);
    for (const term of ['novakova', 'NOVÁK', 'jana nov', 'mrn-884422']) {
      expect(await names(manager, { search: term })).toEqual(['Jana Nováková']);
    }
    // Every seeded case is a glioblastoma.
    expect(await names(manager, { search: 'glioBLASTOMA' })).toEqual(await names(manager));
    // LIKE's wildcards are taken literally: '100%' finds no '100' followed by anything.
    await seedCase(harness, supervisor.id, opened(manager.id, 'Room 100 Patient', { medicalRecordNumber: 'MRN-7' }));
    await eventually(async () => (await names(manager, { search: 'room 100' })).length === 1);
    expect(await names(manager, { search: '100%' })).toEqual([]);
    expect(await names(manager, { search: 'room_100' })).toEqual([]);
  });

  it('tells the manager a case leaves that it has left their caseload', async () => {
    const other = await harness.user('CASE_MANAGER', 'manager-next');
    const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id, { commandId: 'handover-1' }) },
      manager.token,
    );
    const caseId = opened.data!.openCase.case.id;
    const updates = subscribe<{
      caseloadChanged: { caseId: string; caseManagerId: string; previousCaseManagerId: string };
    }>(harness.ws(manager.token), 'subscription { caseloadChanged { caseId caseManagerId previousCaseManagerId } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reassigned = await harness.gql(
      mutationDocument('assignCaseManager'),
      { input: { caseId, caseManagerId: other.id, reason: 'Leave' } },
      supervisor.token,
    );
    expect(reassigned.errors).toBeUndefined();
    await eventually(() => updates.received.length > 0);
    expect(updates.received[0]!.data!.caseloadChanged).toEqual({
      caseId,
      caseManagerId: other.id,
      previousCaseManagerId: manager.id,
    });
    updates.stop();
  });

  it('opens or assigns a case only for an active case manager or supervisor, and lists them', async () => {
    const auditor = await harness.user('AUDITOR');
    const refused = [
      ['openCase', { ...openCaseInput('nobody-by-that-id'), commandId: 'ghost-1' }, 'UNKNOWN_USER'],
      ['openCase', { ...openCaseInput(auditor.id), commandId: 'ghost-2' }, 'NOT_ASSIGNABLE'],
    ] as const;
    for (const [mutation, input, reason] of refused) {
      const response = await harness.gql(mutationDocument(mutation), { input }, supervisor.token);
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.caseManagerId',
        reason,
      });
    }
    const ok = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input: { ...openCaseInput(manager.id), commandId: 'real-1' } },
      supervisor.token,
    );
    const assign = await harness.gql(
      mutationDocument('assignCaseManager'),
      { input: { caseId: ok.data!.openCase.case.id, caseManagerId: auditor.id } },
      supervisor.token,
    );
    expect(assign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ASSIGNABLE' });

    const listed = await harness.gql<{ users: { id: string; role: string }[] }>(
      '{ users { id displayName role } }',
      {},
      manager.token,
    );
    const ids = listed.data!.users.map((user) => user.id);
    expect(ids).toEqual(expect.arrayContaining([manager.id, supervisor.id, 'admin']));
    expect(ids).not.toContain(auditor.id);
    const managersOnly = await harness.gql<{ users: { role: string }[] }>(
      '{ users(role: CASE_MANAGER) { id role } }',
      {},
      supervisor.token,
    );
    expect(new Set(managersOnly.data!.users.map((user) => user.role))).toEqual(new Set(['CASE_MANAGER']));
  });

  it('warns of records that fell overdue since the last event, on the caseload row as on the case', async () => {
    const requested = event('RecordsRequested', {
      occurredAt: daysFromNow(-18),
      requestId: 'r1',
      items: [
        {
          itemId: 'slides',
          kind: 'pathology_slides',
          description: 'Biopsy slides',
          holder: 'Riverside Pathology',
          transferMethod: 'direct_lab_to_institution',
          dueBy: daysFromNow(-1),
        },
      ],
    });
    const caseId = await seedCase(harness, supervisor.id, [
      ...opened(manager.id, 'Slides late'),
      opinionRequested(),
      requested,
    ]);
    type Row = { id: string; overdueRecords: number; warnings: { code: string; itemIds: string[] | null }[] };
    const row = async () =>
      (
        await harness.gql<{ cases: { edges: { node: Row }[] } }>(
          '{ cases(first: 100) { edges { node { id overdueRecords warnings { code itemIds } } } } }',
          {},
          manager.token,
        )
      ).data!.cases.edges.find((edge) => edge.node.id === caseId)?.node;
    await eventually(async () => (await row()) !== undefined);
    expect(await row()).toMatchObject({
      overdueRecords: 1,
      warnings: expect.arrayContaining([{ code: 'RECORDS_OVERDUE', itemIds: ['slides'] }]) as unknown,
    });

    // A page reads the columns of the fields asked for, wherever they are asked: in a fragment,
    // under an alias, kept by @include.
    const shaped = await harness.gql<{ cases: { edges: { node: Row & { late: Row['warnings'] } }[] } }>(
      `query($withWarnings: Boolean!) {
        cases(first: 100) { edges { node { ...Late late: warnings @include(if: $withWarnings) { code itemIds } } } }
      }
      fragment Late on CaseSummary { id overdueRecords }`,
      { withWarnings: true },
      manager.token,
    );
    expect(shaped.errors).toBeUndefined();
    const node = shaped.data!.cases.edges.find((edge) => edge.node.id === caseId)?.node;
    expect(node).toMatchObject({
      overdueRecords: 1,
      late: expect.arrayContaining([{ code: 'RECORDS_OVERDUE', itemIds: ['slides'] }]) as unknown,
    });
  });

  it('searches through an index at 100,000 cases, never scanning the table', async () => {
    const pool = harness.app.get<Pool>(PG_POOL);
    const schema = 'search_at_scale';
    const s = quoteIdentifier(schema);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    await ensureReadModelSchema(db, schema);
    await pool.query(`
      INSERT INTO ${s}.case_summaries (case_id, status, case_manager_id, patient_name, condition_name, severity,
        is_cancer, deadline, opened_at, last_activity_at, outstanding_records, refused_records, outstanding_record_due,
        pending_opinions, received_opinions, diagnosis_changes, treatment_changes, open_conflicts, conflicts_raised,
        warnings, search_text, urgency_key, version)
      SELECT md5(i::text)::uuid, CASE i % 10 WHEN 0 THEN 'decided' WHEN 1 THEN 'closed' ELSE 'open' END,
             'm' || (i % 50), 'Patient ' || i, 'Condition ' || (i % 300), 'serious', false,
             now() + (i % 90 - 30) * interval '1 day', now(), now(), (i % 5 = 0)::int * 2, 0, '[]',
             (i % 3 = 0)::int, 0, 0, 0, (i % 7 = 0)::int, 0, '[]',
             'patient ' || i || ' mrn-' || i || ' condition ' || (i % 300),
             '1|' || lpad(i::text, 24, '0') || '|' || md5(i::text)::uuid, 1
      FROM generate_series(1, 100000) AS i`);
    await pool.query(`
      INSERT INTO ${s}.caseload_counts (case_manager_id, status, cases, with_open_conflicts, waiting_on_records,
        waiting_on_opinions)
      SELECT case_manager_id, status, count(*), count(*) FILTER (WHERE open_conflicts > 0),
             count(*) FILTER (WHERE outstanding_records > 0), count(*) FILTER (WHERE pending_opinions > 0)
        FROM ${s}.case_summaries GROUP BY 1, 2`);
    await pool.query(`ANALYZE ${s}.case_summaries`);
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const planOf = async (statement: { sql: string; parameters: readonly unknown[] }): Promise<string> => {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, [
        ...statement.parameters,
      ]);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    };
    const logged = new Kysely<ReadModelTables>({
      dialect: new PostgresDialect({ pool }),
      log: (entry) => {
        statements.push({ sql: entry.query.sql, parameters: entry.query.parameters });
      },
    }).withSchema(schema);
    const found = await new CaseloadRepository(logged).find({
      first: 50,
      offset: 0,
      orderBy: 'urgency',
      now: new Date(),
      search: 'MRN-4242',
    });
    expect(found.rows.map((row) => row.patient_name).sort()).toEqual([
      'Patient 4242',
      'Patient 42420',
      'Patient 42421',
      'Patient 42422',
      'Patient 42423',
      'Patient 42424',
      'Patient 42425',
      'Patient 42426',
      'Patient 42427',
      'Patient 42428',
      'Patient 42429',
    ]);
    expect(found.total).toEqual({ count: 11, exact: true });
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const plan = await planOf(statement);
      expect(plan).toContain('case_summaries_search_idx');
      expect(plan).not.toMatch(/Seq Scan on case_summaries/);
    }

    statements.length = 0;
    // A search too broad to be of use is counted no further than SEARCH_COUNT_LIMIT matches.
    const broad = await new CaseloadRepository(logged).find({
      first: 50,
      offset: 0,
      orderBy: 'urgency',
      now: new Date(),
      search: 'patient 4',
    });
    expect(broad.rows).toHaveLength(50);
    expect(broad.total).toEqual({ count: SEARCH_COUNT_LIMIT, exact: false });
    // The saved views' counts stop there too; a narrow search's are exact.
    const repository = new CaseloadRepository(logged);
    expect(await repository.counts({ now: new Date(), search: 'patient 4' })).toMatchObject({
      all: SEARCH_COUNT_LIMIT,
      exact: false,
    });
    expect(await repository.counts({ now: new Date(), search: 'MRN-4242' })).toMatchObject({ all: 11, exact: true });
    // Its page walks the urgency index, matching the search text the index holds: no table row
    // is read for a case that does not match.
    expect(await planOf(statements[0]!)).toMatch(/Index Only Scan using case_summaries_urgency_search_idx/);
    const counted = statements.filter((statement) => /as "matches"/.test(statement.sql));
    expect(counted).toHaveLength(1);
    expect(counted[0]!.sql).toMatch(/limit \$\d+\) as "matches"/i);
    // The count stops at the limit, whichever way PostgreSQL finds the matches.
    expect(await planOf(counted[0]!)).toMatch(/Aggregate[\s\S]*->\s+Limit/);

    // A supervisor's caseload, page after page in URGENCY order: an index walk from the last key,
    // never a sort of the whole table, and no row twice or missed between pages.
    statements.length = 0;
    const first = await new CaseloadRepository(logged).find({
      first: 50,
      offset: 0,
      orderBy: 'urgency',
      now: new Date(),
    });
    const second = await new CaseloadRepository(logged).find({
      first: 50,
      offset: 0,
      orderBy: 'urgency',
      now: new Date(),
      afterKey: first.rows.at(-1)!.urgency_key,
    });
    expect(first.rows.map((row) => row.patient_name)).toEqual(Array.from({ length: 50 }, (_, i) => `Patient ${i + 1}`));
    expect(first.total).toEqual({ count: 100_000, exact: true });
    expect(second.rows[0]?.patient_name).toBe('Patient 51');
    const pages = statements.filter((statement) => /order by/i.test(statement.sql));
    expect(pages).toHaveLength(2);
    for (const statement of pages) {
      const plan = await planOf(statement);
      expect(plan).toContain('case_summaries_urgency_search_idx');
      expect(plan).not.toMatch(/Sort|Seq Scan on case_summaries/);
    }

    // The saved views' counts of the caseload as it opens (the dashboard asks again on every live
    // update): the kept counts and the open cases' deadlines within a week, never a scan of the
    // caseload, for a supervisor as for one manager; and the same counts as a scan finds.
    await pool.query(`VACUUM ANALYZE ${s}.case_summaries`);
    const now = new Date();
    for (const caseManagerId of [undefined, 'm7']) {
      statements.length = 0;
      const counts = await new CaseloadRepository(logged).counts({ now, ...(caseManagerId ? { caseManagerId } : {}) });
      // What the scan the counts replace gives (the saved views' own conditions).
      const { rows } = await pool.query<Record<string, string>>(
        `SELECT count(*) AS all,
                count(*) FILTER (WHERE status = 'open' AND deadline < $1) AS overdue,
                count(*) FILTER (WHERE status = 'open' AND deadline >= $1 AND deadline <= $1 + interval '7 days') AS due,
                count(*) FILTER (WHERE open_conflicts > 0) AS conflicts,
                count(*) FILTER (WHERE status = 'open' AND outstanding_records > 0) AS records,
                count(*) FILTER (WHERE status = 'open' AND pending_opinions > 0) AS opinions
           FROM ${s}.case_summaries WHERE $2::text IS NULL OR case_manager_id = $2`,
        [now, caseManagerId ?? null],
      );
      expect(counts).toEqual({
        all: Number(rows[0]!.all),
        overdue: Number(rows[0]!.overdue),
        dueWithinWeek: Number(rows[0]!.due),
        openConflicts: Number(rows[0]!.conflicts),
        waitingOnRecords: Number(rows[0]!.records),
        waitingOnOpinions: Number(rows[0]!.opinions),
        exact: true,
      });
      // Closed and decided cases hold records and opinions too: only the open ones are waiting.
      expect(counts.waitingOnRecords).toBeLessThan(Math.round(counts.all / 5));
      expect(counts.waitingOnOpinions).toBeGreaterThan(0);
      expect(counts.overdue).toBeGreaterThan(0);
      expect(counts.dueWithinWeek).toBeGreaterThan(0);
      expect(statements).toHaveLength(1);
      const plan = await planOf(statements[0]!);
      expect(plan).not.toMatch(/Seq Scan on case_summaries/);
      expect(plan).toContain('Index Only Scan using case_summaries_open_deadline_idx');
    }
    await pool.query(`DROP SCHEMA ${s} CASCADE`);
  }, 120_000);
});
