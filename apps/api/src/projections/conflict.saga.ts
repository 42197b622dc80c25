import { Inject } from '@nestjs/common';
import { CommandBus, EventsHandler } from '@nestjs/cqrs';
import type { IEventHandler } from '@nestjs/cqrs';
import { automaticConflictId, conflictsToRaise, parseCommand } from '@sot/domain';
import type { EventStore } from '@sot/event-store';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../auth/actor';
import { ExecuteCaseCommand } from '../cases/case-command';
import { loadCase } from '../cases/case-stream';
import { EVENT_STORE } from '../database/database';
import { LOGGER } from '../logging/logger';
import { CaseEventsProjected } from './projection-events';

/**
 * When a received opinion disagrees with the original or with another opinion, raise the conflict
 * automatically. The command id is derived from the conflict id, so replays raise nothing twice.
 */
@EventsHandler(CaseEventsProjected)
export class ConflictSaga implements IEventHandler<CaseEventsProjected> {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ events }: CaseEventsProjected): Promise<void> {
    for (const { caseId, event, recorded } of events) {
      if (event.type !== 'OpinionReceived') {
        continue;
      }
      try {
        const { state } = await loadCase(this.store, caseId);
        if (state.status === 'none' || state.status === 'closed') {
          continue;
        }
        for (const data of conflictsToRaise(state, event.data.requestId)) {
          const command = parseCommand('RaiseConflict', data, {
            now: new Date().toISOString(),
            actorId: SYSTEM_ACTOR.id,
          });
          await this.commandBus.execute(
            new ExecuteCaseCommand(caseId, command, {
              actor: SYSTEM_ACTOR,
              commandId: `${caseId}:${automaticConflictId(data.subject, event.data.requestId)}`,
              correlationId: String(recorded.metadata.correlationId ?? recorded.eventId),
              causationId: recorded.eventId,
            }),
          );
        }
      } catch (error) {
        this.logger.error(
          { caseId, err: error instanceof Error ? error.message : String(error) },
          'automatic conflict detection failed',
        );
      }
    }
  }
}
