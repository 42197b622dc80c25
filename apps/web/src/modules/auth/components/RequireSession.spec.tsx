import { MantineProvider } from '@mantine/core';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { aSession, caseManager } from '../../../../test/render';
import { theme } from '../../../platform/theme';
import { storeSession } from '../hooks/session';
import { SessionProvider } from '../hooks/useSession';
import { RequireSession } from './RequireSession';
import { SignInPage, safeNext } from './SignInPage';

const Where = () => {
  const location = useLocation();
  return <p>At {`${location.pathname}${location.search}`}</p>;
};

const showCasePage = () =>
  render(
    <MantineProvider theme={theme}>
      <MemoryRouter initialEntries={['/cases/abc?asOf=3']}>
        <SessionProvider>
          <MockedProvider mocks={[]}>
            <Routes>
              <Route
                path="/sign-in"
                element={
                  <>
                    <SignInPage />
                    <Where />
                  </>
                }
              />
              <Route element={<RequireSession />}>
                <Route path="/cases/:id" element={<p>The case page</p>} />
              </Route>
            </Routes>
          </MockedProvider>
        </SessionProvider>
      </MemoryRouter>
    </MantineProvider>,
  );

/** The api's answer to refreshSession, as fetch gives it. */
const answering = (body: unknown) => jest.fn(() => Promise.resolve({ json: () => Promise.resolve(body) } as Response));

/** Lets timers fire and the answers they wait for arrive. */
const wait = async (ms: number) => {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
};

describe('a session', () => {
  const realFetch = global.fetch;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    global.fetch = realFetch;
  });

  it('renews its access token a minute before it expires, and the page stays', async () => {
    storeSession(aSession(caseManager, 120_000, 'first-refresh'));
    const renewed = aSession(caseManager, 15 * 60_000, 'second-refresh');
    global.fetch = answering({ data: { refreshSession: { ...renewed, token: 'renewed-token' } } });
    showCasePage();
    await wait(59_000);
    expect(global.fetch).not.toHaveBeenCalled();
    await wait(2_000);
    expect(global.fetch).toHaveBeenCalledTimes(1);
    const [, init] = (global.fetch as jest.Mock<Promise<Response>, [string, RequestInit]>).mock.calls[0]!;
    expect(JSON.parse(init.body as string)).toMatchObject({
      variables: { refreshToken: 'first-refresh' },
    });
    expect(screen.getByText('The case page')).toBeInTheDocument();
    expect(JSON.parse(sessionStorage.getItem('sot.session')!)).toMatchObject({
      token: 'renewed-token',
      refreshToken: 'second-refresh',
    });
  });

  it('returns to sign-in when the api says the sign-in is over, saying so, and keeps the page to come back to', async () => {
    storeSession(aSession(caseManager, 60_000));
    global.fetch = answering({ errors: [{ message: 'ended', extensions: { code: 'UNAUTHENTICATED' } }] });
    showCasePage();
    expect(screen.getByText('The case page')).toBeInTheDocument();
    await wait(1_000);
    expect(screen.getByText('Your session has ended')).toBeInTheDocument();
    expect(screen.getByText(`At /sign-in?next=${encodeURIComponent('/cases/abc?asOf=3')}`)).toBeInTheDocument();
    expect(sessionStorage.getItem('sot.session')).toBeNull();
  });

  it('keeps trying while the api is unreachable, and ends when the access token runs out', async () => {
    storeSession(aSession(caseManager, 60_000));
    global.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    showCasePage();
    await wait(30_000);
    expect(screen.getByText('The case page')).toBeInTheDocument();
    expect((global.fetch as jest.Mock).mock.calls.length).toBeGreaterThan(3);
    await wait(31_000);
    expect(screen.getByText('Your session has ended')).toBeInTheDocument();
  });

  it('follows only paths of the dashboard after sign-in, never another site', () => {
    expect(safeNext('/cases/abc?asOf=3')).toBe('/cases/abc?asOf=3');
    for (const elsewhere of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', null]) {
      expect(safeNext(elsewhere)).toBe('/');
    }
  });
});
