import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useCoalescedRefetch } from '../../shared/hooks/useCoalescedRefetch';
import { CaseloadChangedSubscription } from '../graphql/caseload';

/**
 * Changes to the caseload as they happen: refetches (at most once a second) without touching the
 * page, the view or the focus, and remembers which cases changed so the table can show them.
 */
export const useLiveCaseload = (refetch: () => Promise<unknown>) => {
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const since = useRef(new Set<string>());
  const refresh = useCoalescedRefetch(refetch);
  useEffect(() => () => clearTimeout(pending.current), []);

  useSubscription(CaseloadChangedSubscription, {
    onData: ({ data }) => {
      const update = data.data?.caseloadChanged;
      if (!update) {
        return;
      }
      setChanged((current) => new Set(current).add(update.caseId));
      since.current.add(update.caseId);
      if (pending.current === undefined) {
        pending.current = setTimeout(() => {
          pending.current = undefined;
          refresh();
          const count = since.current.size;
          since.current = new Set();
          setAnnouncement(`Caseload updated: ${count === 1 ? 'a case' : `${count} cases`} changed`);
        }, 1000);
      }
    },
  });
  return { changed, announcement, clearChanged: () => setChanged(new Set()) };
};
