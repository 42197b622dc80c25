import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { READ_DB } from '../../projections';
import type { CaseSummaryRow, ReadModelTables } from '../../projections';
import { searchable } from '../../projections';
import type { CaseOrder } from './caseload.types';

export type CaseloadQuery = {
  readonly first: number;
  readonly offset: number;
  readonly orderBy: CaseOrder;
  readonly now: Date;
  readonly status?: readonly string[];
  readonly caseManagerId?: string;
  readonly overdue?: boolean;
  readonly dueWithinDays?: number;
  readonly hasOpenConflict?: boolean;
  readonly search?: string;
};

type Query = SelectQueryBuilder<ReadModelTables, 'case_summaries', object>;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * URGENCY, defined once: open and overdue (most overdue first), then open and due (soonest
 * first), then open without a deadline but with open conflicts or refused records, then the rest
 * of the open cases; decided, then closed, last. Ties: deadline, conflicts, refusals, activity.
 */
const urgencyTier = (now: Date) => sql`CASE
  WHEN status = 'open' AND deadline < ${now} THEN 0
  WHEN status = 'open' AND deadline IS NOT NULL THEN 1
  WHEN status = 'open' AND (open_conflicts > 0 OR refused_records > 0) THEN 2
  WHEN status = 'open' THEN 3
  WHEN status = 'decided' THEN 4
  ELSE 5
END`;

const filtered = (base: Query, q: CaseloadQuery): Query => {
  let query = base;
  if (q.status?.length) {
    query = query.where('status', 'in', [...q.status]);
  }
  if (q.caseManagerId !== undefined) {
    query = query.where('case_manager_id', '=', q.caseManagerId);
  }
  if (q.overdue !== undefined) {
    const overdue = sql<boolean>`(status = 'open' AND deadline IS NOT NULL AND deadline < ${q.now})`;
    query = query.where(q.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  if (q.dueWithinDays !== undefined) {
    const until = new Date(q.now.getTime() + q.dueWithinDays * 86_400_000);
    query = query.where('status', '=', 'open').where('deadline', '>=', q.now).where('deadline', '<=', until);
  }
  if (q.hasOpenConflict !== undefined) {
    query = query.where('open_conflicts', q.hasOpenConflict ? '>' : '=', 0);
  }
  if (q.search) {
    // search_text is kept folded (no accents, lower case); a trigram index serves the substring match.
    query = query.where('search_text', 'like', `%${escapeLike(searchable(q.search))}%`);
  }
  return query;
};

const ordered = (query: Query, q: CaseloadQuery): Query => {
  switch (q.orderBy) {
    case 'urgency':
      return query
        .orderBy(urgencyTier(q.now))
        .orderBy(sql`deadline ASC NULLS LAST`)
        .orderBy('open_conflicts', 'desc')
        .orderBy('refused_records', 'desc')
        .orderBy('last_activity_at', 'desc');
    case 'deadline':
      return query.orderBy(sql`deadline ASC NULLS LAST`);
    case 'last_activity':
      return query.orderBy('last_activity_at', 'desc');
    case 'opened':
      return query.orderBy('opened_at', 'desc');
    default: {
      const unexpected: never = q.orderBy;
      return unexpected;
    }
  }
};

/** The caseload: filters and orderings a case manager works with, paged. */
@Injectable()
export class CaseloadRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  async find(q: CaseloadQuery): Promise<{ rows: CaseSummaryRow[]; totalCount: number; hasNextPage: boolean }> {
    const base = filtered(this.db.selectFrom('case_summaries'), q);
    const [rows, total] = await Promise.all([
      ordered(base.selectAll(), q)
        .orderBy('case_id')
        .offset(q.offset)
        .limit(q.first + 1)
        .execute() as Promise<CaseSummaryRow[]>,
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow() as Promise<{ n: string }>,
    ]);
    return { rows: rows.slice(0, q.first), totalCount: Number(total.n), hasNextPage: rows.length > q.first };
  }
}
