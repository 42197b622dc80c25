import { caseStreamId, fold, parseEvent } from '@sot/domain';
import type { CaseEvent, CaseState } from '@sot/domain';
import type { EventStore, RecordedEvent } from '@sot/event-store';

export type LoadedCase = {
  readonly state: CaseState;
  /** Number of events in the stream. */
  readonly version: number;
  /** commandKey(actor, commandId) -> command type, for every command recorded in the stream. */
  readonly commands: ReadonlyMap<string, string>;
};

export const toCaseEvent = (recorded: RecordedEvent): CaseEvent =>
  parseEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);

/** A commandId is the client's idempotency key: unique per actor, so two people's ids never collide. */
export const commandKey = (actorId: string, commandId: string): string => `${actorId}\u0000${commandId}`;

/** Replays a case's stream, optionally only the events recorded up to `until`. */
export const loadCase = async (store: EventStore, caseId: string, until?: Date): Promise<LoadedCase> => {
  const events: CaseEvent[] = [];
  const commands = new Map<string, string>();
  let version = 0;
  for await (const recorded of store.readStream(caseStreamId(caseId))) {
    if (until !== undefined && recorded.recordedAt > until) {
      break;
    }
    events.push(toCaseEvent(recorded));
    const actor = recorded.metadata.actor as { id?: unknown } | undefined;
    if (typeof recorded.metadata.commandId === 'string' && typeof actor?.id === 'string') {
      commands.set(commandKey(actor.id, recorded.metadata.commandId), String(recorded.metadata.commandType));
    }
    version = recorded.streamRevision + 1;
  }
  return { state: fold(events), version, commands };
};
