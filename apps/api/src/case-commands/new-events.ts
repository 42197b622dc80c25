import { caseStreamId, schemaVersionOf } from '@sot/domain';
import type { CaseCommand, CaseEvent } from '@sot/domain';
import type { NewEvent } from '@sot/event-store';
import { CHAIN_HASH, chainHash, commandKey, eventIdFor } from '../case-events';
import type { Sealer } from '../patient-data';
import type { CommandContext } from './execute-case-command';

/**
 * What a command asks for, as a keyed hash: the same commandId with other content is another
 * command. Keyed with the case's key, since the command holds patient data.
 */
export const commandHash = (command: CaseCommand, keys: Sealer): string =>
  keys.fingerprint(`${command.type}\u0000${JSON.stringify(command.data)}`);

export type NewEventsOptions = {
  readonly context: CommandContext;
  readonly command: CaseCommand;
  /** Seals each event's patient data with the case's key. */
  readonly seal: Sealer;
  readonly chain: { readonly firstRevision: number; readonly previousLink?: string | undefined };
};

/**
 * The events `decide` returned, as the store records them: stable ids, patient data sealed, the
 * metadata of who and why, and each event's link in the stream's hash chain (continuing from
 * `chain`), over the sealed data, so that erasing a patient never breaks the chain.
 */
export const toNewEvents = (
  caseId: string,
  events: readonly CaseEvent[],
  { context, command, seal, chain }: NewEventsOptions,
): NewEvent[] => {
  const hash = commandHash(command, seal);
  const streamId = caseStreamId(caseId);
  const unlinked = events.map((event, index) => {
    // Stable across redeliveries of this command, distinct for any other case, actor or content.
    const eventId = eventIdFor(`${caseId}:${commandKey(context.actor.id, context.commandId)}:${hash}`, index);
    return {
      eventId,
      type: event.type,
      data: seal.seal({ streamId, eventId, type: event.type }, event.data),
      metadata: {
        schemaVersion: schemaVersionOf(event.type),
        commandId: context.commandId,
        commandType: command.type,
        commandHash: hash,
        correlationId: context.correlationId,
        causationId: context.causationId ?? context.commandId,
        actor: { id: context.actor.id, role: context.actor.role },
      },
    };
  });
  let previous = chain.previousLink;
  return unlinked.map((event, index) => {
    previous = chainHash(previous, chain.firstRevision + index, event);
    return { ...event, metadata: { ...event.metadata, [CHAIN_HASH]: previous } };
  });
};
