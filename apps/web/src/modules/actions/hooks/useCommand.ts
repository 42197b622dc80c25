import { useMutation } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CommandResultFragment } from '../../../gql/graphql';
import { apiError } from '../../shared/errors';
import type { ApiError } from '../../shared/errors';

export type CommandOutcome = { ok: true; result: CommandResultFragment } | { ok: false; error: ApiError };

/**
 * Sends one command the way every change is sent: with a command id fixed when the form opened
 * (a retry after a lost answer records nothing twice) and the case version the user saw (someone
 * else's change in between is a CONFLICT, not a silent overwrite).
 */
export const useCommand = (mutation: DocumentNode, field: string) => {
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [send, { loading }] = useMutation<Record<string, unknown>, { input: Record<string, unknown> }>(mutation);

  const run = async (input: Record<string, unknown>): Promise<CommandOutcome> => {
    try {
      const { data } = await send({ variables: { input: { ...input, commandId } } });
      const result = data?.[field] as CommandResultFragment | null | undefined;
      if (!result) {
        return {
          ok: false,
          error: { code: undefined, message: 'The api gave no answer; try again.', field: undefined },
        };
      }
      setCommandId(crypto.randomUUID());
      if (!result.caughtUp) {
        notifications.show({
          color: 'yellow',
          title: 'Recorded, still being applied',
          message: 'The change is saved; the page will show it in a moment.',
        });
      }
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: apiError(error) };
    }
  };
  return { run, loading };
};
