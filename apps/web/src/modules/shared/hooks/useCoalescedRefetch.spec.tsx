import { act, renderHook } from '@testing-library/react';
import { useCoalescedRefetch } from './useCoalescedRefetch';

describe('refetching on live signals', () => {
  it('refetches once more when a signal arrives while a refetch is in flight, and never twice at once', async () => {
    const answers: (() => void)[] = [];
    let inFlight = 0;
    let most = 0;
    const refetch = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          answers.push(() => {
            inFlight -= 1;
            resolve();
          });
        }),
    );
    const { result } = renderHook(() => useCoalescedRefetch(refetch));
    act(() => result.current());
    act(() => result.current()); // the conflict raised while the first refetch is on its way
    act(() => result.current());
    expect(refetch).toHaveBeenCalledTimes(1);
    await act(() => Promise.resolve(answers.shift()!()));
    expect(refetch).toHaveBeenCalledTimes(2);
    await act(() => Promise.resolve(answers.shift()!()));
    expect(refetch).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
    act(() => result.current());
    expect(refetch).toHaveBeenCalledTimes(3);
  });
});
