import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useUser } from '../auth/hooks/useSession';
import { AssignableUsersQuery } from './graphql/users';

/** People by name rather than id: "you" for the signed-in user. */
export const useNames = () => {
  const me = useUser();
  const { data } = useQuery(AssignableUsersQuery);
  const users = data?.users;
  const name = useCallback(
    (id: string | null | undefined): string => {
      if (!id) {
        return 'Unassigned';
      }
      if (id === me.id) {
        return `${me.displayName} (you)`;
      }
      return users?.find((user) => user.id === id)?.displayName ?? id;
    },
    [users, me.id, me.displayName],
  );
  return { name, users: users ?? [] };
};
