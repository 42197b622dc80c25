import type { CaseFilter, CaseloadCountsQuery } from '../../gql/graphql';

export type ViewId = 'all' | 'overdue' | 'due-soon' | 'conflicts' | 'records' | 'opinions';
type CountKey = Exclude<keyof CaseloadCountsQuery['caseloadCounts'], '__typename' | 'exact'>;

export type CaseloadView = { id: ViewId; label: string; filter: CaseFilter; count: CountKey };

/** The saved views, in the order of the tabs; each is a filter the api also counts. */
export const caseloadViews: readonly CaseloadView[] = [
  { id: 'all', label: 'All cases', filter: {}, count: 'all' },
  { id: 'overdue', label: 'Overdue', filter: { overdue: true }, count: 'overdue' },
  { id: 'due-soon', label: 'Due within 7 days', filter: { dueWithinDays: 7 }, count: 'dueWithinWeek' },
  { id: 'conflicts', label: 'Open conflicts', filter: { hasOpenConflict: true }, count: 'openConflicts' },
  { id: 'records', label: 'Waiting on records', filter: { waitingOnRecords: true }, count: 'waitingOnRecords' },
  { id: 'opinions', label: 'Waiting on opinions', filter: { waitingOnOpinions: true }, count: 'waitingOnOpinions' },
];

export const viewById = (id: string | null): CaseloadView =>
  caseloadViews.find((view) => view.id === id) ?? caseloadViews[0]!;

/** Where the caseload stands, all of it in the URL: a view can be bookmarked and shared. */
export type CaseloadLocation = {
  view: CaseloadView;
  search: string;
  /** Supervisors and auditors: one manager's caseload, or everyone's when absent. */
  manager: string | undefined;
  after: string | undefined;
};

export const readLocation = (params: URLSearchParams): CaseloadLocation => ({
  view: viewById(params.get('view')),
  search: params.get('q') ?? '',
  manager: params.get('manager') ?? undefined,
  after: params.get('after') ?? undefined,
});

export const writeLocation = (location: Omit<CaseloadLocation, 'view'> & { view: ViewId }): URLSearchParams => {
  const params = new URLSearchParams();
  if (location.view !== 'all') {
    params.set('view', location.view);
  }
  if (location.search) {
    params.set('q', location.search);
  }
  if (location.manager) {
    params.set('manager', location.manager);
  }
  if (location.after) {
    params.set('after', location.after);
  }
  return params;
};

export const filterFor = (location: CaseloadLocation): CaseFilter => ({
  ...location.view.filter,
  ...(location.search ? { search: location.search } : {}),
  ...(location.manager ? { caseManagerId: location.manager } : {}),
});

/**
 * Which cases the page shows, of how many: "Cases 51–100 of 3,327". A search too broad to count
 * in full says so ("of more than 1,000"): the api counts its matches no further.
 */
export const pageRange = (firstIndex: number, shown: number, total: number, exact: boolean): string => {
  if (shown === 0) {
    return 'No cases';
  }
  const count = (n: number) => n.toLocaleString('en');
  const of = exact ? count(total) : `more than ${count(total)}`;
  return `Cases ${count(firstIndex + 1)}–${count(firstIndex + shown)} of ${of}`;
};

/**
 * A saved view's count on its tab. A search too broad to count in full (the api stops at 1,000
 * matches) shows "1,000+" on All cases and no number on the others: they were not counted in full.
 */
export const viewCount = (
  counts: CaseloadCountsQuery['caseloadCounts'] | undefined,
  view: Pick<CaseloadView, 'count'>,
): string => {
  if (!counts) {
    return '';
  }
  if (counts.exact) {
    return counts[view.count].toLocaleString('en');
  }
  return view.count === 'all' ? `${counts.all.toLocaleString('en')}+` : '';
};
