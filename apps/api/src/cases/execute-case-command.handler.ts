import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { caseStreamId, decide, schemaVersionOf } from '@sot/domain';
import type { CaseEvent } from '@sot/domain';
import { EventStoreError, WrongExpectedVersionError } from '@sot/event-store';
import type { EventStore, NewEvent } from '@sot/event-store';
import { EVENT_STORE } from '../database/database';
import { AppError } from '../errors';
import { authorizeCommand } from './case-access';
import { ExecuteCaseCommand } from './case-command';
import type { CommandContext, CommandResult } from './case-command';
import { commandKey, loadCase } from './case-stream';
import { eventIdFor } from './event-ids';

/** decide() is pure, so a command that lost a race is simply decided again on the new state. */
const MAX_ATTEMPTS = 5;

const toNewEvents = (
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

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, command, context }: ExecuteCaseCommand): Promise<CommandResult> {
    for (let attempt = 1; ; attempt += 1) {
      const { state, version, commands } = await loadCase(this.store, caseId);
      // First: a duplicate must not answer (with the case) someone who may not send the command.
      authorizeCommand(context.actor, command, state);
      const earlier = commands.get(commandKey(context.actor.id, context.commandId));
      if (earlier !== undefined) {
        if (earlier !== command.type) {
          throw new AppError('CONFLICT', `commandId ${context.commandId} was already used for ${earlier} on this case`);
        }
        return { caseId, version, duplicate: true };
      }
      if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
        throw new AppError(
          'CONFLICT',
          `The case is at version ${version}, not ${context.expectedVersion}: reload it and retry`,
          {
            expectedVersion: context.expectedVersion,
            actualVersion: version,
          },
        );
      }
      const events = decide(command, state);
      try {
        const expected = version === 0 ? 'no_stream' : version - 1;
        const appended = await this.store.append(
          caseStreamId(caseId),
          toNewEvents(caseId, events, context, command.type),
          expected,
        );
        return { caseId, version: appended.nextExpectedRevision + 1, position: appended.position, duplicate: false };
      } catch (error) {
        const raced = error instanceof WrongExpectedVersionError;
        if (raced && context.expectedVersion === undefined && attempt < MAX_ATTEMPTS) {
          continue;
        }
        throw translateStoreError(error, context);
      }
    }
  }
}

const translateStoreError = (error: unknown, context: CommandContext): unknown => {
  if (error instanceof WrongExpectedVersionError) {
    return new AppError('CONFLICT', 'Another change to this case was recorded first: reload it and retry', {
      actualVersion: error.actual === 'no_stream' ? 0 : error.actual + 1,
    });
  }
  if (error instanceof EventStoreError && error.code === 'DUPLICATE_EVENT_ID') {
    return new AppError('CONFLICT', `commandId ${context.commandId} was already used for a different command`);
  }
  if (error instanceof EventStoreError && error.code === 'UNAVAILABLE') {
    return new AppError('UNAVAILABLE', 'The event store is unavailable; nothing was recorded. Try again shortly.');
  }
  return error;
};
