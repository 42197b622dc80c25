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
const computeCalendarDay = (instant: Date, timeZone: string): number => {
  let [year, month, day] = [0, 0, 0];
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) {
    if (type === 'year') {
      year = Number(value);
    } else if (type === 'month') {
      month = Number(value);
    } else if (type === 'day') {
      day = Number(value);
    }
  }
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/**
 * Calendar days of the instants seen lately (a pure function of the instant and the zone; the
 * caseload's deadlines are asked for again on every page): formatting one is most of a row's cost.
 */
const DAYS_REMEMBERED = 10_000;
const days = new Map<string, number>();
const calendarDay = (instant: Date, timeZone: string): number => {
  const key = `${timeZone}|${instant.getTime()}`;
  let day = days.get(key);
  if (day === undefined) {
    if (days.size >= DAYS_REMEMBERED) {
      days.clear();
    }
    day = computeCalendarDay(instant, timeZone);
    days.set(key, day);
  }
  return day;
};

/** Today, remembered for the instant last asked: a page of 50 deadlines asks it 50 times for one `now`. */
let today = { at: Number.NaN, timeZone: '', day: 0 };
const calendarToday = (now: Date, timeZone: string): number => {
  if (today.at !== now.getTime() || today.timeZone !== timeZone) {
    today = { at: now.getTime(), timeZone, day: computeCalendarDay(now, timeZone) };
  }
  return today.day;
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
  const daysLeft = calendarDay(due, timeZone) - calendarToday(now, timeZone);
  const deadlineState: DeadlineState = due < now ? 'overdue' : daysLeft === 0 ? 'due_today' : 'upcoming';
  return { daysLeft, deadlineState };
};
