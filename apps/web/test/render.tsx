import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createCache } from '../src/platform/apollo';
import { cssVariablesResolver, theme } from '../src/platform/theme';
import { storeSession } from '../src/modules/auth/hooks/session';
import type { Session, SessionUser } from '../src/modules/auth/hooks/session';
import { SessionProvider } from '../src/modules/auth/hooks/useSession';
import { PaletteProvider } from '../src/modules/palette/hooks/usePaletteActions';

export const caseManager: SessionUser = {
  id: 'ana',
  displayName: 'Ana Ruiz',
  email: 'ana@demo.clinic',
  role: 'CASE_MANAGER',
};

type Options = {
  user?: SessionUser | undefined;
  mocks?: MockLink.MockedResponse[];
  path?: string;
  route?: string;
};

/** A signed-in session whose access token expires in `expiresInMs`. */
export const aSession = (user: SessionUser, expiresInMs: number, refreshToken = 'refresh-1'): Session => ({
  token: 'test-token',
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  refreshToken,
  sessionExpiresAt: new Date(Date.now() + 12 * 3_600_000).toISOString(),
  user,
});

/** A component as the dashboard shows it: theme, router, session, Apollo (mocked) and palette. */
export const renderWithApp = (
  ui: ReactElement,
  { user = caseManager, mocks = [], path = '/', route = '/' }: Options = {},
) => {
  storeSession(user ? aSession(user, 3_600_000) : undefined);
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider>
          <MockedProvider mocks={mocks} cache={createCache()}>
            <PaletteProvider>
              <Routes>
                <Route path={route} element={ui} />
                <Route path="*" element={<p>Elsewhere</p>} />
              </Routes>
            </PaletteProvider>
          </MockedProvider>
        </SessionProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
};
