import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useCommand } from '../hooks/useCommand';
import type { CommandFormSpec, FormContext } from '../forms';
import type { Values } from '../forms/form-spec';
import { fieldOfApiError, validateCommand } from '../validation';

type Props = {
  spec: CommandFormSpec;
  context: FormContext;
  onClose: () => void;
  /** The case changed under the form: the page reloads it. */
  onReload: () => void;
};

/**
 * One command's form: checked with the domain's own rules before it is sent, sent with the
 * version the user saw, and on CONFLICT it says so instead of overwriting someone's change.
 */
export const CommandDialog = ({ spec, context, onClose, onReload }: Props) => {
  const [seenVersion] = useState(context.case.version);
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | undefined>();
  const { run, loading } = useCommand(spec.mutation, spec.field);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: spec.initialValues(context),
    validate: (values) => validateCommand(spec.domainType, spec.toInput(values, context), spec.enumKeys),
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(undefined);
    const outcome = await run({
      caseId: context.case.id,
      expectedVersion: seenVersion,
      ...spec.toInput(values, context),
    });
    if (outcome.ok) {
      onClose();
      return;
    }
    const field = fieldOfApiError(outcome.error.field);
    if (outcome.error.code === 'BAD_USER_INPUT' && field) {
      form.setFieldError(field, outcome.error.message);
    }
    setProblem({ message: outcome.error.message, conflict: outcome.error.code === 'CONFLICT' });
  });

  return (
    <Modal opened onClose={onClose} title={spec.label} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem?.conflict ? (
            <Alert color="orange" title="This case changed since you opened it" role="alert">
              Someone else recorded something on this case. Reload it to see what changed, then decide whether your
              change still applies.
              <Group mt="sm">
                <Button
                  size="xs"
                  onClick={() => {
                    onReload();
                    onClose();
                  }}
                >
                  Reload the case
                </Button>
              </Group>
            </Alert>
          ) : (
            problem && (
              <Alert color="red" title="Not recorded" role="alert">
                {problem.message}
              </Alert>
            )
          )}
          {form.errors.form && (
            <Alert color="red" role="alert">
              {form.errors.form}
            </Alert>
          )}
          <spec.Fields form={form} context={context} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              {spec.label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
