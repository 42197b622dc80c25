import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { CaseUpdatesListener } from '../../projections';
import type { CaseUpdateMessage } from '../../projections';
import { CaseReadAccess } from '../access';
import { CaseUpdate } from './case-update.type';

const toUpdate = (message: CaseUpdateMessage): CaseUpdate => ({
  caseId: message.caseId,
  version: message.version,
  eventTypes: [...message.eventTypes],
  caseManagerId: message.caseManagerId ?? undefined,
  previousCaseManagerId: message.previousCaseManagerId ?? undefined,
});

/** A case manager hears of the cases in their caseload, and of one leaving it. */
const concerns = (user: AuthenticatedUser, message: CaseUpdateMessage): boolean =>
  user.role !== 'CASE_MANAGER' || message.caseManagerId === user.id || message.previousCaseManagerId === user.id;

/** Live updates once the read model has them; a case manager hears only of their caseload. */
@Resolver()
export class CaseSubscriptionsResolver {
  constructor(
    private readonly updates: CaseUpdatesListener,
    private readonly access: CaseReadAccess,
  ) {}

  @Subscription(() => CaseUpdate, { description: 'Each change to one case', resolve: (value: CaseUpdate) => value })
  async caseUpdated(@CurrentUser() user: AuthenticatedUser, @Args('caseId', { type: () => ID }) caseId: string) {
    const id = await this.access.authorize(user, caseId, 'caseUpdated');
    return this.stream(
      (message) => message.caseId === id && (user.role !== 'CASE_MANAGER' || message.caseManagerId === user.id),
    );
  }

  @Subscription(() => CaseUpdate, {
    description: 'Each change to a case in your caseload (all cases for supervisors and auditors)',
    resolve: (value: CaseUpdate) => value,
  })
  caseloadChanged(@CurrentUser() user: AuthenticatedUser) {
    return this.stream((message) => concerns(user, message));
  }

  private stream(keep: (message: CaseUpdateMessage) => boolean): AsyncIterableIterator<CaseUpdate> {
    const abort = new AbortController();
    const source = this.updates.updates(abort.signal);
    const filtered = (async function* () {
      try {
        for await (const message of source) {
          if (keep(message)) {
            yield toUpdate(message);
          }
        }
      } finally {
        abort.abort();
      }
    })();
    return filtered;
  }
}
