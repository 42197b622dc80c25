import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { CaseloadService } from './caseload.service';
import { CaseConnection, CasesArgs } from './caseload.types';

@Resolver()
export class CaseloadResolver {
  constructor(private readonly caseload: CaseloadService) {}

  @Query(() => CaseConnection, {
    description: 'The caseload: a case manager sees their own; supervisors and auditors all',
  })
  cases(@CurrentUser() user: AuthenticatedUser, @Args() args: CasesArgs): Promise<CaseConnection> {
    return this.caseload.list(user, args);
  }
}
