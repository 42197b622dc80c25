import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { aSession, caseManager } from '../../../../test/render';
import { SignOutMutation } from '../graphql/sign-out';
import { storeSession } from './session';
import { SessionProvider, useSession } from './useSession';
import { useSignOutWhenIdle } from './useSignOut';

const Screen = () => {
  useSignOutWhenIdle();
  const { session, ended } = useSession();
  return <p>{session ? 'Signed in' : `Signed out: ${ended}`}</p>;
};

describe('an unattended dashboard', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('signs out after 15 minutes without a key press or click, ending the session on the server too', async () => {
    storeSession(aSession(caseManager, 8 * 3_600_000));
    const ended = jest.fn(() => ({ data: { signOut: true } }));
    render(
      <SessionProvider>
        <MockedProvider mocks={[{ request: { query: SignOutMutation }, result: ended }]}>
          <Screen />
        </MockedProvider>
      </SessionProvider>,
    );
    act(() => jest.advanceTimersByTime(10 * 60_000));
    fireEvent.keyDown(document, { key: 'j' });
    act(() => jest.advanceTimersByTime(10 * 60_000));
    expect(screen.getByText('Signed in')).toBeInTheDocument();
    await act(() => jest.advanceTimersByTimeAsync(6 * 60_000));
    await act(() => jest.advanceTimersByTimeAsync(1_000));
    expect(screen.getByText('Signed out: idle')).toBeInTheDocument();
    expect(ended).toHaveBeenCalled();
  });
});
