import type { Role } from '../../../gql/graphql';

export type SessionUser = { id: string; displayName: string; email: string; role: Role };
/**
 * `token` is the short-lived access token (until `expiresAt`); `refreshToken` renews it, once,
 * until the sign-in itself ends at `sessionExpiresAt`.
 */
export type Session = {
  token: string;
  expiresAt: string;
  refreshToken: string;
  sessionExpiresAt: string;
  user: SessionUser;
};

const KEY = 'sot.session';

/**
 * The session lives in sessionStorage: it ends with the browser tab, and is never written to
 * localStorage where it would outlive the shift on a shared ward computer.
 */
export const storedSession = (now = Date.now()): Session | undefined => {
  try {
    const raw = sessionStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Session) : undefined;
    return session && Date.parse(session.sessionExpiresAt) > now ? session : undefined;
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
