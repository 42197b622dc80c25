import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isCaseId, parseCommand } from '@sot/domain';
import type { CommandType } from '@sot/domain';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { AuthenticatedUser } from '../auth/current-user';
import { AppError } from '../errors';
import { commandData } from '../graphql/command-base.input';
import type { CasePayload } from '../graphql/payloads.types';
import { ProjectionsService } from '../projections/projections.service';
import { ExecuteCaseCommand } from './case-command';
import type { CommandResult } from './case-command';
import { eventIdFor } from './event-ids';
import { CaseReadRepository } from './case-read.repository';

export type CommandRequest = {
  readonly type: CommandType;
  readonly caseId?: string;
  readonly data: Record<string, unknown>;
  readonly commandId?: string;
  readonly expectedVersion?: number;
};

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Validates, sends the command, then waits (bounded) for the read model to show its effect. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly projections: ProjectionsService,
    private readonly reads: CaseReadRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A mutation's input: envelope fields (caseId, commandId, expectedVersion) plus the command data. */
  sendInput(
    user: AuthenticatedUser,
    correlationId: string,
    type: CommandType,
    input: { caseId?: string; commandId?: string; expectedVersion?: number },
  ): Promise<CasePayload> {
    return this.send(user, correlationId, {
      type,
      data: commandData(input),
      ...(input.caseId ? { caseId: input.caseId } : {}),
      ...(input.commandId ? { commandId: input.commandId } : {}),
      ...(input.expectedVersion === undefined || input.expectedVersion === null
        ? {}
        : { expectedVersion: input.expectedVersion }),
    });
  }

  async send(user: AuthenticatedUser, correlationId: string, request: CommandRequest): Promise<CasePayload> {
    const commandId = request.commandId ?? randomUUID();
    if (!COMMAND_ID.test(commandId)) {
      throw new AppError('BAD_USER_INPUT', 'commandId must be 1-128 letters, digits or _ . : - characters', {
        field: 'commandId',
      });
    }
    const caseId = (request.caseId ?? eventIdFor(`case:${user.id}:${commandId}`, 0)).toLowerCase();
    if (!isCaseId(caseId)) {
      throw new AppError('BAD_USER_INPUT', 'caseId must be a UUID', { field: 'caseId' });
    }
    const command = parseCommand(request.type, request.data, { now: new Date().toISOString(), actorId: user.id });
    const context = {
      actor: user,
      commandId,
      correlationId,
      ...(request.expectedVersion === undefined || request.expectedVersion === null
        ? {}
        : { expectedVersion: request.expectedVersion }),
    };
    const result: CommandResult = await this.commandBus.execute(new ExecuteCaseCommand(caseId, command, context));
    const caughtUp = result.position
      ? await this.projections.waitFor(result.position, this.config.READ_YOUR_WRITES_TIMEOUT_MS)
      : true;
    const view = await this.reads.caseView(caseId, new Date());
    return { case: view, version: result.version, caughtUp, duplicate: result.duplicate };
  }
}
