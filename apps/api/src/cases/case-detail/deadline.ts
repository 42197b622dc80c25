import { enumOf } from '../../graphql';

export const deadlineStates = ['overdue', 'due_today', 'upcoming'] as const;
export type DeadlineState = (typeof deadlineStates)[number];
export const DeadlineStateEnum = enumOf(
  deadlineStates,
  'DeadlineState',
  'OVERDUE once the deadline has passed (even earlier today), DUE_TODAY until then on its last day, UPCOMING before',
);

/** One formatter per time zone: making one costs far more than using it (a caseload page formats 100 dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The calendar date of an instant in a time zone, as days since 1970-01-01. */
const calendarDay = (instant: Date, timeZone: string): number => {
  const parts = formatterFor(timeZone)
    .formatToParts(instant)
    .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day) / 86_400_000;
};

export type DeadlineView = { readonly daysLeft?: number; readonly deadlineState?: DeadlineState };

/**
 * How a person reads a deadline: whole calendar days in the clinic's time zone (tomorrow is 1,
 * today 0, yesterday -1, however many hours remain), and whether it has passed, is due today or is
 * still ahead. Only an open case has a deadline running.
 */
export const deadlineView = (
  deadline: Date | string | null | undefined,
  status: string,
  now: Date,
  timeZone: string,
): DeadlineView => {
  if (!deadline || status !== 'open') {
    return {};
  }
  const due = new Date(deadline);
  const daysLeft = calendarDay(due, timeZone) - calendarDay(now, timeZone);
  const deadlineState: DeadlineState = due < now ? 'overdue' : daysLeft === 0 ? 'due_today' : 'upcoming';
  return { daysLeft, deadlineState };
};
