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
    const rows = events.map(({ caseId, event, recorded }) => {
      const actor = recorded.metadata.actor as { id?: unknown } | undefined;
      return {
        case_id: caseId,
        stream_revision: recorded.streamRevision,
        event_type: event.type,
        occurred_at: event.data.occurredAt,
        recorded_at: recorded.recordedAt,
        actor_id: typeof actor?.id === 'string' ? actor.id : null,
        summary: describeEvent(event),
        text: eventText(event) ?? null,
      };
    });
    await trx
      .insertInto('timeline')
      .values(rows)
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
