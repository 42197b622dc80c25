import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isCaseId, parseCommand } from '@sot/domain';
import type { CaseCommand, CommandType } from '@sot/domain';
import { randomUUID } from 'node:crypto';
import { UsersRepository } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { eventIdFor } from '../../case-events';
import { ExecuteCaseCommand } from '../../case-commands';
import type { CommandResult } from '../../case-commands';
import { APP_CONFIG, AppError } from '../../platform';
import type { AppConfig } from '../../platform';
import { ReadYourWrites } from '../../projections';
import { commandData } from './command-input';

/** A mutation's input: envelope fields (caseId, commandId, expectedVersion) plus the command data. */
export type MutationInput = {
  readonly caseId?: string;
  readonly commandId?: string | null;
  readonly expectedVersion?: number | null;
};

export type SentCommand = CommandResult & {
  /** False when the read models had not caught up with the command within the wait. */
  readonly caughtUp: boolean;
};

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

const requireCommandId = (given: string | null | undefined): string => {
  const commandId = given || randomUUID();
  if (!COMMAND_ID.test(commandId)) {
    throw new AppError('BAD_USER_INPUT', 'commandId must be 1-128 letters, digits or _ . : - characters', {
      field: 'input.commandId',
    });
  }
  return commandId;
};

/** A new case's id is derived from its commandId, so retrying `openCase` opens one case. */
const requireCaseId = (given: string | undefined, userId: string, commandId: string): string => {
  const caseId = (given || eventIdFor(`case:${userId}:${commandId}`, 0)).toLowerCase();
  if (!isCaseId(caseId)) {
    throw new AppError('BAD_USER_INPUT', 'caseId must be a UUID', { field: 'input.caseId' });
  }
  return caseId;
};

/** Validates a mutation's input, sends its command, then waits (bounded) for the read models. */
@Injectable()
export class CaseCommandSender {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A case goes only to someone who can hold a caseload: an active case manager or supervisor. */
  private async requireAssignable(command: CaseCommand): Promise<void> {
    if (command.type !== 'OpenCase' && command.type !== 'AssignCaseManager') {
      return;
    }
    const { caseManagerId } = command.data;
    const user = await this.users.findById(caseManagerId);
    if (!user || user.disabled || user.role === 'AUDITOR') {
      throw new AppError(
        'BAD_USER_INPUT',
        `${caseManagerId} is not an active case manager or supervisor: choose someone from the users query`,
        { field: 'input.caseManagerId', reason: user ? 'NOT_ASSIGNABLE' : 'UNKNOWN_USER' },
      );
    }
  }

  async send(
    user: AuthenticatedUser,
    correlationId: string,
    type: CommandType,
    input: MutationInput,
  ): Promise<SentCommand> {
    const commandId = requireCommandId(input.commandId);
    const caseId = requireCaseId(input.caseId, user.id, commandId);
    const command = parseCommand(type, commandData(input), { now: new Date().toISOString(), actorId: user.id });
    await this.requireAssignable(command);
    const expectedVersion = input.expectedVersion ?? undefined;
    if (expectedVersion !== undefined && expectedVersion < 0) {
      throw new AppError('BAD_USER_INPUT', 'expectedVersion is the case version you saw: 0 or more', {
        field: 'input.expectedVersion',
      });
    }
    const context = {
      actor: user,
      commandId,
      correlationId,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    };
    const result: CommandResult = await this.commandBus.execute(new ExecuteCaseCommand(caseId, command, context));
    // Recorded is recorded: if waiting for the read models fails (the database going away during a
    // shutdown), the answer says not caught up rather than turning a success into an error.
    const caughtUp = result.position
      ? await this.readYourWrites.waitFor(result.position, this.config.READ_YOUR_WRITES_TIMEOUT_MS).catch(() => false)
      : true;
    return { ...result, caughtUp };
  }
}
