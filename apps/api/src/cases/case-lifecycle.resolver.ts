import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { AuthenticatedUser } from '../auth/current-user';
import {
  AddNoteInput,
  AssignCaseManagerInput,
  CloseCaseInput,
  InformOriginalClinicianInput,
  OpenCaseInput,
  ReopenCaseInput,
  SetDecisionDeadlineInput,
} from '../graphql/case-lifecycle.inputs';
import { CasePayload } from '../graphql/payloads.types';
import { CaseCommandService } from './case-command.service';

@Resolver()
export class CaseLifecycleResolver {
  constructor(private readonly commands: CaseCommandService) {}

  @Mutation(() => CasePayload, { description: 'Open a case: the patient, the condition and the original opinion' })
  openCase(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: OpenCaseInput,
  ) {
    return this.commands.sendInput(user, cid, 'OpenCase', input);
  }

  @Mutation(() => CasePayload, { description: 'Supervisors only' })
  assignCaseManager(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: AssignCaseManagerInput,
  ) {
    return this.commands.sendInput(user, cid, 'AssignCaseManager', input);
  }

  @Mutation(() => CasePayload)
  setDecisionDeadline(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: SetDecisionDeadlineInput,
  ) {
    return this.commands.sendInput(user, cid, 'SetDecisionDeadline', input);
  }

  @Mutation(() => CasePayload)
  informOriginalClinician(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: InformOriginalClinicianInput,
  ) {
    return this.commands.sendInput(user, cid, 'InformOriginalClinician', input);
  }

  @Mutation(() => CasePayload)
  closeCase(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: CloseCaseInput,
  ) {
    return this.commands.sendInput(user, cid, 'CloseCase', input);
  }

  @Mutation(() => CasePayload)
  reopenCase(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: ReopenCaseInput,
  ) {
    return this.commands.sendInput(user, cid, 'ReopenCase', input);
  }

  @Mutation(() => CasePayload)
  addNote(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: AddNoteInput,
  ) {
    return this.commands.sendInput(user, cid, 'AddNote', input);
  }
}
