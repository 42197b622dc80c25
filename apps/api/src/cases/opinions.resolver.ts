import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { AuthenticatedUser } from '../auth/current-user';
import {
  CancelOpinionRequestInput,
  MakeDecisionInput,
  RaiseConflictInput,
  RecordInsuranceCoverageInput,
  RecordOpinionReceivedInput,
  RequestOpinionInput,
  ResolveConflictInput,
} from '../graphql/opinion.inputs';
import { CasePayload } from '../graphql/payloads.types';
import { CaseCommandService } from './case-command.service';

@Resolver()
export class OpinionsResolver {
  constructor(private readonly commands: CaseCommandService) {}

  @Mutation(() => CasePayload, { description: 'Request an opinion from an expert; independence is checked' })
  requestOpinion(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: RequestOpinionInput,
  ) {
    return this.commands.sendInput(user, cid, 'RequestOpinion', input);
  }

  @Mutation(() => CasePayload)
  recordInsuranceCoverage(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: RecordInsuranceCoverageInput,
  ) {
    return this.commands.sendInput(user, cid, 'RecordInsuranceCoverage', input);
  }

  @Mutation(() => CasePayload, {
    description: 'Disagreement with the original or another opinion raises a conflict automatically',
  })
  recordOpinionReceived(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: RecordOpinionReceivedInput,
  ) {
    return this.commands.sendInput(user, cid, 'RecordOpinionReceived', input);
  }

  @Mutation(() => CasePayload)
  cancelOpinionRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: CancelOpinionRequestInput,
  ) {
    return this.commands.sendInput(user, cid, 'CancelOpinionRequest', input);
  }

  @Mutation(() => CasePayload)
  raiseConflict(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: RaiseConflictInput,
  ) {
    return this.commands.sendInput(user, cid, 'RaiseConflict', input);
  }

  @Mutation(() => CasePayload)
  resolveConflict(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: ResolveConflictInput,
  ) {
    return this.commands.sendInput(user, cid, 'ResolveConflict', input);
  }

  @Mutation(() => CasePayload, {
    description: "The patient's decision; over open conflicts only with acknowledgeOpenConflicts",
  })
  makeDecision(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: MakeDecisionInput,
  ) {
    return this.commands.sendInput(user, cid, 'MakeDecision', input);
  }
}
