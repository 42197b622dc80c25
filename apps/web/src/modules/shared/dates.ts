const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatDate = (iso: string | null | undefined): string => (iso ? dateFormat.format(new Date(iso)) : '—');
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTimeFormat.format(new Date(iso)) : '—';

/** "3 days left", "due today", "2 days overdue": days as the api counts them, in the clinic's calendar. */
export const daysLeftText = (daysLeft: number | null | undefined): string | undefined => {
  if (daysLeft === null || daysLeft === undefined) {
    return undefined;
  }
  if (daysLeft === 0) {
    return 'due today';
  }
  const days = Math.abs(daysLeft);
  const unit = days === 1 ? 'day' : 'days';
  return daysLeft > 0 ? `${days} ${unit} left` : `${days} ${unit} overdue`;
};

/** Whole days between two instants, for "open for" and "elapsed" figures. */
export const daysBetween = (from: string, to: string | Date): number =>
  Math.floor(((typeof to === 'string' ? Date.parse(to) : to.getTime()) - Date.parse(from)) / 86_400_000);
