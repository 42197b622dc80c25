import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createCache } from '../src/platform/apollo';
import { cssVariablesResolver, theme } from '../src/platform/theme';
import { storeSession } from '../src/modules/auth/hooks/session';
import type { SessionUser } from '../src/modules/auth/hooks/session';
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

/** A component as the dashboard shows it: theme, router, session, Apollo (mocked) and palette. */
export const renderWithApp = (
  ui: ReactElement,
  { user = caseManager, mocks = [], path = '/', route = '/' }: Options = {},
) => {
  storeSession(
    user ? { token: 'test-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user } : undefined,
  );
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
