import { deadlineView } from './deadline';

const at = (iso: string) => new Date(iso);

describe('a deadline as a person reads it', () => {
  const now = at('2026-03-10T10:00:00Z');

  it('counts whole calendar days: 24 hours ahead is tomorrow, 1', () => {
    expect(deadlineView('2026-03-11T10:00:00Z', 'open', now, 'UTC')).toEqual({
      daysLeft: 1,
      deadlineState: 'upcoming',
    });
  });

  it('calls a deadline passed 4 seconds ago overdue, on day 0, not day -1', () => {
    expect(deadlineView('2026-03-10T09:59:56Z', 'open', now, 'UTC')).toEqual({ daysLeft: 0, deadlineState: 'overdue' });
  });

  it('tells due today (later today) from overdue', () => {
    expect(deadlineView('2026-03-10T17:00:00Z', 'open', now, 'UTC')).toEqual({
      daysLeft: 0,
      deadlineState: 'due_today',
    });
  });

  it('counts yesterday as -1 and last week as -7', () => {
    expect(deadlineView('2026-03-09T23:59:00Z', 'open', now, 'UTC').daysLeft).toBe(-1);
    expect(deadlineView('2026-03-03T12:00:00Z', 'open', now, 'UTC').daysLeft).toBe(-7);
  });

  it('uses the clinic’s time zone: one hour before midnight, a deadline one hour after midnight is tomorrow', () => {
    // 22:30 UTC is 23:30 in Prague (CET); the deadline is 00:30 in Prague on the next day.
    const late = at('2026-03-10T22:30:00Z');
    expect(deadlineView('2026-03-10T23:30:00Z', 'open', late, 'Europe/Prague')).toEqual({
      daysLeft: 1,
      deadlineState: 'upcoming',
    });
    // In UTC both are on the 10th: due today.
    expect(deadlineView('2026-03-10T23:30:00Z', 'open', late, 'UTC')).toEqual({
      daysLeft: 0,
      deadlineState: 'due_today',
    });
  });

  it('counts across a daylight-saving change by calendar days, not by 24-hour blocks', () => {
    // New York springs forward on 2026-03-08: 08:00 local on the 7th to 08:00 local on the 8th is 23 hours.
    expect(deadlineView('2026-03-08T12:00:00Z', 'open', at('2026-03-07T13:00:00Z'), 'America/New_York').daysLeft).toBe(
      1,
    );
  });

  it('shows nothing for a case without a deadline or no longer open', () => {
    expect(deadlineView(undefined, 'open', now, 'UTC')).toEqual({});
    expect(deadlineView('2026-03-01T00:00:00Z', 'decided', now, 'UTC')).toEqual({});
  });
});
