import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { caseStreamId } from '@sot/domain';
import { collect } from '@sot/event-store';
import type { EventStore } from '@sot/event-store';
import type { AuthenticatedUser } from '../../auth';
import { verifyChain } from '../../case-events';
import { EVENT_STORE } from '../../platform';
import { CaseReadAccess } from '../access';
import { Case } from '../case-detail';
import { HistoryIntegrity } from './history-integrity.types';

/**
 * An audit feature that reads the event store on purpose: the case's stream is replayed and its
 * hash chain recomputed, only when the field is asked for.
 */
@Resolver(() => Case)
export class HistoryIntegrityResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: CaseReadAccess,
  ) {}

  @ResolveField(() => HistoryIntegrity, {
    description: 'Whether every event of the case is as it was recorded: a changed, removed or reordered event shows',
  })
  async history(@Parent() parent: Case, @Context('user') user: AuthenticatedUser): Promise<HistoryIntegrity> {
    await this.access.authorize(user, parent.id, 'history');
    return verifyChain(await collect(this.store.readStream(caseStreamId(parent.id))));
  }
}
