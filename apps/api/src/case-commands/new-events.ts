import { schemaVersionOf } from '@sot/domain';
import type { CaseEvent } from '@sot/domain';
import type { NewEvent } from '@sot/event-store';
import { commandKey, eventIdFor } from '../case-events';
import type { CommandContext } from './execute-case-command';

/** The events `decide` returned, as the store records them: stable ids and the metadata of who and why. */
export const toNewEvents = (
  caseId: string,
  events: readonly CaseEvent[],
  context: CommandContext,
  commandType: string,
): NewEvent[] =>
  events.map((event, index) => ({
    // Stable across redeliveries of this command, distinct for any other case or actor.
    eventId: eventIdFor(`${caseId}:${commandKey(context.actor.id, context.commandId)}`, index),
    type: event.type,
    data: event.data,
    metadata: {
      schemaVersion: schemaVersionOf(event.type),
      commandId: context.commandId,
      commandType,
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.commandId,
      actor: { id: context.actor.id, role: context.actor.role },
    },
  }));
