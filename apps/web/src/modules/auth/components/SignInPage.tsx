import { useMutation } from '@apollo/client/react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/errors';
import { SignInMutation } from '../graphql/auth';
import { useSession } from '../hooks/useSession';

/** Only paths of this dashboard are followed after sign-in, never another origin. */
export const safeNext = (next: string | null): string => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export const SignInPage = () => {
  const { session, ended, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [login, { loading, error }] = useMutation(SignInMutation);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : 'Enter the email address of your account'),
      password: (value) => (value.length > 0 ? null : 'Enter your password'),
    },
  });

  if (session) {
    return <Navigate to={next} replace />;
  }

  const submit = form.onSubmit(async (values) => {
    const { data } = await login({ variables: values }).catch(() => ({ data: undefined }));
    if (data) {
      signIn(data.login);
      await navigate(next, { replace: true });
    }
  });

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h3">
              Second Opinion Tracker
            </Title>
            <Text c="dimmed" size="sm">
              Sign in to see your caseload.
            </Text>
            {ended === 'idle' && (
              <Alert color="yellow" title="Signed out after a while without activity">
                Patient data is not left open on an unattended screen. Sign in again to return to the page you were on.
              </Alert>
            )}
            {ended === 'expired' && (
              <Alert color="yellow" title="Your session has ended">
                Sign in again to return to the page you were on.
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert" title="Could not sign in">
                {errorMessage(error)}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={loading}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
