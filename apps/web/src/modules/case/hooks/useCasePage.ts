import { useQuery, useSubscription } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { useCoalescedRefetch } from '../../shared/hooks/useCoalescedRefetch';
import { CaseAsOfQuery, CaseQuery, CaseUpdatedSubscription } from '../graphql/case';

/** Events per timeline request (within the api's cost limit); more are fetched on demand. */
export const TIMELINE_PAGE = 200;

/** The case now (kept live), its timeline, and, when the scrubber is moved, the case as it stood. */
export const useCasePage = (caseId: string) => {
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && /^\d+$/.test(asOfParam) ? Number(asOfParam) : undefined;
  const current = useQuery(CaseQuery, {
    variables: { id: caseId, first: TIMELINE_PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const entries = current.data?.case.timeline.entries ?? [];
  const at = asOf === undefined ? undefined : entries.find((entry) => entry.revision === asOf)?.recordedAt;
  const past = useQuery(CaseAsOfQuery, {
    variables: { id: caseId, at: at ?? '' },
    skip: at === undefined,
    fetchPolicy: 'no-cache',
  });
  const refresh = useCoalescedRefetch(() => current.refetch());
  useSubscription(CaseUpdatedSubscription, { variables: { caseId }, onData: refresh });
  const setAsOf = (revision: number | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (revision === undefined) {
          next.delete('asOf');
        } else {
          next.set('asOf', String(revision));
        }
        return next;
      },
      { replace: true },
    );
  const pageInfo = current.data?.case.timeline.pageInfo;
  const loadMoreEvents = pageInfo?.hasNextPage
    ? () =>
        void current.fetchMore({
          variables: { after: pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => ({
            ...fetchMoreResult,
            case: {
              ...fetchMoreResult.case,
              timeline: {
                ...fetchMoreResult.case.timeline,
                entries: [...previous.case.timeline.entries, ...fetchMoreResult.case.timeline.entries],
              },
            },
          }),
        })
    : undefined;
  const reload = refresh;
  return {
    current,
    entries,
    loadMoreEvents,
    asOf,
    setAsOf,
    past: at === undefined ? undefined : past.data?.caseAsOf,
    reload,
  };
};
