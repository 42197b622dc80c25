import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../auth';
import { AppError } from '../../platform';
import { CaseReadAccess } from '../access';
import { Case } from '../case-detail';
import { TimelineRepository } from './timeline.repository';
import { TimelineConnection } from './timeline.types';

/** A stream revision, as the column holds it (integer). */
const MAX_REVISION = 2_147_483_647;

const parseCursor = (after: string | undefined | null): number => {
  if (after === undefined || after === null) {
    return -1;
  }
  const revision = /^\d{1,10}$/.test(after) ? Number(after) : Number.NaN;
  if (!(revision <= MAX_REVISION)) {
    throw new AppError('BAD_USER_INPUT', 'after is the endCursor of a timeline page', { field: 'after' });
  }
  return revision;
};

@Resolver(() => Case)
export class TimelineResolver {
  constructor(
    private readonly pages: TimelineRepository,
    private readonly access: CaseReadAccess,
  ) {}

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
    const page = await this.pages.page(parent.id, first, parseCursor(after), parent.asOf);
    const entries = page.rows.map((row) => ({
      revision: row.stream_revision,
      eventType: row.event_type,
      occurredAt: new Date(row.occurred_at),
      recordedAt: new Date(row.recorded_at),
      actorId: row.actor_id ?? undefined,
      summary: row.summary,
      text: row.text ?? undefined,
    }));
    const last = entries[entries.length - 1];
    return {
      entries,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? String(last.revision) : undefined },
    };
  }
}
