import { caseStreamId, fold, parseEvent } from '@sot/domain';
import type { CaseEvent, CaseState } from '@sot/domain';
import type { EventStore, Position, RecordedEvent } from '@sot/event-store';
import { withoutPatientData } from '../patient-data';
import type { PatientDataVault } from '../patient-data';
import { linkOf } from './tamper-evidence';

/** Where a case's events are read from: the store, and the vault that opens their patient data. */
export type CaseEventSource = { readonly store: EventStore; readonly vault: PatientDataVault };

export type LoadedCase = {
  readonly state: CaseState;
  /** Number of events in the stream. */
  readonly version: number;
  /** commandKey(actor, commandId) -> the command recorded under it, for every command in the stream. */
  readonly commands: ReadonlyMap<string, RecordedCommand>;
  /** Where the stream's last event sits in the global order. */
  readonly lastPosition?: Position;
  /** The last event's link in the stream's hash chain, which the next event continues. */
  readonly lastLink?: string;
};

/** What the stream says of a command it recorded: its type and (since it was kept) a hash of its data. */
export type RecordedCommand = { readonly type: string; readonly hash?: string };

/** A stored event of a case, parsed (and upcast) into the domain's event. */
export type CaseHistoryEntry = { readonly event: CaseEvent; readonly recorded: RecordedEvent };

export const toCaseEvent = (recorded: RecordedEvent): CaseEvent =>
  parseEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);

/** A commandId is the client's idempotency key: unique per actor, so two people's ids never collide. */
export const commandKey = (actorId: string, commandId: string): string => `${actorId}\u0000${commandId}`;

/** A case's events in order, optionally only those recorded up to `until`. */
export async function* readCaseHistory(
  { store, vault }: CaseEventSource,
  caseId: string,
  until?: Date,
): AsyncGenerator<CaseHistoryEntry> {
  const open = await vault.openerFor([caseId]);
  for await (const stored of store.readStream(caseStreamId(caseId))) {
    if (until !== undefined && stored.recordedAt > until) {
      return;
    }
    // `recorded` stays as stored (sealed): its hash-chain link is over what the store holds.
    yield { event: toCaseEvent(open(stored)), recorded: stored };
  }
}

const commandOf = (recorded: RecordedEvent): [key: string, command: RecordedCommand] | undefined => {
  const { actor, commandId, commandType, commandHash } = recorded.metadata as {
    actor?: { id?: unknown };
    commandId?: unknown;
    commandType?: unknown;
    commandHash?: unknown;
  };
  if (typeof commandId !== 'string' || typeof actor?.id !== 'string') {
    return undefined;
  }
  const hash = typeof commandHash === 'string' ? { hash: commandHash } : {};
  return [commandKey(actor.id, commandId), { type: String(commandType), ...hash }];
};

/** A case with no events yet. */
export const NO_CASE: LoadedCase = { state: fold([]), version: 0, commands: new Map() };

/**
 * Folds stored events of a case, in stream order, into what was loaded before them: the domain's
 * state, what `decide` needs, never a read model. Patient data stays sealed (read as erased): no
 * rule depends on it (the domain's tests say so), so deciding a command needs no key and decrypts
 * nothing.
 */
export const extendLoaded = (from: LoadedCase, recorded: Iterable<RecordedEvent>): LoadedCase => {
  const events: CaseEvent[] = [];
  const commands = new Map(from.commands);
  let { version, lastPosition, lastLink } = from;
  for (const stored of recorded) {
    events.push(toCaseEvent(withoutPatientData(stored)));
    const command = commandOf(stored);
    if (command) {
      commands.set(...command);
    }
    version = stored.streamRevision + 1;
    lastPosition = stored.position;
    lastLink = linkOf(stored);
  }
  return {
    state: fold(events, from.state),
    version,
    commands,
    ...(lastPosition ? { lastPosition } : {}),
    ...(lastLink ? { lastLink } : {}),
  };
};

/** Replays a case's whole stream: see extendLoaded. */
export const loadCase = async (store: EventStore, caseId: string): Promise<LoadedCase> => {
  const recorded: RecordedEvent[] = [];
  for await (const stored of store.readStream(caseStreamId(caseId))) {
    recorded.push(stored);
  }
  return extendLoaded(NO_CASE, recorded);
};
