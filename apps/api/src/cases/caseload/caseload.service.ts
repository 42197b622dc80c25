import { Inject, Injectable } from '@nestjs/common';
import type { CaseWarning as DomainWarning } from '@sot/domain';
import type { AuthenticatedUser } from '../../auth';
import { APP_CONFIG, AppError } from '../../platform';
import type { AppConfig } from '../../platform';
import type { OutstandingRecordDue } from '../../projections';
import { CaseReadAccess } from '../access';
import { deadlineView, warningView } from '../case-detail';
import { CaseloadRepository, LISTED } from './caseload.repository';
import type { CaseloadQuery, CaseloadRow, ListedColumn } from './caseload.repository';
import type {
  CaseConnection,
  CaseFilter,
  CaseloadCounts,
  CaseloadCountsArgs,
  CaseSummary,
  CasesArgs,
} from './caseload.types';

/** URGENCY pages by the row's key (stable while cases change); the other orders by position. */
const encodeCursor = (row: CaseloadRow, offset: number, orderBy: CaseloadQuery['orderBy']): string =>
  Buffer.from(orderBy === 'urgency' ? `key:${row.urgency_key}` : `offset:${offset}`).toString('base64url');
const decodeCursor = (cursor: string): { offset: number } | { afterKey: string } => {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = /^offset:(\d{1,9})$/.exec(text);
  if (offset) {
    return { offset: Number(offset[1]) + 1 };
  }
  const key = /^key:([\w|:.~-]{1,200})$/.exec(text);
  if (key) {
    return { afterKey: key[1]!, offset: 0 };
  }
  throw new AppError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
};

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/**
 * An empty manager id names nobody: the kept counts file the unassigned cases under '', so it must
 * not reach them (a supervisor would be told of cases a list of that "manager" never shows).
 */
const assertManagerNamed = (caseManagerId: string | null | undefined, field: string): void => {
  if (typeof caseManagerId === 'string' && caseManagerId.trim() === '') {
    throw new AppError('BAD_USER_INPUT', `${field} must name a case manager (or be left out)`, { field });
  }
};

const validate = (user: AuthenticatedUser, args: CasesArgs, filter: CaseFilter): void => {
  assertManagerNamed(filter.caseManagerId, 'filter.caseManagerId');
  if (args.first < 1 || args.first > 200) {
    throw new AppError('BAD_USER_INPUT', 'first must be between 1 and 200', { field: 'first' });
  }
  if (user.role === 'CASE_MANAGER' && filter.caseManagerId !== undefined && filter.caseManagerId !== user.id) {
    throw new AppError('FORBIDDEN', 'A case manager sees only their own caseload');
  }
  if (filter.dueWithinDays !== undefined && (filter.dueWithinDays < 0 || filter.dueWithinDays > 3650)) {
    throw new AppError('BAD_USER_INPUT', 'dueWithinDays must be between 0 and 3650', {
      field: 'filter.dueWithinDays',
    });
  }
};

/** A case manager's caseload is always their own, whatever the filter says. */
const toQuery = (user: AuthenticatedUser, args: CasesArgs, filter: CaseFilter, now: Date): CaseloadQuery => {
  const caseManagerId = user.role === 'CASE_MANAGER' ? user.id : (filter.caseManagerId ?? undefined);
  return {
    first: args.first,
    ...(args.after ? { offset: 0, ...decodeCursor(args.after) } : { offset: 0 }),
    orderBy: args.orderBy,
    now,
    ...(filter.status ? { status: filter.status } : {}),
    ...(caseManagerId !== undefined ? { caseManagerId } : {}),
    ...(given(filter.overdue) ? { overdue: filter.overdue } : {}),
    ...(given(filter.dueWithinDays) ? { dueWithinDays: filter.dueWithinDays } : {}),
    ...(given(filter.hasOpenConflict) ? { hasOpenConflict: filter.hasOpenConflict } : {}),
    ...(given(filter.waitingOnRecords) ? { waitingOnRecords: filter.waitingOnRecords } : {}),
    ...(given(filter.waitingOnOpinions) ? { waitingOnOpinions: filter.waitingOnOpinions } : {}),
    ...(filter.search ? { search: filter.search.slice(0, 200) } : {}),
  };
};

/** Outstanding record items past their due date, by request. */
const overdueItems = (due: readonly OutstandingRecordDue[], now: Date): Map<string, string[]> => {
  const overdue = new Map<string, string[]>();
  for (const { requestId, itemId, dueBy } of due) {
    if (new Date(dueBy) < now) {
      overdue.set(requestId, [...(overdue.get(requestId) ?? []), itemId]);
    }
  }
  return overdue;
};

/** Stored warnings are as of the last event; since then a deadline or a record's due date may have passed. */
const liveWarnings = (row: CaseloadRow, now: Date): DomainWarning[] => {
  const stored = (row.warnings as DomainWarning[]).filter(
    (warning) => warning.code !== 'DEADLINE_PASSED' && warning.code !== 'RECORDS_OVERDUE',
  );
  if (row.status !== 'open' && row.status !== 'decided') {
    return stored;
  }
  const deadline = row.deadline ? new Date(row.deadline) : undefined;
  const passed: DomainWarning[] =
    row.status === 'open' && deadline && deadline < now
      ? [{ code: 'DEADLINE_PASSED', deadline: deadline.toISOString() }]
      : [];
  const overdue = [...overdueItems(row.outstanding_record_due, now)].map(([requestId, itemIds]): DomainWarning => ({
    code: 'RECORDS_OVERDUE',
    requestId,
    itemIds,
  }));
  return [...stored, ...overdue, ...passed];
};

/**
 * A caseload row as the schema shows it, each field worked out from the row only when the query
 * asks for it: a page of 50 rows builds 50 of these and reads nothing it does not show.
 */
class SummaryView implements CaseSummary {
  constructor(
    private readonly row: CaseloadRow,
    private readonly now: Date,
    private readonly timeZone: string,
  ) {}

  get id() {
    return this.row.case_id;
  }
  get status() {
    return this.row.status as CaseSummary['status'];
  }
  get caseManagerId() {
    return this.row.case_manager_id ?? undefined;
  }
  get patientName() {
    return this.row.patient_name;
  }
  get conditionName() {
    return this.row.condition_name;
  }
  get severity() {
    return this.row.severity as CaseSummary['severity'];
  }
  get deadline() {
    return this.row.deadline ? new Date(this.row.deadline) : undefined;
  }
  get daysLeft() {
    return this.deadlineView.daysLeft;
  }
  get deadlineState() {
    return this.deadlineView.deadlineState;
  }
  /** Worked out once, for whichever of the two fields is read first. */
  private get deadlineView() {
    const view = deadlineView(this.row.deadline, this.row.status, this.now, this.timeZone);
    Object.defineProperty(this, 'deadlineView', { value: view });
    return view;
  }
  get outstandingRecords() {
    return this.row.outstanding_records;
  }
  get refusedRecords() {
    return this.row.refused_records;
  }
  get overdueRecords() {
    return this.row.outstanding_record_due.filter((due) => new Date(due.dueBy) < this.now).length;
  }
  get pendingOpinions() {
    return this.row.pending_opinions;
  }
  get openConflicts() {
    return this.row.open_conflicts;
  }
  get warnings() {
    return liveWarnings(this.row, this.now).map(warningView);
  }
  get openedAt() {
    return this.row.opened_at;
  }
  get lastActivityAt() {
    return this.row.last_activity_at;
  }
  get version() {
    return this.row.version;
  }
}

/** An edge of the page; its cursor is encoded only when asked for. */
class EdgeView {
  constructor(
    readonly node: SummaryView,
    private readonly row: CaseloadRow,
    private readonly offset: number,
    private readonly orderBy: CaseloadQuery['orderBy'],
  ) {}

  get cursor() {
    return encodeCursor(this.row, this.offset, this.orderBy);
  }
}

/** What every row reads: its id, its status (deadlines and warnings depend on it), its cursor. */
const ALWAYS: readonly ListedColumn[] = ['case_id', 'status', 'urgency_key'];
/** The columns each field of a caseload row is made of: every field is here, or this does not compile. */
const COLUMNS_OF: { readonly [Field in keyof CaseSummary]-?: readonly ListedColumn[] } = {
  id: [],
  status: [],
  caseManagerId: ['case_manager_id'],
  patientName: ['patient_name'],
  conditionName: ['condition_name'],
  severity: ['severity'],
  deadline: ['deadline'],
  daysLeft: ['deadline'],
  deadlineState: ['deadline'],
  outstandingRecords: ['outstanding_records'],
  refusedRecords: ['refused_records'],
  overdueRecords: ['outstanding_record_due'],
  pendingOpinions: ['pending_opinions'],
  openConflicts: ['open_conflicts'],
  warnings: ['warnings', 'outstanding_record_due', 'deadline'],
  openedAt: ['opened_at'],
  lastActivityAt: ['last_activity_at'],
  version: ['version'],
};

/**
 * The columns a page must read to show these fields of its rows: a caseload page that shows names,
 * deadlines and counts reads and parses no warnings, due dates or timestamps. Every column when
 * the fields are not known.
 */
export const columnsFor = (fields: ReadonlySet<string> | undefined): readonly ListedColumn[] => {
  if (fields === undefined) {
    return LISTED;
  }
  const columns = new Set(ALWAYS);
  for (const field of fields) {
    for (const column of COLUMNS_OF[field as keyof CaseSummary] ?? []) {
      columns.add(column);
    }
  }
  return [...columns];
};

@Injectable()
export class CaseloadService {
  constructor(
    private readonly caseload: CaseloadRepository,
    private readonly access: CaseReadAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `fields`: the row fields the query shows (all when not given); only their columns are read. */
  async list(user: AuthenticatedUser, args: CasesArgs, fields?: ReadonlySet<string>): Promise<CaseConnection> {
    const filter = args.filter ?? {};
    validate(user, args, filter);
    const now = new Date();
    const query = toQuery(user, args, filter, now);
    const page = await this.caseload.find(query, columnsFor(fields));
    if (page.rows.length > 0) {
      // The caseload names patients: a read of their data like any other.
      await this.access.record(
        user,
        'cases',
        page.rows.map((row) => row.case_id),
      );
    }
    const edges = page.rows.map(
      (row, index) =>
        new EdgeView(new SummaryView(row, now, this.config.TIME_ZONE), row, query.offset + index, query.orderBy),
    );
    return {
      edges,
      totalCount: page.total.count,
      totalCountIsExact: page.total.exact,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor },
    };
  }

  /** Counts only: no patient is named, so nothing is read that the access log must record. */
  counts(user: AuthenticatedUser, args: CaseloadCountsArgs): Promise<CaseloadCounts> {
    assertManagerNamed(args.caseManagerId, 'caseManagerId');
    if (user.role === 'CASE_MANAGER' && given(args.caseManagerId) && args.caseManagerId !== user.id) {
      throw new AppError('FORBIDDEN', 'A case manager sees only their own caseload');
    }
    const caseManagerId = user.role === 'CASE_MANAGER' ? user.id : (args.caseManagerId ?? undefined);
    return this.caseload.counts({
      now: new Date(),
      ...(caseManagerId !== undefined ? { caseManagerId } : {}),
      ...(args.search ? { search: args.search.slice(0, 200) } : {}),
    });
  }
}
