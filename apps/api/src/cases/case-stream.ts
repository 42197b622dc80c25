import { caseStreamId, fold, parseEvent } from '@sot/domain';
import type { CaseEvent, CaseState } from '@sot/domain';
import type { EventStore, RecordedEvent } from '@sot/event-store';

export type LoadedCase = {
  readonly state: CaseState;
  /** Number of events in the stream. */
  readonly version: number;
  /** commandId -> command type of every command recorded in the stream. */
  readonly commands: ReadonlyMap<string, string>;
};

export const toCaseEvent = (recorded: RecordedEvent): CaseEvent =>
  parseEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);

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
    if (typeof recorded.metadata.commandId === 'string') {
      commands.set(recorded.metadata.commandId, String(recorded.metadata.commandType));
    }
    version = recorded.streamRevision + 1;
  }
  return { state: fold(events), version, commands };
};
