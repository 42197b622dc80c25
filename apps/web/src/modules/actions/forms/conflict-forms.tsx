import { Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { RaiseConflictMutation, ResolveConflictMutation } from '../graphql/commands';
import { optionsOf, resolutionLabel } from '../../shared/labels';
import { compact, defineForm, newId, optionalText } from './form-spec';
import type { FormContext } from './form-spec';

const sources = (context: FormContext) => [
  { value: 'original', label: `Original: ${context.case.originalOpinion.clinician.name}` },
  ...context.case.requests
    .filter((request) => request.status === 'RECEIVED')
    .map((request) => ({ value: request.requestId, label: `Opinion ${request.ordinal}: ${request.expert.name}` })),
];

const conflictLabel = (context: FormContext, conflictId: string) => {
  const conflict = context.case.conflicts.find((c) => c.conflictId === conflictId);
  return conflict
    ? `${conflict.subject === 'DIAGNOSIS' ? 'Diagnosis' : 'Treatment'}: ${conflict.description}`
    : conflictId;
};

export const raiseConflictForm = defineForm({
  id: 'raiseConflict',
  label: 'Raise a conflict',
  group: 'Conflicts',
  domainType: 'RaiseConflict',
  mutation: RaiseConflictMutation,
  field: 'raiseConflict',
  enumKeys: ['subject'],
  initialValues: () => ({ subject: 'TREATMENT', between: [] as string[], description: '' }),
  toInput: (values) => ({
    conflictId: newId('conflict'),
    subject: values.subject,
    between: values.between,
    description: values.description,
  }),
  Fields: ({ form, context }) => (
    <Stack>
      <Select
        label="They disagree on"
        data={[
          { value: 'DIAGNOSIS', label: 'The diagnosis' },
          { value: 'TREATMENT', label: 'The treatment' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('subject')}
      />
      <Checkbox.Group label="Between these opinions (two or more)" {...form.getInputProps('between')}>
        <Group mt={6}>
          {sources(context).map((source) => (
            <Checkbox key={source.value} value={source.value} label={source.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput label="What they disagree about" {...form.getInputProps('description')} />
    </Stack>
  ),
});

export const resolveConflictForm = defineForm({
  id: 'resolveConflict',
  label: 'Resolve a conflict',
  group: 'Conflicts',
  domainType: 'ResolveConflict',
  mutation: ResolveConflictMutation,
  field: 'resolveConflict',
  enumKeys: ['resolution'],
  initialValues: (context) => ({
    conflictId:
      context.target.conflictId ?? context.case.conflicts.find((c) => c.standing === 'OPEN')?.conflictId ?? '',
    resolution: 'CLINICIANS_CONFERRED',
    furtherOpinionRequestId: '',
    outcome: '',
  }),
  toInput: (values) =>
    compact({
      conflictId: values.conflictId,
      resolution: values.resolution,
      furtherOpinionRequestId:
        values.resolution === 'FURTHER_OPINION' ? optionalText(values.furtherOpinionRequestId) : undefined,
      outcome: values.outcome,
    }),
  Fields: ({ form, context }) => (
    <Stack>
      <Select
        label="Conflict"
        data={context.case.conflicts
          .filter((c) => c.standing === 'OPEN')
          .map((c) => ({ value: c.conflictId, label: conflictLabel(context, c.conflictId) }))}
        allowDeselect={false}
        {...form.getInputProps('conflictId')}
      />
      <Select
        label="How it was settled"
        data={optionsOf(resolutionLabel)}
        allowDeselect={false}
        {...form.getInputProps('resolution')}
      />
      {form.values.resolution === 'FURTHER_OPINION' && (
        <Select
          label="The further opinion"
          data={context.case.requests.map((request) => ({
            value: request.requestId,
            label: `Opinion ${request.ordinal}: ${request.expert.name}`,
          }))}
          {...form.getInputProps('furtherOpinionRequestId')}
        />
      )}
      <TextInput label="The outcome, in words" {...form.getInputProps('outcome')} />
    </Stack>
  ),
});
