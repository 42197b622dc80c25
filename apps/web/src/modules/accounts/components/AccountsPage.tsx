import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AccountFieldsFragment } from '../../../gql/graphql';
import { useUser } from '../../auth/hooks/useSession';
import { usePaletteActions } from '../../palette/hooks/usePaletteActions';
import type { PaletteAction } from '../../palette/hooks/usePaletteActions';
import { formatDate } from '../../shared/dates';
import { errorMessage } from '../../shared/errors';
import { optionsOf, roleLabel } from '../../shared/labels';
import {
  AccountsQuery,
  ChangeAccountRoleMutation,
  ResetAccountPasswordMutation,
  SetAccountDisabledMutation,
} from '../graphql/accounts';
import { CreateAccountDialog } from './CreateAccountDialog';
import { TemporaryPassword } from './TemporaryPassword';

type Handover = { who: string; password: string };

const AccountRow = ({
  account,
  self,
  onHandover,
  onError,
}: {
  account: AccountFieldsFragment;
  self: boolean;
  onHandover: (handover: Handover) => void;
  onError: (message: string) => void;
}) => {
  const [setDisabled, disabling] = useMutation(SetAccountDisabledMutation);
  const [changeRole] = useMutation(ChangeAccountRoleMutation);
  const [reset, resetting] = useMutation(ResetAccountPasswordMutation);
  const fail = (error: unknown) => onError(errorMessage(error));
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>
          {account.displayName}
          {self ? ' (you)' : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {account.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${account.displayName}`}
          data={optionsOf(roleLabel)}
          value={account.role}
          allowDeselect={false}
          disabled={self}
          onChange={(role) => {
            if (role && role !== account.role) {
              void changeRole({ variables: { id: account.id, role: role } }).catch(fail);
            }
          }}
          w={170}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={account.disabled ? 'gray' : 'teal'} variant="light">
          {account.disabled ? 'Disabled' : 'Active'}
        </Badge>
      </Table.Td>
      <Table.Td>{formatDate(account.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={self}
            loading={disabling.loading}
            onClick={() => void setDisabled({ variables: { id: account.id, disabled: !account.disabled } }).catch(fail)}
          >
            {account.disabled ? `Enable ${account.displayName}` : `Disable ${account.displayName}`}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={resetting.loading}
            onClick={() =>
              void reset({ variables: { id: account.id } })
                .then(({ data }) => {
                  if (data) {
                    onHandover({ who: account.displayName, password: data.resetAccountPassword.temporaryPassword });
                  }
                })
                .catch(fail)
            }
          >
            Reset password
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
};

/**
 * Supervisors manage who may sign in: every account, its role and state. Disabling, changing a
 * role or resetting a password ends that person's sessions at once; a new password is shown once.
 */
export const AccountsPage = () => {
  const user = useUser();
  const { data, error, refetch } = useQuery(AccountsQuery, { fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const [handover, setHandover] = useState<Handover | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const actions = useMemo<PaletteAction[]>(
    () => [{ id: 'create-account', label: 'Create an account', group: 'Accounts', onClick: () => setCreating(true) }],
    [],
  );
  usePaletteActions(actions);
  if (error) {
    return <Alert color="red">{errorMessage(error)}</Alert>;
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Accounts
        </Title>
        <Button onClick={() => setCreating(true)}>Create an account</Button>
      </Group>
      {problem && (
        <Alert color="red" title="Not changed" role="alert" withCloseButton onClose={() => setProblem(undefined)}>
          {problem}
        </Alert>
      )}
      {!data ? (
        <Loader role="status" aria-label="Loading accounts" />
      ) : (
        <Table aria-label="Accounts" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.accounts.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                self={account.id === user.id}
                onHandover={setHandover}
                onError={setProblem}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <CreateAccountDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setHandover(created);
            void refetch();
          }}
        />
      )}
      {handover && <TemporaryPassword {...handover} onClose={() => setHandover(undefined)} />}
    </Stack>
  );
};
