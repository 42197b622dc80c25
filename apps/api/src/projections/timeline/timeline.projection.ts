import { sql } from 'kysely';
import { ERASED, patientDataFields } from '@sot/domain';
import type { Projection } from '../runner/projection';
import { describeEvent } from './describe-event';
import { eventText } from './event-text';

/** The audit trail: every event of every case, who recorded it, when, in one line. */
export const timelineProjection: Projection = {
  name: 'timeline',
  apply: async (trx, events) => {
    if (events.length === 0) {
      return;
    }
    // Column arrays through unnest: one statement of eight parameters, however long the batch.
    const columns = {
      case_id: [] as string[],
      stream_revision: [] as number[],
      event_type: [] as string[],
      occurred_at: [] as string[],
      recorded_at: [] as Date[],
      actor_id: [] as (string | null)[],
      summary: [] as string[],
      text: [] as (string | null)[],
    };
    for (const { caseId, event, recorded } of events) {
      const actor = recorded.metadata.actor as { id?: unknown } | undefined;
      columns.case_id.push(caseId);
      columns.stream_revision.push(recorded.streamRevision);
      columns.event_type.push(event.type);
      columns.occurred_at.push(event.data.occurredAt);
      columns.recorded_at.push(recorded.recordedAt);
      columns.actor_id.push(typeof actor?.id === 'string' ? actor.id : null);
      columns.summary.push(describeEvent(event));
      columns.text.push(eventText(event) ?? null);
    }
    await trx
      .insertInto('timeline')
      .columns([
        'case_id',
        'stream_revision',
        'event_type',
        'occurred_at',
        'recorded_at',
        'actor_id',
        'summary',
        'text',
      ])
      .expression(
        sql`SELECT * FROM unnest(${columns.case_id}::uuid[], ${columns.stream_revision}::int[], ${columns.event_type}::text[],
          ${columns.occurred_at}::timestamptz[], ${columns.recorded_at}::timestamptz[], ${columns.actor_id}::text[],
          ${columns.summary}::text[], ${columns.text}::text[])`,
      )
      .onConflict((conflict) => conflict.columns(['case_id', 'stream_revision']).doNothing())
      .execute();
    for (const { caseId, event, recorded } of events) {
      if (event.type === 'PatientDataErased') {
        // Every text of the case came from its patient data fields: each now reads as erased.
        await trx
          .updateTable('timeline')
          .set({ text: ERASED })
          .where('case_id', '=', caseId)
          .where('stream_revision', '<', recorded.streamRevision)
          .where('event_type', 'in', Object.keys(patientDataFields))
          .where('text', 'is not', null)
          .execute();
      }
    }
  },
};
