import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { AliasedSelectQueryBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { READ_DB } from '../../projections';
import type { CaseSummaryRow, ReadModelTables } from '../../projections';
import { searchable } from '../../projections';
import type { CaseOrder } from './caseload.types';
import { SEARCH_COUNT_LIMIT } from './search-count';

export type CaseloadQuery = {
  readonly first: number;
  readonly offset: number;
  /** URGENCY pages by key: the rows after this urgency_key (the last row of the page before). */
  readonly afterKey?: string;
  readonly orderBy: CaseOrder;
  readonly now: Date;
  readonly status?: readonly string[];
  readonly caseManagerId?: string;
  readonly overdue?: boolean;
  readonly dueWithinDays?: number;
  readonly hasOpenConflict?: boolean;
  readonly waitingOnRecords?: boolean;
  readonly waitingOnOpinions?: boolean;
  readonly search?: string;
};

export type CountsQuery = Pick<CaseloadQuery, 'now' | 'caseManagerId' | 'search'>;

export type CaseloadCountsRow = {
  all: number;
  overdue: number;
  dueWithinWeek: number;
  openConflicts: number;
  waitingOnRecords: number;
  waitingOnOpinions: number;
  /** False when a search's matches were counted only up to SEARCH_COUNT_LIMIT + 1. */
  exact: boolean;
};

type Query = SelectQueryBuilder<ReadModelTables, 'case_summaries', object>;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const daysAfter = (now: Date, days: number): Date => new Date(now.getTime() + days * 86_400_000);
/** The "due within" view the dashboard counts. */
const DUE_SOON_DAYS = 7;

/** What each saved view of the dashboard means, once: the list filters and the counts both use it. */
const views = {
  overdue: (now: Date) => sql<boolean>`(status = 'open' AND deadline IS NOT NULL AND deadline < ${now})`,
  dueWithin: (now: Date, days: number) =>
    sql<boolean>`(status = 'open' AND deadline >= ${now} AND deadline <= ${daysAfter(now, days)})`,
  openConflict: () => sql<boolean>`(open_conflicts > 0)`,
  waitingOnRecords: () => sql<boolean>`(status = 'open' AND outstanding_records > 0)`,
  waitingOnOpinions: () => sql<boolean>`(status = 'open' AND pending_opinions > 0)`,
};

const countOf = (condition: ReturnType<typeof sql<boolean>>) => sql<string>`count(*) FILTER (WHERE ${condition})`;

const either = (wanted: boolean, condition: ReturnType<typeof sql<boolean>>) =>
  wanted ? condition : sql<boolean>`NOT ${condition}`;

const scoped = (base: Query, q: Pick<CaseloadQuery, 'caseManagerId' | 'search'>): Query => {
  let query = base;
  if (q.caseManagerId !== undefined) {
    query = query.where('case_manager_id', '=', q.caseManagerId);
  }
  if (q.search) {
    // search_text is kept folded (no accents, lower case); a trigram index serves the substring match.
    query = query.where('search_text', 'like', `%${escapeLike(searchable(q.search))}%`);
  }
  return query;
};

const filtered = (base: Query, q: CaseloadQuery): Query => {
  let query = scoped(base, q);
  if (q.status?.length) {
    query = query.where('status', 'in', [...q.status]);
  }
  if (q.overdue !== undefined) {
    query = query.where(either(q.overdue, views.overdue(q.now)));
  }
  if (q.dueWithinDays !== undefined) {
    query = query.where(views.dueWithin(q.now, q.dueWithinDays));
  }
  if (q.hasOpenConflict !== undefined) {
    query = query.where(either(q.hasOpenConflict, views.openConflict()));
  }
  if (q.waitingOnRecords !== undefined) {
    query = query.where(either(q.waitingOnRecords, views.waitingOnRecords()));
  }
  if (q.waitingOnOpinions !== undefined) {
    query = query.where(either(q.waitingOnOpinions, views.waitingOnOpinions()));
  }
  return query;
};

const ordered = (query: Query, q: CaseloadQuery): Query => {
  switch (q.orderBy) {
    case 'urgency':
      // Kept by the projection (see urgencyKey): an index walk, no sort; the key ends with the case id.
      return (q.afterKey === undefined ? query : query.where('urgency_key', '>', q.afterKey)).orderBy('urgency_key');
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

/** What a caseload row shows (and its cursor needs): not the search text nor the statistics' columns. */
export const LISTED = [
  'case_id',
  'status',
  'case_manager_id',
  'patient_name',
  'condition_name',
  'severity',
  'deadline',
  'opened_at',
  'last_activity_at',
  'outstanding_records',
  'refused_records',
  'outstanding_record_due',
  'pending_opinions',
  'open_conflicts',
  'warnings',
  'urgency_key',
  'version',
] as const satisfies readonly (keyof CaseSummaryRow)[];
export type ListedColumn = (typeof LISTED)[number];
/** A caseload row; a page read for some fields only holds their columns (see columnsFor). */
export type CaseloadRow = Pick<CaseSummaryRow, ListedColumn>;

export type CaseloadTotal = { readonly count: number; readonly exact: boolean };

/** A search's count of more than SEARCH_COUNT_LIMIT: counted no further. */
const searchTotalOf = (count: number): CaseloadTotal =>
  count > SEARCH_COUNT_LIMIT ? { count: SEARCH_COUNT_LIMIT, exact: false } : { count, exact: true };

/** Whether the query's total is among the counts the projection keeps (by manager and status). */
const countable = (q: CaseloadQuery): boolean =>
  q.search === undefined &&
  q.overdue === undefined &&
  q.dueWithinDays === undefined &&
  q.hasOpenConflict === undefined &&
  q.waitingOnRecords === undefined &&
  q.waitingOnOpinions === undefined;

/** The caseload: filters and orderings a case manager works with, paged. */
@Injectable()
export class CaseloadRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  async find(
    q: CaseloadQuery,
    columns: readonly ListedColumn[] = LISTED,
  ): Promise<{ rows: CaseloadRow[]; total: CaseloadTotal; hasNextPage: boolean }> {
    const base = filtered(this.db.selectFrom('case_summaries'), q);
    const firstPage = q.afterKey === undefined && q.offset === 0;
    const bounded = countable(q) || q.search !== undefined;
    if (bounded) {
      // The total comes with the page (one round trip): from the counts the projection keeps, or
      // a search's matches counted up to its limit. A page past the last row asks for it alone.
      const counting = () => (countable(q) ? this.keptTotal(q) : this.searchTotal(base));
      const withTotal = counting().as('total_count');
      const rows =
        q.search !== undefined && q.orderBy === 'urgency'
          ? await this.searchPage(base, q, columns, withTotal)
          : await this.page<CaseloadRow & { total_count: string }>(base.select(columns).select(withTotal), q);
      const count = rows[0]
        ? Number(rows[0].total_count)
        : firstPage
          ? 0
          : Number((await counting().executeTakeFirstOrThrow()).n);
      const total = countable(q) ? { count, exact: true } : searchTotalOf(count);
      return { rows: rows.slice(0, q.first), total, hasNextPage: rows.length > q.first };
    }
    const page = this.page<CaseloadRow>(base.select(columns), q);
    if (firstPage) {
      // A first page that is not full holds every match: a filter it holds whole counts nothing.
      const rows = await page;
      const total = rows.length <= q.first ? { count: rows.length, exact: true } : await this.total(base);
      return { rows: rows.slice(0, q.first), total, hasNextPage: rows.length > q.first };
    }
    const [rows, total] = await Promise.all([page, this.total(base)]);
    return { rows: rows.slice(0, q.first), total, hasNextPage: rows.length > q.first };
  }

  /**
   * A search's page in urgency order, in two steps: which cases, found by walking the urgency index
   * and matching the search text it holds (no table row read for a case that does not match), then
   * those cases' rows.
   */
  private searchPage(
    base: Query,
    q: CaseloadQuery,
    columns: readonly ListedColumn[],
    total: AliasedSelectQueryBuilder<{ n: string }, 'total_count'>,
  ): Promise<(CaseloadRow & { total_count: string })[]> {
    const chosen = this.pageQuery(base.select('case_id'), q) as unknown as SelectQueryBuilder<
      ReadModelTables,
      'case_summaries',
      { case_id: string }
    >;
    return this.db
      .selectFrom('case_summaries')
      .select(columns)
      .select(total)
      .where('case_id', 'in', chosen)
      .orderBy('urgency_key')
      .execute() as Promise<(CaseloadRow & { total_count: string })[]>;
  }

  /** One more row than the page holds: whether there is a next page. */
  private page<Row>(listed: Query, q: CaseloadQuery): Promise<Row[]> {
    return this.pageQuery(listed, q).execute() as Promise<Row[]>;
  }

  private pageQuery(listed: Query, q: CaseloadQuery): Query {
    // The urgency key ends with the case id already: a tie-breaker there would add a sort.
    const sorted = q.orderBy === 'urgency' ? ordered(listed, q) : ordered(listed, q).orderBy('case_id');
    return sorted.offset(q.afterKey === undefined ? q.offset : 0).limit(q.first + 1);
  }

  /**
   * The caseload's total scoped by manager and status alone (the caseload as it opens), from the
   * counts the projection keeps: no scan, however many cases there are.
   */
  private keptTotal(q: CaseloadQuery) {
    let counts = this.db.selectFrom('caseload_counts').select(sql<string>`coalesce(sum(cases), 0)`.as('n'));
    if (q.caseManagerId !== undefined) {
      counts = counts.where('case_manager_id', '=', q.caseManagerId);
    }
    if (q.status?.length) {
      counts = counts.where('status', 'in', [...q.status]);
    }
    return counts;
  }

  /** A search's matches, counted up to one more than SEARCH_COUNT_LIMIT (see searchTotalOf). */
  private searchTotal(base: Query) {
    const matches = base.select(sql<number>`1`.as('one')).limit(SEARCH_COUNT_LIMIT + 1);
    return this.db.selectFrom(matches.as('matches')).select((eb) => eb.fn.countAll<string>().as('n'));
  }

  /** How many cases a filter the projection keeps no count of matches in all. */
  private async total(base: Query): Promise<CaseloadTotal> {
    const row = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { count: Number(row.n), exact: true };
  }

  /**
   * How many cases each saved view holds. The caseload as it opens (no search) costs no scan: its
   * total and the views kept by the projection come from caseload_counts, and the deadline views
   * (which move with the clock) from an index of the open cases' deadlines, up to a week ahead. A
   * search counts in one pass over its first SEARCH_COUNT_LIMIT + 1 matches at most: beyond, the
   * counts are not exact.
   */
  async counts(q: CountsQuery): Promise<CaseloadCountsRow> {
    return q.search === undefined ? this.keptCounts(q) : this.searchCounts(q);
  }

  private async keptCounts(q: CountsQuery): Promise<CaseloadCountsRow> {
    const { now, caseManagerId } = q;
    let kept = this.db
      .selectFrom('caseload_counts')
      .select([
        sql<string>`coalesce(sum(cases), 0)`.as('all'),
        sql<string>`coalesce(sum(with_open_conflicts), 0)`.as('openConflicts'),
        sql<string>`coalesce(sum(waiting_on_records) FILTER (WHERE status = 'open'), 0)`.as('waitingOnRecords'),
        sql<string>`coalesce(sum(waiting_on_opinions) FILTER (WHERE status = 'open'), 0)`.as('waitingOnOpinions'),
      ]);
    // views.overdue and views.dueWithin over the open cases due within the view's days (the partial
    // index's range), written with the index's own columns alone: so the count stays index-only.
    let deadlines = this.db
      .selectFrom('case_summaries')
      .select([
        countOf(sql<boolean>`deadline < ${now}`).as('overdue'),
        countOf(sql<boolean>`deadline >= ${now}`).as('dueWithinWeek'),
      ])
      .where('status', '=', 'open')
      .where('deadline', '<=', daysAfter(now, DUE_SOON_DAYS));
    if (caseManagerId !== undefined) {
      kept = kept.where('case_manager_id', '=', caseManagerId);
      deadlines = deadlines.where('case_manager_id', '=', caseManagerId);
    }
    // One statement: every figure from the same snapshot, as one scan used to give them.
    const row = await this.db
      .selectFrom([kept.as('kept'), deadlines.as('deadlines')])
      .selectAll()
      .executeTakeFirstOrThrow();
    return {
      all: Number(row.all),
      overdue: Number(row.overdue),
      dueWithinWeek: Number(row.dueWithinWeek),
      openConflicts: Number(row.openConflicts),
      waitingOnRecords: Number(row.waitingOnRecords),
      waitingOnOpinions: Number(row.waitingOnOpinions),
      exact: true,
    };
  }

  private async searchCounts(q: CountsQuery): Promise<CaseloadCountsRow> {
    const matches = scoped(this.db.selectFrom('case_summaries'), q)
      .selectAll()
      .limit(SEARCH_COUNT_LIMIT + 1)
      .as('case_summaries');
    const row = await (this.db.selectFrom(matches) as Query)
      .select((eb) => [
        eb.fn.countAll<string>().as('all'),
        countOf(views.overdue(q.now)).as('overdue'),
        countOf(views.dueWithin(q.now, DUE_SOON_DAYS)).as('dueWithinWeek'),
        countOf(views.openConflict()).as('openConflicts'),
        countOf(views.waitingOnRecords()).as('waitingOnRecords'),
        countOf(views.waitingOnOpinions()).as('waitingOnOpinions'),
      ])
      .executeTakeFirstOrThrow();
    const counts = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Omit<
      CaseloadCountsRow,
      'exact'
    >;
    const total = searchTotalOf(counts.all);
    if (total.exact) {
      return { ...counts, exact: true };
    }
    // Counted among the first matches only: no view holds more than the cases counted.
    const clamp = (n: number) => Math.min(n, total.count);
    return {
      all: total.count,
      overdue: clamp(counts.overdue),
      dueWithinWeek: clamp(counts.dueWithinWeek),
      openConflicts: clamp(counts.openConflicts),
      waitingOnRecords: clamp(counts.waitingOnRecords),
      waitingOnOpinions: clamp(counts.waitingOnOpinions),
      exact: false,
    };
  }
}
