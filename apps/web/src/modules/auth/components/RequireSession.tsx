import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../hooks/useSession';

/** Pages behind sign-in: without a session, to the sign-in page, which brings the user back here. */
export const RequireSession = () => {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
};
