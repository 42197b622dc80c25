import type { Role } from '../../../gql/graphql';

export type SessionUser = { id: string; displayName: string; email: string; role: Role };
export type Session = { token: string; expiresAt: string; user: SessionUser };

const KEY = 'sot.session';

/**
 * The session lives in sessionStorage: it ends with the browser tab, and is never written to
 * localStorage where it would outlive the shift on a shared ward computer.
 */
export const storedSession = (now = Date.now()): Session | undefined => {
  try {
    const raw = sessionStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Session) : undefined;
    return session && Date.parse(session.expiresAt) > now ? session : undefined;
  } catch {
    return undefined;
  }
};

export const storeSession = (session: Session | undefined): void => {
  if (session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(KEY);
  }
};
