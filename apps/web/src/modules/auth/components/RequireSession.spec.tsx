import { MantineProvider } from '@mantine/core';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { caseManager } from '../../../../test/render';
import { theme } from '../../../platform/theme';
import { storeSession } from '../hooks/session';
import { SessionProvider } from '../hooks/useSession';
import { RequireSession } from './RequireSession';
import { SignInPage, safeNext } from './SignInPage';

const Where = () => {
  const location = useLocation();
  return <p>At {`${location.pathname}${location.search}`}</p>;
};

describe('a session that ends', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('returns to sign-in when the token expires, saying so, and keeps the page to come back to', () => {
    storeSession({ token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: caseManager });
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
    expect(screen.getByText('The case page')).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(61_000));
    expect(screen.getByText('Your session has ended')).toBeInTheDocument();
    expect(screen.getByText(`At /sign-in?next=${encodeURIComponent('/cases/abc?asOf=3')}`)).toBeInTheDocument();
    expect(sessionStorage.getItem('sot.session')).toBeNull();
  });

  it('follows only paths of the dashboard after sign-in, never another site', () => {
    expect(safeNext('/cases/abc?asOf=3')).toBe('/cases/abc?asOf=3');
    for (const elsewhere of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', null]) {
      expect(safeNext(elsewhere)).toBe('/');
    }
  });
});
