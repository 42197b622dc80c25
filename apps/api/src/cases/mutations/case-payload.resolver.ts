import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../auth';
import { APP_CONFIG } from '../../platform';
import type { AppConfig } from '../../platform';
import { CaseReadAccess } from '../access';
import { Case, CaseDetailsRepository, caseView } from '../case-detail';
import { CasePayload } from './case-payload.type';

/**
 * A command's answer shows the case only when the client asks for it: a reassignment of fifty
 * cases reads no case page, and the access log records no read that did not happen.
 */
@Resolver(() => CasePayload)
export class CasePayloadResolver {
  constructor(
    private readonly details: CaseDetailsRepository,
    private readonly access: CaseReadAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The case as the read models show it now, once that read is in the access log; else none. */
  @ResolveField(() => Case, { nullable: true })
  async case(@Parent() payload: CasePayload, @Context('user') user: AuthenticatedUser): Promise<Case | undefined> {
    // The command is recorded: a failing read leaves the answer without the case, not an error.
    const row = await this.details.find(payload.caseId).catch(() => undefined);
    if (!row) {
      return undefined;
    }
    const view = caseView(payload.caseId, row.details, row.version, new Date(), this.config.TIME_ZONE);
    return this.access.record(user, payload.operation, [payload.caseId]).then(
      () => view,
      () => undefined,
    );
  }
}
