import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { caseStreamId, decide } from '@sot/domain';
import { LRUCache } from 'lru-cache';
import type { CaseCommand } from '@sot/domain';
import { EventStoreError, WrongExpectedVersionError } from '@sot/event-store';
import type { AppendResult, EventStore, NewEvent, RecordedEvent } from '@sot/event-store';
import { commandKey, extendLoaded, loadCase } from '../case-events';
import type { LoadedCase } from '../case-events';
import { PatientDataVault } from '../patient-data';
import type { Sealer } from '../patient-data';
import { AppError, EVENT_STORE } from '../platform';
import { authorizeCommand } from './command-access';
import { ExecuteCaseCommand } from './execute-case-command';
import type { CommandContext, CommandResult } from './execute-case-command';
import { KeyedQueue } from './keyed-queue';
import { commandHash, toNewEvents } from './new-events';

/**
 * decide() is pure, so a command that lost a race (to another instance: within one, the queue
 * keeps commands of a case in line) is decided again on the new state, after a jittered pause,
 * until this much time has passed.
 */
const RACE_RETRY_DEADLINE_MS = 10_000;
const jitteredPause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10 * 2 ** attempt, 250)));

/**
 * What this instance last wrote to a case: the case as loaded after it (its patient data read as
 * erased, as every decision reads it). The next command on the case is decided on it without
 * reading the stream again. It is safe because the append says the stream's revision it expects:
 * if anything was written since (by another instance, an erasure included), the append fails and
 * the command is decided again on the stream as stored. The case's key is never kept: each command
 * looks it up, so a key destroyed by an erasure is gone from every instance's memory. At most
 * KEPT_CASES cases, each for KEPT_FOR_MS since its last command.
 */
const KEPT_CASES = 5_000;
const KEPT_FOR_MS = 10 * 60_000;

/** The events just appended, as the store now holds them (what a read of the stream would return). */
const asRecorded = (streamId: string, events: readonly NewEvent[], appended: AppendResult): RecordedEvent[] => {
  const first = appended.nextExpectedRevision - events.length + 1;
  const recordedAt = new Date();
  // Only the last event's position is used (LoadedCase.lastPosition); the others are not known here.
  return events.map((event, index) => ({
    ...event,
    streamId,
    streamRevision: first + index,
    position: appended.position,
    recordedAt,
  }));
};

/** A commandId seen before on this case: the same command again, or (CONFLICT) a different one. */
const isDuplicate = async (
  loaded: LoadedCase,
  command: CaseCommand,
  context: CommandContext,
  keys: () => Promise<Sealer>,
): Promise<boolean> => {
  const earlier = loaded.commands.get(commandKey(context.actor.id, context.commandId));
  if (earlier === undefined) {
    return false;
  }
  if (earlier.type !== command.type) {
    throw new AppError('CONFLICT', `commandId ${context.commandId} was already used for ${earlier.type} on this case`);
  }
  if (earlier.hash !== undefined && earlier.hash !== commandHash(command, await keys())) {
    throw new AppError(
      'CONFLICT',
      `commandId ${context.commandId} was already used for a ${command.type} with other content: use a new commandId`,
      { field: 'input.commandId' },
    );
  }
  return true;
};

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
  private readonly queue = new KeyedQueue();
  private readonly kept = new LRUCache<string, LoadedCase>({ max: KEPT_CASES, ttl: KEPT_FOR_MS });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PatientDataVault,
  ) {}

  execute(envelope: ExecuteCaseCommand): Promise<CommandResult> {
    return this.queue.run(envelope.caseId, () => this.untilRecorded(envelope));
  }

  private async untilRecorded(envelope: ExecuteCaseCommand): Promise<CommandResult> {
    const deadline = Date.now() + RACE_RETRY_DEADLINE_MS;
    for (let attempt = 1; ; attempt += 1) {
      // Taken out while in use: only a command recorded puts the case back, as it is after it.
      const kept = this.kept.get(envelope.caseId);
      this.kept.delete(envelope.caseId);
      try {
        return await this.attempt(envelope, kept);
      } catch (error) {
        if (kept) {
          // Decided on what this instance last wrote: something may have been written since. The
          // answer (a refusal too) must come from the stream as stored: decide again on it, now.
          continue;
        }
        const raced = error instanceof WrongExpectedVersionError;
        if (raced && envelope.context.expectedVersion === undefined && Date.now() < deadline) {
          await jitteredPause(attempt);
          continue;
        }
        throw translateStoreError(error, envelope.context);
      }
    }
  }

  /** Load (unless kept), authorize, answer a duplicate, check the version, decide, append: once. */
  private async attempt(envelope: ExecuteCaseCommand, kept?: LoadedCase): Promise<CommandResult> {
    const { caseId, command, context } = envelope;
    if (kept?.commands.has(commandKey(context.actor.id, context.commandId))) {
      // A command sent again: answered with the stream as stored, as any duplicate.
      return this.attempt(envelope);
    }
    const loaded = kept ?? (await loadCase(this.store, caseId));
    // First: a duplicate must not answer (with the case) someone who may not send the command.
    authorizeCommand(context.actor, command, loaded.state);
    let sealer: Sealer | undefined;
    const keys = async () => (sealer ??= await this.vault.sealerFor(caseId));
    if (await isDuplicate(loaded, command, context, keys)) {
      // Answered once the read models show the case as it is now, like the first delivery.
      const position = loaded.lastPosition ? { position: loaded.lastPosition } : {};
      return { caseId, version: loaded.version, ...position, duplicate: true };
    }
    requireExpectedVersion(loaded.version, context);
    const events = decide(command, loaded.state);
    // After decide: a command refused (on a case that does not exist, say) leaves no key behind.
    const expected = loaded.version === 0 ? 'no_stream' : loaded.version - 1;
    const chain = { firstRevision: loaded.version, previousLink: loaded.lastLink };
    const streamId = caseStreamId(caseId);
    const seal = await keys();
    const written = toNewEvents(caseId, events, { context, command, seal, chain });
    const appended = await this.store.append(streamId, written, expected);
    // The same events already stored: another instance recorded this very command a moment ago.
    const duplicate = appended.alreadyAppended === true;
    if (duplicate && kept) {
      // Answered with the stream as stored, as any duplicate: with its version now.
      return this.attempt(envelope);
    }
    // An erased case takes no further command: nothing of it is kept.
    if (!duplicate && !events.some((event) => event.type === 'PatientDataErased')) {
      this.kept.set(caseId, extendLoaded(loaded, asRecorded(streamId, written, appended)));
    }
    return { caseId, version: appended.nextExpectedRevision + 1, position: appended.position, duplicate };
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
