import { Alert, Button, Checkbox, Fieldset, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUser } from '../../auth/hooks/useSession';
import { optionsOf, severityLabel } from '../../shared/labels';
import { useNames } from '../../users/useNames';
import { OpenCaseMutation } from '../graphql/commands';
import { useCommand } from '../hooks/useCommand';
import { compact, optionalText } from '../forms/form-spec';
import { fieldOfApiError, validateCommand } from '../validation';

const initialValues = (caseManagerId: string) => ({
  personal: { patientName: '', birthDate: '', medicalRecordNumber: '' },
  condition: { name: '', severity: 'SERIOUS', isCancer: false },
  originalOpinion: { diagnosis: '', recommendedTreatment: '', clinician: { name: '', specialty: '', institution: '' } },
  caseManagerId,
});
type Values = ReturnType<typeof initialValues>;

const toInput = (values: Values) => ({
  personal: compact({
    patientName: values.personal.patientName,
    birthDate: optionalText(values.personal.birthDate),
    medicalRecordNumber: optionalText(values.personal.medicalRecordNumber),
  }),
  condition: values.condition,
  originalOpinion: values.originalOpinion,
  caseManagerId: values.caseManagerId,
});

const OpenCaseForm = ({ onClose }: { onClose: () => void }) => {
  const user = useUser();
  const { users } = useNames();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | undefined>();
  const { run, loading } = useCommand(OpenCaseMutation, 'openCase');
  const form = useForm<Values>({
    initialValues: initialValues(user.role === 'CASE_MANAGER' ? user.id : ''),
    validate: (values) => validateCommand('OpenCase', toInput(values), ['severity']),
  });
  const submit = form.onSubmit(async (values) => {
    const outcome = await run(toInput(values));
    if (outcome.ok) {
      onClose();
      await navigate(`/cases/${outcome.result.case?.id ?? ''}`);
      return;
    }
    const field = fieldOfApiError(outcome.error.field);
    if (field) {
      form.setFieldError(field, outcome.error.message);
    }
    setProblem(outcome.error.message);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {problem && (
          <Alert color="red" title="The case was not opened" role="alert">
            {problem}
          </Alert>
        )}
        <Fieldset legend="Patient">
          <TextInput label="Name" data-autofocus {...form.getInputProps('personal.patientName')} />
          <Group grow>
            <DateInput
              label="Born (optional)"
              valueFormat="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              clearable
              {...form.getInputProps('personal.birthDate')}
            />
            <TextInput
              label="Medical record number (optional)"
              {...form.getInputProps('personal.medicalRecordNumber')}
            />
          </Group>
        </Fieldset>
        <Fieldset legend="Condition">
          <TextInput label="Condition" {...form.getInputProps('condition.name')} />
          <Group grow align="flex-end">
            <Select
              label="How serious"
              data={optionsOf(severityLabel)}
              allowDeselect={false}
              {...form.getInputProps('condition.severity')}
            />
            <Checkbox label="Cancer" {...form.getInputProps('condition.isCancer', { type: 'checkbox' })} />
          </Group>
        </Fieldset>
        <Fieldset legend="The original opinion">
          <TextInput label="Diagnosis" {...form.getInputProps('originalOpinion.diagnosis')} />
          <TextInput label="Recommended treatment" {...form.getInputProps('originalOpinion.recommendedTreatment')} />
          <Group grow>
            <TextInput label="Clinician" {...form.getInputProps('originalOpinion.clinician.name')} />
            <TextInput label="Specialty" {...form.getInputProps('originalOpinion.clinician.specialty')} />
          </Group>
          <TextInput label="Institution" {...form.getInputProps('originalOpinion.clinician.institution')} />
        </Fieldset>
        {user.role !== 'CASE_MANAGER' && (
          <Select
            label="Case manager"
            data={users.map((u) => ({ value: u.id, label: u.displayName }))}
            searchable
            {...form.getInputProps('caseManagerId')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Open the case
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Opening a case: the patient, the condition and the opinion a second one is sought on. */
export const OpenCaseButton = ({
  opened,
  onOpen,
  onClose,
}: {
  opened: boolean;
  onOpen: () => void;
  onClose: () => void;
}) => (
  <>
    <Button onClick={onOpen}>Open a case</Button>
    <Modal opened={opened} onClose={onClose} title="Open a case" size="lg">
      {opened && <OpenCaseForm onClose={onClose} />}
    </Modal>
  </>
);
