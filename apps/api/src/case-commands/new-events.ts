import { schemaVersionOf } from '@sot/domain';
import type { CaseCommand, CaseEvent } from '@sot/domain';
import { createHash } from 'node:crypto';
import type { NewEvent } from '@sot/event-store';
import { CHAIN_HASH, chainHash, commandKey, eventIdFor } from '../case-events';
import type { CommandContext } from './execute-case-command';

/** What a command asks for, as a hash: the same commandId with other content is another command. */
export const commandHash = (command: CaseCommand): string =>
  createHash('sha256').update(command.type).update('\u0000').update(JSON.stringify(command.data)).digest('base64url');

/**
 * The events `decide` returned, as the store records them: stable ids, the metadata of who and
 * why, and each event's link in the stream's hash chain (continuing from `chain`).
 */
export const toNewEvents = (
  caseId: string,
  events: readonly CaseEvent[],
  context: CommandContext,
  command: CaseCommand,
  chain: { readonly firstRevision: number; readonly previousLink?: string | undefined },
): NewEvent[] => {
  const hash = commandHash(command);
  const unlinked = events.map((event, index) => ({
    // Stable across redeliveries of this command, distinct for any other case, actor or content.
    eventId: eventIdFor(`${caseId}:${commandKey(context.actor.id, context.commandId)}:${hash}`, index),
    type: event.type,
    data: event.data,
    metadata: {
      schemaVersion: schemaVersionOf(event.type),
      commandId: context.commandId,
      commandType: command.type,
      commandHash: hash,
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.commandId,
      actor: { id: context.actor.id, role: context.actor.role },
    },
  }));
  let previous = chain.previousLink;
  return unlinked.map((event, index) => {
    previous = chainHash(previous, chain.firstRevision + index, event);
    return { ...event, metadata: { ...event.metadata, [CHAIN_HASH]: previous } };
  });
};
