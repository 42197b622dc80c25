import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { CaseloadService } from './caseload.service';
import { CaseConnection, CaseloadCounts, CaseloadCountsArgs, CasesArgs } from './caseload.types';

@Resolver()
export class CaseloadResolver {
  constructor(private readonly caseload: CaseloadService) {}

  @Query(() => CaseConnection, {
    description: 'The caseload: a case manager sees their own; supervisors and auditors all',
  })
  cases(@CurrentUser() user: AuthenticatedUser, @Args() args: CasesArgs): Promise<CaseConnection> {
    return this.caseload.list(user, args);
  }

  @Query(() => CaseloadCounts, { description: "How many cases each saved view holds, in the caller's caseload" })
  caseloadCounts(@CurrentUser() user: AuthenticatedUser, @Args() args: CaseloadCountsArgs): Promise<CaseloadCounts> {
    return this.caseload.counts(user, args);
  }
}
