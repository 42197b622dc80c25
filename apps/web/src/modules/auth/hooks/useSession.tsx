import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { storeSession, storedSession } from './session';
import type { Session } from './session';

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

  // The token's own expiry ends the session even when no request notices it.
  useEffect(() => {
    if (!session) {
      return undefined;
    }
    const timer = setTimeout(() => signOut('expired'), Math.max(0, Date.parse(session.expiresAt) - Date.now()));
    return () => clearTimeout(timer);
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
