import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { refreshSession } from './refresh-session';
import { storeSession, storedSession } from './session';
import type { Session } from './session';

/** Renew the access token this long before it expires; retry this often while the api is unreachable. */
const RENEW_BEFORE_MS = 60_000;
const RETRY_MS = 5_000;

export type SessionEnd = 'signed-out' | 'expired' | 'idle';

type SessionContextValue = {
  session: Session | undefined;
  /** Why the last session ended, for the sign-in page to say. */
  ended: SessionEnd | undefined;
  signIn: (session: Session) => void;
  signOut: (why?: SessionEnd) => void;
};

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export const SessionProvider = ({ children, onEnd }: { children: ReactNode; onEnd?: () => void }) => {
  const [session, setSession] = useState<Session | undefined>(() => storedSession());
  const [ended, setEnded] = useState<SessionEnd | undefined>();

  const signIn = useCallback((next: Session) => {
    storeSession(next);
    setEnded(undefined);
    setSession(next);
  }, []);

  const signOut = useCallback(
    (why: SessionEnd = 'signed-out') => {
      storeSession(undefined);
      setEnded(why);
      setSession(undefined);
      onEnd?.();
    },
    [onEnd],
  );

  // A minute before the access token expires, it is renewed; the session ends when the api says
  // the sign-in is over, or when the token expires with the api unreachable all along.
  useEffect(() => {
    if (!session) {
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const renew = async () => {
      const next = await refreshSession(session.refreshToken);
      if (stopped) {
        return;
      }
      if (next === 'ended' || (next === 'unreachable' && Date.now() >= Date.parse(session.expiresAt))) {
        signOut('expired');
      } else if (next === 'unreachable') {
        timer = setTimeout(() => void renew(), RETRY_MS);
      } else {
        storeSession(next);
        setSession(next);
      }
    };
    timer = setTimeout(() => void renew(), Math.max(0, Date.parse(session.expiresAt) - RENEW_BEFORE_MS - Date.now()));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [session, signOut]);

  const value = useMemo(() => ({ session, ended, signIn, signOut }), [session, ended, signIn, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
};

export const useSession = (): SessionContextValue => {
  const context = useContext(SessionContext);
  if (!context) {
    throw new Error('useSession needs a SessionProvider');
  }
  return context;
};

/** The signed-in user; only inside pages that require a session. */
export const useUser = () => {
  const { session } = useSession();
  if (!session) {
    throw new Error('useUser needs a signed-in session');
  }
  return session.user;
};
