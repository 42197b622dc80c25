import { env } from '../../../platform/env';
import type { Session } from './session';

const REFRESH = `mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    token expiresAt refreshToken sessionExpiresAt user { id displayName email role }
  }
}`;

type Answer = { data?: { refreshSession?: Session } | null; errors?: { extensions?: { code?: string } }[] };

/**
 * The next session for a refresh token: 'ended' when the api says the sign-in is over (signed out,
 * disabled, expired, or the token was used twice), 'unreachable' when it could not be asked.
 * A plain request, outside Apollo: the client it would go through is the session's own.
 */
export const refreshSession = async (refreshToken: string): Promise<Session | 'ended' | 'unreachable'> => {
  try {
    const response = await fetch(env.graphqlPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REFRESH, variables: { refreshToken } }),
    });
    const answer = (await response.json()) as Answer;
    if (answer.data?.refreshSession) {
      const { __typename: _type, ...session } = answer.data.refreshSession as Session & { __typename?: string };
      return session;
    }
    return answer.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ? 'ended' : 'unreachable';
  } catch {
    return 'unreachable';
  }
};
