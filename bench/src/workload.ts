import type { NewEvent } from '@sot/event-store';
import { randomUUID } from 'node:crypto';

/** A note as the api records it: the same shape of data and metadata, about the same size. */
export const noteEvent = (index: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'NoteAdded',
  data: {
    occurredAt: new Date().toISOString(),
    noteId: `n${index}`,
    author: 'manager-bench',
    personal: { text: 'Called the patient about the second opinion appointment; records are on their way.' },
  },
  metadata: {
    schemaVersion: 1,
    commandId: randomUUID(),
    commandType: 'AddNote',
    commandHash: 'bench',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'manager-bench', role: 'CASE_MANAGER' },
  },
});

export const WRITERS = 8;
