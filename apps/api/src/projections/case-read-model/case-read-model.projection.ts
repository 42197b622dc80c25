import { ERASED } from '@sot/domain';
import { sql } from 'kysely';
import { destroyPatientKey } from '../../patient-data';
import type { Transaction } from 'kysely';
import type { CaseDetails } from '../schema/case-details';
import type { ReadModelTables } from '../schema/read-model.tables';
import type { ProjectedEvent, Projection } from '../runner/projection';
import { evolveCaseDetails } from './case-details';
import { summarize, viewFigures } from './case-summary';
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

/** A (manager, status) count as kept: its cases, and how many of them each saved view holds. */
type Counted = { cases: number; withOpenConflicts: number; waitingOnRecords: number; waitingOnOpinions: number };

/**
 * Moves each changed case between the (manager, status) counts it left and the one it joined, with
 * the saved views it was and now is in (an open conflict, outstanding records, pending opinions).
 */
const count = async (trx: Trx, stored: ReadonlyMap<string, Folded>, changed: readonly Changed[]): Promise<void> => {
  const deltas = new Map<string, Counted>();
  const shift = (details: CaseDetails | undefined, by: number) => {
    if (!details) {
      return;
    }
    const key = JSON.stringify([details.caseManagerId ?? '', details.status]);
    const delta = deltas.get(key) ?? { cases: 0, withOpenConflicts: 0, waitingOnRecords: 0, waitingOnOpinions: 0 };
    const figures = viewFigures(details);
    delta.cases += by;
    delta.withOpenConflicts += figures.openConflicts > 0 ? by : 0;
    delta.waitingOnRecords += figures.outstandingRecords > 0 ? by : 0;
    delta.waitingOnOpinions += figures.pendingOpinions > 0 ? by : 0;
    deltas.set(key, delta);
  };
  for (const { caseId, details } of changed) {
    shift(stored.get(caseId)?.details, -1);
    shift(details, +1);
  }
  const rows = [...deltas]
    .filter(([, delta]) => Object.values(delta).some((by) => by !== 0))
    .map(([key, delta]) => {
      const [caseManagerId, status] = JSON.parse(key) as [string, string];
      return {
        case_manager_id: caseManagerId,
        status,
        cases: delta.cases,
        with_open_conflicts: delta.withOpenConflicts,
        waiting_on_records: delta.waitingOnRecords,
        waiting_on_opinions: delta.waitingOnOpinions,
      };
    });
  if (rows.length > 0) {
    const added = (column: 'cases' | 'with_open_conflicts' | 'waiting_on_records' | 'waiting_on_opinions') =>
      sql<number>`${sql.ref(`caseload_counts.${column}`)} + ${sql.ref(`excluded.${column}`)}`;
    await trx
      .insertInto('caseload_counts')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['case_manager_id', 'status']).doUpdateSet({
          cases: added('cases'),
          with_open_conflicts: added('with_open_conflicts'),
          waiting_on_records: added('waiting_on_records'),
          waiting_on_opinions: added('waiting_on_opinions'),
        }),
      )
      .execute();
  }
};

/**
 * The batch's notes, a row each (their case's page does not hold them), in one statement; a retried
 * batch inserts nothing twice. An erasure scrubs every note of its case in the same commit.
 */
const writeNotes = async (trx: Trx, events: readonly ProjectedEvent[]): Promise<void> => {
  const columns = { case_id: [] as string[], revision: [] as number[], note_id: [] as string[] };
  const texts = { text: [] as string[], author: [] as string[], added_at: [] as string[] };
  const erased: string[] = [];
  for (const { caseId, event, recorded } of events) {
    if (event.type === 'NoteAdded') {
      columns.case_id.push(caseId);
      columns.revision.push(recorded.streamRevision);
      columns.note_id.push(event.data.noteId);
      texts.text.push(event.data.personal.text);
      texts.author.push(event.data.author);
      texts.added_at.push(event.data.occurredAt);
    } else if (event.type === 'PatientDataErased') {
      erased.push(caseId);
    }
  }
  if (columns.case_id.length > 0) {
    await trx
      .insertInto('case_notes')
      .columns(['case_id', 'stream_revision', 'note_id', 'text', 'author', 'added_at'])
      .expression(
        sql`SELECT * FROM unnest(${columns.case_id}::uuid[], ${columns.revision}::int[], ${columns.note_id}::text[],
          ${texts.text}::text[], ${texts.author}::text[], ${texts.added_at}::timestamptz[])`,
      )
      .onConflict((conflict) => conflict.columns(['case_id', 'stream_revision']).doNothing())
      .execute();
  }
  if (erased.length > 0) {
    await trx.updateTable('case_notes').set({ text: ERASED }).where('case_id', 'in', erased).execute();
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
 * The case page (case_details), its notes (case_notes) and the caseload row (case_summaries) of
 * every case, folded by this projection's own rules. One read, one write per table and one notification statement per batch.
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
    await writeNotes(trx, events);
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
