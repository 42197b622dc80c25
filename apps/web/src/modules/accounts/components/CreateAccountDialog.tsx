import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Role } from '../../../gql/graphql';
import { apiError } from '../../shared/errors';
import { optionsOf, roleLabel } from '../../shared/labels';
import { CreateAccountMutation } from '../graphql/accounts';

type Props = { onClose: () => void; onCreated: (handover: { who: string; password: string }) => void };

export const CreateAccountDialog = ({ onClose, onCreated }: Props) => {
  const [create, { loading, error }] = useMutation(CreateAccountMutation);
  const form = useForm({
    initialValues: { email: '', displayName: '', role: 'CASE_MANAGER' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : 'Enter their work email address'),
      displayName: (value) => (value.trim() ? null : 'Enter their name as colleagues know it'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    const { data } = await create({ variables: { input: { ...values, role: values.role as Role } } }).catch(() => ({
      data: undefined,
    }));
    if (data) {
      onCreated({ who: data.createAccount.account.displayName, password: data.createAccount.temporaryPassword });
    }
  });
  return (
    <Modal opened onClose={onClose} title="Create an account">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert" title="Not created">
              {apiError(error).message}
            </Alert>
          )}
          <TextInput label="Name" data-autofocus {...form.getInputProps('displayName')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <Select label="Role" data={optionsOf(roleLabel)} allowDeselect={false} {...form.getInputProps('role')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create the account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
