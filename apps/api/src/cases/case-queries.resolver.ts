import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DateTime } from '../graphql/scalars';
import { Inject } from '@nestjs/common';
import type { EventStore } from '@sot/event-store';
import { CurrentUser } from '../auth/current-user';
import type { AuthenticatedUser } from '../auth/current-user';
import { EVENT_STORE } from '../database/database';
import { AppError } from '../errors';
import { caseView } from '../graphql/case-view';
import { Case } from '../graphql/case.types';
import { CaseConnection, CasesArgs, TimelineConnection } from '../graphql/caseload.types';
import { CaseReadAccess } from './case-read-access';
import { CaseReadRepository } from './case-read.repository';
import { loadCase } from './case-stream';
import { CaseloadService } from './caseload.service';

@Resolver(() => Case)
export class CaseQueriesResolver {
  constructor(
    private readonly caseload: CaseloadService,
    private readonly reads: CaseReadRepository,
    private readonly access: CaseReadAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => CaseConnection, {
    description: 'The caseload: a case manager sees their own; supervisors and auditors all',
  })
  cases(@CurrentUser() user: AuthenticatedUser, @Args() args: CasesArgs): Promise<CaseConnection> {
    return this.caseload.list(user, args);
  }

  @Query(() => Case, { description: 'A case in full. Every call is recorded in the access log.' })
  async case(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string): Promise<Case> {
    const caseId = await this.access.authorize(user, id, 'case');
    const view = await this.reads.caseView(caseId, new Date());
    if (!view) {
      throw new AppError('NOT_FOUND', `No case ${caseId}`);
    }
    return view;
  }

  @Query(() => Case, { description: 'The case as it stood at a moment: replays its events recorded up to `at`' })
  async caseAsOf(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => DateTime }) at: Date,
  ): Promise<Case> {
    const caseId = await this.access.authorize(user, id, 'caseAsOf');
    const { state, version } = await loadCase(this.store, caseId, at);
    if (state.status === 'none') {
      throw new AppError('NOT_FOUND', `Case ${caseId} had not been opened at ${at.toISOString()}`);
    }
    return caseView(caseId, state, version, at);
  }

  @ResolveField(() => TimelineConnection, { description: 'Every event of the case: who, when, what' })
  async timeline(
    @Parent() parent: Case,
    @Context('user') user: AuthenticatedUser,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<TimelineConnection> {
    if (first < 1 || first > 500) {
      throw new AppError('BAD_USER_INPUT', 'first must be between 1 and 500', { field: 'first' });
    }
    await this.access.authorize(user, parent.id, 'timeline');
    const afterRevision = after === undefined ? -1 : Number.parseInt(after, 10);
    if (Number.isNaN(afterRevision)) {
      throw new AppError('BAD_USER_INPUT', 'after is the cursor of a timeline entry', { field: 'after' });
    }
    const page = await this.reads.timeline(parent.id, first, afterRevision);
    const entries = page.rows.map((row) => ({
      revision: row.stream_revision,
      eventType: row.event_type,
      occurredAt: new Date(row.occurred_at),
      recordedAt: new Date(row.recorded_at),
      actorId: row.actor_id ?? undefined,
      summary: row.summary,
    }));
    const last = entries[entries.length - 1];
    return {
      entries,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? String(last.revision) : undefined },
    };
  }
}
