import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, automaticConflictId, conflictsToRaise, parseCommand } from '@sot/domain';
import type { CommandData } from '@sot/domain';
import type { EventStore, RecordedEvent } from '@sot/event-store';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../../../auth';
import { loadCase } from '../../../case-events';
import { ExecuteCaseCommand } from '../../../case-commands';
import { EVENT_STORE, LOGGER } from '../../../platform';
import { ProjectionsService } from '../../../projections';
import type { ProjectedEvent, Projection } from '../../../projections';

/**
 * When a received opinion disagrees with the original or with another opinion, raise the conflict
 * automatically. It runs as its own checkpointed projection ("conflict-saga"), so a crash between
 * an opinion and its conflict is caught up on restart instead of lost; the command id is derived
 * from the conflict id, so a replayed batch raises nothing twice.
 */
@Injectable()
export class ConflictSaga implements OnModuleInit {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.projections.register(this.projection);
  }

  readonly projection: Projection = {
    name: 'conflict-saga',
    effectsAreEvents: true,
    apply: (_trx, events) => this.handle(events),
  };

  async handle(events: readonly ProjectedEvent[]): Promise<void> {
    for (const { caseId, event, recorded } of events) {
      if (event.type !== 'OpinionReceived') {
        continue;
      }
      const { state } = await loadCase(this.store, caseId);
      // Only an undecided case takes new conflicts: after the decision it has to be reopened first.
      if (state.status !== 'open') {
        continue;
      }
      for (const data of conflictsToRaise(state, event.data.requestId)) {
        await this.raise(caseId, data, { requestId: event.data.requestId, recorded });
      }
    }
  }

  private async raise(
    caseId: string,
    data: CommandData<'RaiseConflict'>,
    cause: { readonly requestId: string; readonly recorded: RecordedEvent },
  ): Promise<void> {
    const { recorded } = cause;
    const command = parseCommand('RaiseConflict', data, {
      now: recorded.recordedAt.toISOString(),
      actorId: SYSTEM_ACTOR.id,
    });
    try {
      await this.commandBus.execute(
        new ExecuteCaseCommand(caseId, command, {
          actor: SYSTEM_ACTOR,
          commandId: `${caseId}:${automaticConflictId(data.subject, cause.requestId)}`,
          correlationId: String(recorded.metadata.correlationId ?? recorded.eventId),
          causationId: recorded.eventId,
        }),
      );
    } catch (error) {
      // A rule the case now breaks (say, a conflict on that subject already raised by hand)
      // is a decision, not a failure: skip it. Anything else fails the batch, which is retried.
      if (!(error instanceof DomainError)) {
        throw error;
      }
      this.logger.warn(
        { caseId, domainCode: error.code },
        'automatic conflict not raised: the case no longer allows it',
      );
    }
  }
}
