import { Badge } from '@mantine/core';
import type { DeadlineState } from '../../../gql/graphql';
import { daysLeftText } from '../dates';

const colour: Record<DeadlineState, string> = { OVERDUE: 'red', DUE_TODAY: 'orange', UPCOMING: 'gray' };

/** The countdown in words ("2 days overdue"); the colour only repeats what the words say. */
export const DeadlineBadge = ({
  daysLeft,
  deadlineState,
}: {
  daysLeft: number | null | undefined;
  deadlineState: DeadlineState | null | undefined;
}) => {
  const text = daysLeftText(daysLeft);
  if (!text || !deadlineState) {
    return null;
  }
  const soon = deadlineState === 'UPCOMING' && (daysLeft ?? 99) <= 7;
  return (
    <Badge
      variant={deadlineState === 'OVERDUE' ? 'filled' : 'light'}
      color={soon ? 'yellow' : colour[deadlineState]}
      tt="none"
      style={{ overflow: 'visible' }}
    >
      {text}
    </Badge>
  );
};
