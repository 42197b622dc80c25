import { evolve } from '@sot/domain';
import type { CaseState } from '@sot/domain';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { ReadModelTables } from '../database/tables';
import { summarize } from './case-summary';
import type { ProjectedEvent, Projection } from './projection';

/**
 * Folds each case with the domain's own `evolve`, so the read side can never disagree with the
 * rules. Stores the folded state (case detail, records checklist, opinions side by side) and the
 * caseload summary row. One read and one write per case per batch.
 */
export const caseReadModelProjection: Projection = {
  name: 'case-read-model',
  apply: async (trx: Transaction<ReadModelTables>, events: readonly ProjectedEvent[]) => {
    const caseIds = [...new Set(events.map((event) => event.caseId))];
    if (caseIds.length === 0) {
      return;
    }
    const stored = await trx
      .selectFrom('case_states')
      .select(['case_id', 'state', 'version'])
      .where('case_id', 'in', caseIds)
      .execute();
    const states = new Map<string, { state: CaseState; version: number }>(
      stored.map((row) => [row.case_id, { state: row.state as CaseState, version: row.version }]),
    );
    for (const { caseId, event, version } of events) {
      const current = states.get(caseId) ?? { state: { status: 'none' }, version: 0 };
      // Replayed events (a retried batch) are at or below the stored version: skip them.
      if (version > current.version) {
        states.set(caseId, { state: evolve(current.state, event), version });
      }
    }
    for (const [caseId, { state, version }] of states) {
      if (state.status === 'none') {
        continue;
      }
      await trx
        .insertInto('case_states')
        .values({ case_id: caseId, version, state: JSON.stringify(state) })
        .onConflict((conflict) => conflict.column('case_id').doUpdateSet({ version, state: JSON.stringify(state) }))
        .execute();
      const summary = summarize(caseId, state, version);
      const { case_id: _id, ...changes } = summary;
      await trx
        .insertInto('case_summaries')
        .values(summary)
        .onConflict((conflict) => conflict.column('case_id').doUpdateSet(changes))
        .execute();
      // Delivered on commit to every api instance listening: live updates fan out through PostgreSQL.
      const update = {
        caseId,
        version,
        caseManagerId: state.caseManagerId ?? null,
        eventTypes: typesFor(events, caseId),
      };
      await sql`SELECT pg_notify(${CASE_UPDATES_CHANNEL}, ${JSON.stringify(update)})`.execute(trx);
    }
  },
};

export const CASE_UPDATES_CHANNEL = 'sot_case_updates';

const typesFor = (events: readonly ProjectedEvent[], caseId: string): string[] => [
  ...new Set(events.filter((event) => event.caseId === caseId).map((event) => event.event.type)),
];
