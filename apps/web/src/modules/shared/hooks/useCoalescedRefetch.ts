import { useCallback, useRef } from 'react';

/**
 * Refetches on each signal without missing one: Apollo answers a refetch asked while an identical
 * one is in flight with that first answer, which may predate the change just signalled (a case
 * page then never showed the conflict raised a moment after the opinion). Signals during a refetch
 * ask for one more when it ends.
 */
export const useCoalescedRefetch = (refetch: () => Promise<unknown>) => {
  const latest = useRef(refetch);
  latest.current = refetch;
  const running = useRef(false);
  const again = useRef(false);
  return useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    const run = async (): Promise<void> => {
      do {
        again.current = false;
        await latest.current().catch(() => undefined);
      } while (again.current);
      running.current = false;
    };
    void run();
  }, []);
};
