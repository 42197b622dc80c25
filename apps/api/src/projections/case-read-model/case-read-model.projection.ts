import { sql } from 'kysely';
import { destroyPatientKey } from '../../patient-data';
import type { Transaction } from 'kysely';
import type { CaseDetails } from '../schema/case-details';
import type { ReadModelTables } from '../schema/read-model.tables';
import type { ProjectedEvent, Projection } from '../runner/projection';
import { evolveCaseDetails } from './case-details';
import { summarize } from './case-summary';
import type { CaseSummaryWrite } from './case-summary';
import { CASE_UPDATES_CHANNEL } from './case-update-message';
import type { CaseUpdateMessage } from './case-update-message';

type Folded = { details: CaseDetails | undefined; version: number };
type Trx = Transaction<ReadModelTables>;

const storedDetails = async (trx: Trx, caseIds: readonly string[]): Promise<Map<string, Folded>> => {
  const rows = await trx
    .selectFrom('case_details')
    .select(['case_id', 'details', 'version'])
    .where('case_id', 'in', [...caseIds])
    .execute();
  return new Map(rows.map((row) => [row.case_id, { details: row.details, version: row.version }]));
};

/** Replayed events (a retried batch) are at or below the stored version: they are skipped. */
const fold = (stored: ReadonlyMap<string, Folded>, events: readonly ProjectedEvent[]): Map<string, Folded> => {
  const folded = new Map(stored);
  for (const { caseId, event, version } of events) {
    const current = folded.get(caseId) ?? { details: undefined, version: 0 };
    if (version > current.version) {
      folded.set(caseId, { details: evolveCaseDetails(current.details, event), version });
    }
  }
  return folded;
};

type Changed = { readonly caseId: string; readonly details: CaseDetails; readonly version: number };

/**
 * Every changed case of the batch in one statement per table: the rows travel as one JSON
 * parameter, read back by the table's own row type, so a statement's size and planning do not
 * grow with the batch.
 */
const write = async (trx: Trx, changed: readonly Changed[]): Promise<void> => {
  const details = changed.map(({ caseId, details: page, version }) => ({ case_id: caseId, version, details: page }));
  await trx
    .insertInto('case_details')
    .expression(
      sql`SELECT * FROM jsonb_populate_recordset(NULL::${sql.table('case_details')}, ${JSON.stringify(details)}::jsonb)`,
    )
    .onConflict((conflict) =>
      conflict
        .column('case_id')
        .doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), details: eb.ref('excluded.details') })),
    )
    .execute();
  const summaries = changed.map(({ caseId, details: page, version }) => summarize(caseId, page, version));
  const columns = Object.keys(summaries[0]!).filter((column) => column !== 'case_id') as (keyof CaseSummaryWrite)[];
  await trx
    .insertInto('case_summaries')
    .expression(
      sql`SELECT * FROM jsonb_populate_recordset(NULL::${sql.table('case_summaries')}, ${JSON.stringify(summaries)}::jsonb)`,
    )
    .onConflict((conflict) =>
      conflict
        .column('case_id')
        .doUpdateSet((eb) => Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)]))),
    )
    .execute();
};

/** Moves each changed case between the (manager, status) counts it left and the one it joined. */
const count = async (trx: Trx, stored: ReadonlyMap<string, Folded>, changed: readonly Changed[]): Promise<void> => {
  const deltas = new Map<string, number>();
  const shift = (details: CaseDetails | undefined, by: number) => {
    if (details) {
      const key = JSON.stringify([details.caseManagerId ?? '', details.status]);
      deltas.set(key, (deltas.get(key) ?? 0) + by);
    }
  };
  for (const { caseId, details } of changed) {
    shift(stored.get(caseId)?.details, -1);
    shift(details, +1);
  }
  const rows = [...deltas]
    .filter(([, by]) => by !== 0)
    .map(([key, by]) => {
      const [caseManagerId, status] = JSON.parse(key) as [string, string];
      return { case_manager_id: caseManagerId, status, cases: by };
    });
  if (rows.length > 0) {
    await trx
      .insertInto('caseload_counts')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['case_manager_id', 'status']).doUpdateSet((eb) => ({
          cases: sql<number>`${eb.ref('caseload_counts.cases')} + ${eb.ref('excluded.cases')}`,
        })),
      )
      .execute();
  }
};

const typesFor = (events: readonly ProjectedEvent[], caseId: string): string[] => [
  ...new Set(events.filter((event) => event.caseId === caseId).map((event) => event.event.type)),
];

/** Delivered on commit to every api instance listening: live updates fan out through PostgreSQL. One statement for the batch. */
const notify = async (trx: Trx, updates: readonly CaseUpdateMessage[]): Promise<void> => {
  await sql`SELECT pg_notify(${CASE_UPDATES_CHANNEL}, message) FROM unnest(${updates.map((update) => JSON.stringify(update))}::text[]) AS message`.execute(
    trx,
  );
};

/**
 * The case page (case_details) and the caseload row (case_summaries) of every case, folded by
 * this projection's own rules. One read, one write per table and one notification statement per batch.
 */
export const caseReadModelProjection: Projection = {
  name: 'case-read-model',
  apply: async (trx, events, { announce }) => {
    const caseIds = [...new Set(events.map((event) => event.caseId))];
    if (caseIds.length === 0) {
      return;
    }
    for (const { caseId, event } of events) {
      if (event.type === 'PatientDataErased') {
        // In the commit that scrubs the case: the key never outlives the read model's plaintext.
        await destroyPatientKey(trx, caseId, event.data.occurredAt);
      }
    }
    const stored = await storedDetails(trx, caseIds);
    const managersBefore = new Map([...stored].map(([caseId, { details }]) => [caseId, details?.caseManagerId]));
    const changed = [...fold(stored, events)].flatMap(([caseId, { details, version }]) =>
      details === undefined ? [] : [{ caseId, details, version }],
    );
    if (changed.length === 0) {
      return;
    }
    await write(trx, changed);
    await count(trx, stored, changed);
    if (!announce) {
      return;
    }
    await notify(
      trx,
      changed.map(({ caseId, details, version }) => {
        const caseManagerId = details.caseManagerId ?? null;
        const before = managersBefore.get(caseId) ?? null;
        return {
          caseId,
          version,
          caseManagerId,
          previousCaseManagerId: before !== caseManagerId ? before : null,
          eventTypes: typesFor(events, caseId),
        };
      }),
    );
  },
};
