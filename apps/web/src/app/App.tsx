import { ApolloProvider } from '@apollo/client/react';
import { Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireSession } from '../modules/auth/components/RequireSession';
import { SignInPage } from '../modules/auth/components/SignInPage';
import { SessionProvider, useSession } from '../modules/auth/hooks/useSession';
import { CasePage } from '../modules/case/components/CasePage';
import { CaseloadPage } from '../modules/caseload/components/CaseloadPage';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { PaletteProvider } from '../modules/palette/hooks/usePaletteActions';
import { createApolloClient } from '../platform/apollo';
import { cssVariablesResolver, theme } from '../platform/theme';

const OutcomesPage = lazy(() =>
  import('../modules/outcomes/components/OutcomesPage').then((module) => ({ default: module.OutcomesPage })),
);
const AccountsPage = lazy(() =>
  import('../modules/accounts/components/AccountsPage').then((module) => ({ default: module.AccountsPage })),
);
const AccessLogPage = lazy(() =>
  import('../modules/audit/components/AccessLogPage').then((module) => ({ default: module.AccessLogPage })),
);

/** A page loaded on first visit (its code stays out of the caseload's bundle). */
const Later = ({ children }: { children: React.ReactNode }) => (
  <Suspense fallback={<Loader role="status" aria-label="Loading" />}>{children}</Suspense>
);

/** A new client per session: one user's cached patients are never shown to the next. */
const SessionApollo = ({ children }: { children: React.ReactNode }) => {
  const { session, signOut } = useSession();
  const token = useRef(session?.token);
  token.current = session?.token;
  // Per sign-in, not per access token: a renewed token keeps the cache (and the pages) as they are.
  const signInId = session ? `${session.user.id}:${session.sessionExpiresAt}` : undefined;
  const client = useMemo(
    () => createApolloClient({ token: () => token.current, onUnauthenticated: () => signOut('expired') }),
    [signInId, signOut],
  );
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
};

export const AppRoutes = () => (
  <Routes>
    <Route path="/sign-in" element={<SignInPage />} />
    <Route element={<RequireSession />}>
      <Route
        element={
          <PaletteProvider>
            <AppLayout />
          </PaletteProvider>
        }
      >
        <Route index element={<CaseloadPage />} />
        <Route path="cases/:caseId" element={<CasePage />} />
        <Route
          path="outcomes"
          element={
            <Later>
              <OutcomesPage />
            </Later>
          }
        />
        <Route
          path="accounts"
          element={
            <Later>
              <AccountsPage />
            </Later>
          }
        />
        <Route
          path="access-log"
          element={
            <Later>
              <AccessLogPage />
            </Later>
          }
        />
      </Route>
    </Route>
  </Routes>
);

export const App = () => (
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <Notifications position="top-right" />
    <BrowserRouter>
      <SessionProvider>
        <SessionApollo>
          <AppRoutes />
        </SessionApollo>
      </SessionProvider>
    </BrowserRouter>
  </MantineProvider>
);
