import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { AuthenticatedUser } from '../auth/current-user';
import {
  MarkRecordsReceivedInput,
  MarkRecordsSentInput,
  RecordRecordsReleaseRefusedInput,
  RequestRecordsInput,
} from '../graphql/records.inputs';
import { CasePayload } from '../graphql/payloads.types';
import { CaseCommandService } from './case-command.service';

@Resolver()
export class RecordsResolver {
  constructor(private readonly commands: CaseCommandService) {}

  @Mutation(() => CasePayload, {
    description: 'Request records item by item: originals of scans and slides, not only reports',
  })
  requestRecords(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: RequestRecordsInput,
  ) {
    return this.commands.sendInput(user, cid, 'RequestRecords', input);
  }

  @Mutation(() => CasePayload)
  markRecordsSent(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: MarkRecordsSentInput,
  ) {
    return this.commands.sendInput(user, cid, 'MarkRecordsSent', input);
  }

  @Mutation(() => CasePayload)
  markRecordsReceived(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: MarkRecordsReceivedInput,
  ) {
    return this.commands.sendInput(user, cid, 'MarkRecordsReceived', input);
  }

  @Mutation(() => CasePayload, {
    description: 'A provider refused to release records: the patient is entitled to a copy, so act on it',
  })
  recordRecordsReleaseRefused(
    @CurrentUser() user: AuthenticatedUser,
    @Context('correlationId') cid: string,
    @Args('input') input: RecordRecordsReleaseRefusedInput,
  ) {
    return this.commands.sendInput(user, cid, 'RecordRecordsReleaseRefused', input);
  }
}
