import { useMutation } from '@apollo/client/react';
import { useIdle } from '@mantine/hooks';
import { useCallback, useEffect } from 'react';
import { env } from '../../../platform/env';
import { SignOutMutation } from '../graphql/sign-out';
import { useSession } from './useSession';
import type { SessionEnd } from './useSession';

/**
 * Signing out ends the account's sessions on the server too (every token issued before stops
 * working), then forgets the local one. If the server cannot be reached, the local session still ends.
 */
export const useSignOut = () => {
  const { signOut } = useSession();
  const [endSessions] = useMutation(SignOutMutation);
  return useCallback(
    async (why: SessionEnd = 'signed-out') => {
      await endSessions().catch(() => undefined);
      signOut(why);
    },
    [endSessions, signOut],
  );
};

/** Signs out after `env.idleMinutes` without a key press, a click or a touch. */
export const useSignOutWhenIdle = () => {
  const signOut = useSignOut();
  const idle = useIdle(env.idleMinutes * 60_000, {
    events: ['keydown', 'mousedown', 'touchstart', 'wheel'],
    initialState: false,
  });
  useEffect(() => {
    if (idle) {
      void signOut('idle');
    }
  }, [idle, signOut]);
};
