import type { Type } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { isCaseId } from '@sot/domain';
import type { CommandData, CommandType } from '@sot/domain';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { AppError } from '../../platform';
import { CaseReadAccess } from '../access';
import { CaseCommandSender } from './case-command.sender';
import type { MutationInput, SentCommand } from './case-command.sender';
import { CasePayload } from './case-payload.type';
import type { MatchesCommand } from './command-input';

export type CommandMutationSpec<T extends CommandType, I, Hidden extends keyof CommandData<T>> = {
  readonly command: T;
  readonly input: Type<I>;
  /** Optional command fields the API does not offer (set only by the system). */
  readonly hidden?: readonly Hidden[];
  readonly description?: string;
};

/** Compiles only when the input carries exactly the command's data (see MatchesCommand). */
type Checked<T extends CommandType, I, Hidden extends keyof CommandData<T>> =
  MatchesCommand<I, T, Hidden> extends true ? unknown : { inputMustCarryExactlyTheCommandData: never };

const mutationName = (command: string): string => `${command.charAt(0).toLowerCase()}${command.slice(1)}`;

type Answering = {
  readonly sender: CaseCommandSender;
  readonly access: CaseReadAccess;
};

/** Sends the command; a refusal of its sender is in the access log too. */
const sendLogged = async (
  deps: Answering,
  user: AuthenticatedUser,
  name: string,
  input: MutationInput,
  sending: () => Promise<SentCommand>,
) =>
  sending().catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      const caseIds = input.caseId && isCaseId(input.caseId) ? [input.caseId.toLowerCase()] : [];
      await deps.access.record(user, name, caseIds, 'FORBIDDEN');
    }
    throw error;
  });

/**
 * The resolver of one command's mutation: `openCase(input: OpenCaseInput!): CasePayload`. It
 * sends the command, waits for the read models, and answers with its version (and, when asked, the
 * case as they show it: CasePayloadResolver).
 */
export const commandMutation = <
  T extends CommandType,
  I extends MutationInput,
  Hidden extends keyof CommandData<T> = never,
>(
  spec: CommandMutationSpec<T, I, Hidden> & Checked<T, I, Hidden>,
): Type<unknown> => {
  const name = mutationName(spec.command);

  @Resolver()
  class CommandMutationResolver implements Answering {
    constructor(
      readonly sender: CaseCommandSender,
      readonly access: CaseReadAccess,
    ) {}

    // Nullable: in a document of several mutations, one that fails must not null out the others.
    @Mutation(() => CasePayload, { name, description: spec.description, nullable: true })
    async run(
      @CurrentUser() user: AuthenticatedUser,
      @Context('correlationId') correlationId: string,
      @Args('input', { type: () => spec.input }) input: I,
    ): Promise<CasePayload> {
      const sent = await sendLogged(this, user, name, input, () =>
        this.sender.send(user, correlationId, spec.command, input),
      );
      return {
        caseId: sent.caseId,
        operation: name,
        version: sent.version,
        caughtUp: sent.caughtUp,
        duplicate: sent.duplicate,
      };
    }
  }
  Object.defineProperty(CommandMutationResolver, 'name', { value: `${spec.command}Resolver` });
  return CommandMutationResolver;
};
