import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { caseStreamId, decide } from '@sot/domain';
import { EventStoreError, WrongExpectedVersionError } from '@sot/event-store';
import type { EventStore } from '@sot/event-store';
import { commandKey, loadCase } from '../case-events';
import type { LoadedCase } from '../case-events';
import { AppError, EVENT_STORE } from '../platform';
import { authorizeCommand } from './command-access';
import { ExecuteCaseCommand } from './execute-case-command';
import type { CommandContext, CommandResult } from './execute-case-command';
import { toNewEvents } from './new-events';

/** decide() is pure, so a command that lost a race is simply decided again on the new state. */
const MAX_ATTEMPTS = 5;

/** The type of the command this commandId already recorded on the case, if any. */
const earlierCommand = (loaded: LoadedCase, context: CommandContext): string | undefined =>
  loaded.commands.get(commandKey(context.actor.id, context.commandId));

const requireExpectedVersion = (version: number, context: CommandContext): void => {
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
};

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(envelope: ExecuteCaseCommand): Promise<CommandResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(envelope);
      } catch (error) {
        const raced = error instanceof WrongExpectedVersionError;
        if (raced && envelope.context.expectedVersion === undefined && attempt < MAX_ATTEMPTS) {
          continue;
        }
        throw translateStoreError(error, envelope.context);
      }
    }
  }

  /** Load, authorize, answer a duplicate, check the version, decide, append: once. */
  private async attempt({ caseId, command, context }: ExecuteCaseCommand): Promise<CommandResult> {
    const loaded = await loadCase(this.store, caseId);
    // First: a duplicate must not answer (with the case) someone who may not send the command.
    authorizeCommand(context.actor, command, loaded.state);
    const earlier = earlierCommand(loaded, context);
    if (earlier !== undefined) {
      if (earlier !== command.type) {
        throw new AppError('CONFLICT', `commandId ${context.commandId} was already used for ${earlier} on this case`);
      }
      return { caseId, version: loaded.version, duplicate: true };
    }
    requireExpectedVersion(loaded.version, context);
    const events = decide(command, loaded.state);
    const expected = loaded.version === 0 ? 'no_stream' : loaded.version - 1;
    const appended = await this.store.append(
      caseStreamId(caseId),
      toNewEvents(caseId, events, context, command.type),
      expected,
    );
    return { caseId, version: appended.nextExpectedRevision + 1, position: appended.position, duplicate: false };
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
