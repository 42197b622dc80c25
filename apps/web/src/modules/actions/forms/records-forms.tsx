import { Button, Checkbox, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import type { CaseFieldsFragment, RecordStatus } from '../../../gql/graphql';
import {
  MarkRecordsReceivedMutation,
  MarkRecordsSentMutation,
  RecordRecordsReleaseRefusedMutation,
  RequestRecordsMutation,
} from '../graphql/commands';
import { optionsOf, recordKindLabel, recordStatusLabel, transferMethodLabel } from '../../shared/labels';
import { compact, defineForm, endOfDay, newId, optionalText } from './form-spec';
import { RequestSelect, notCancelled } from './RequestSelect';
import type { FormContext, Values } from './form-spec';

const blankItem = () => ({
  kind: 'MEDICAL_RECORD_COPY',
  modality: '',
  description: '',
  holder: '',
  transferMethod: 'ELECTRONIC_NETWORK',
  dueBy: '',
  releaseAuthorisationOnFile: false,
});
type ItemValues = ReturnType<typeof blankItem>;

const requestWith = (context: FormContext, statuses: RecordStatus[]) =>
  context.target.requestId ??
  context.case.requests.find((request) => request.records.some((item) => statuses.includes(item.status)))?.requestId ??
  '';

const itemsOf = (c: CaseFieldsFragment, requestId: string, statuses: RecordStatus[]) =>
  c.requests
    .find((request) => request.requestId === requestId)
    ?.records.filter((item) => statuses.includes(item.status)) ?? [];

/** The items of the chosen request that the action applies to, each a checkbox. */
const ItemChoice = ({
  form,
  context,
  statuses,
}: {
  form: UseFormReturnType<Values>;
  context: FormContext;
  statuses: RecordStatus[];
}) => {
  const items = itemsOf(context.case, String(form.values.requestId), statuses);
  return (
    <Checkbox.Group label="Items" {...form.getInputProps('itemIds')}>
      <Stack gap={6} mt={6}>
        {items.length === 0 && <Text size="sm">No item of this request can take this step.</Text>}
        {items.map((item) => (
          <Checkbox
            key={item.itemId}
            value={item.itemId}
            label={`${item.description} (${recordStatusLabel[item.status].toLowerCase()}, held by ${item.holder})`}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
};

const itemStepForm = (step: 'sent' | 'received' | 'refused') => {
  const statuses: RecordStatus[] =
    step === 'sent' ? ['REQUESTED', 'REFUSED'] : step === 'received' ? ['SENT'] : ['REQUESTED'];
  const initialRequest = (context: FormContext) => requestWith(context, statuses);
  return {
    statuses,
    initialValues: (context: FormContext) => {
      const requestId = initialRequest(context);
      const eligible = itemsOf(context.case, requestId, statuses).map((item) => item.itemId);
      return {
        requestId,
        itemIds: context.target.itemIds?.filter((id) => eligible.includes(id)) ?? eligible,
        trackingReference: '',
        refusedBy: '',
        reason: '',
      };
    },
    RequestSelect: ({ form, context }: { form: UseFormReturnType<Values>; context: FormContext }) => (
      <RequestSelect
        form={form}
        context={context}
        keep={(request) => request.records.some((item) => statuses.includes(item.status))}
        onPicked={() => form.setFieldValue('itemIds', [])}
      />
    ),
  };
};

const sent = itemStepForm('sent');
export const markRecordsSentForm = defineForm({
  id: 'markRecordsSent',
  label: 'Mark records sent',
  group: 'Records',
  domainType: 'MarkRecordsSent',
  mutation: MarkRecordsSentMutation,
  field: 'markRecordsSent',
  initialValues: sent.initialValues,
  toInput: (values) =>
    compact({
      requestId: values.requestId,
      itemIds: values.itemIds,
      trackingReference: optionalText(values.trackingReference),
    }),
  Fields: ({ form, context }) => (
    <Stack>
      <sent.RequestSelect form={form as UseFormReturnType<Values>} context={context} />
      <ItemChoice form={form as UseFormReturnType<Values>} context={context} statuses={sent.statuses} />
      <TextInput label="Tracking reference (optional)" {...form.getInputProps('trackingReference')} />
    </Stack>
  ),
});

const received = itemStepForm('received');
export const markRecordsReceivedForm = defineForm({
  id: 'markRecordsReceived',
  label: 'Mark records received',
  group: 'Records',
  domainType: 'MarkRecordsReceived',
  mutation: MarkRecordsReceivedMutation,
  field: 'markRecordsReceived',
  initialValues: received.initialValues,
  toInput: (values) => ({ requestId: values.requestId, itemIds: values.itemIds }),
  Fields: ({ form, context }) => (
    <Stack>
      <received.RequestSelect form={form as UseFormReturnType<Values>} context={context} />
      <ItemChoice form={form as UseFormReturnType<Values>} context={context} statuses={received.statuses} />
    </Stack>
  ),
});

const refused = itemStepForm('refused');
export const recordRecordsReleaseRefusedForm = defineForm({
  id: 'recordRecordsReleaseRefused',
  label: 'Record a refusal to release records',
  group: 'Records',
  domainType: 'RecordRecordsReleaseRefused',
  mutation: RecordRecordsReleaseRefusedMutation,
  field: 'recordRecordsReleaseRefused',
  initialValues: refused.initialValues,
  toInput: (values) => ({
    requestId: values.requestId,
    itemIds: values.itemIds,
    refusedBy: values.refusedBy,
    reason: values.reason,
  }),
  Fields: ({ form, context }) => (
    <Stack>
      <refused.RequestSelect form={form as UseFormReturnType<Values>} context={context} />
      <ItemChoice form={form as UseFormReturnType<Values>} context={context} statuses={refused.statuses} />
      <TextInput label="Refused by" {...form.getInputProps('refusedBy')} />
      <TextInput label="Reason they gave" {...form.getInputProps('reason')} />
    </Stack>
  ),
});

export const requestRecordsForm = defineForm({
  id: 'requestRecords',
  label: 'Request records',
  group: 'Records',
  domainType: 'RequestRecords',
  mutation: RequestRecordsMutation,
  field: 'requestRecords',
  enumKeys: ['kind', 'modality', 'transferMethod'],
  initialValues: (context) => ({
    requestId:
      context.target.requestId ??
      context.case.requests.find((request) => request.status === 'REQUESTED')?.requestId ??
      '',
    items: [blankItem()] as ItemValues[],
  }),
  toInput: (values) => ({
    requestId: values.requestId,
    items: values.items.map((item) =>
      compact({
        itemId: newId('item'),
        kind: item.kind,
        modality: optionalText(item.modality),
        description: item.description,
        holder: item.holder,
        transferMethod: item.transferMethod,
        dueBy: item.dueBy ? endOfDay(item.dueBy) : undefined,
        releaseAuthorisationOnFile: item.releaseAuthorisationOnFile || undefined,
      }),
    ),
  }),
  Fields: ({ form, context }) => (
    <Stack>
      <RequestSelect form={form} context={context} keep={notCancelled} />
      {form.values.items.map((item, index) => (
        <Fieldset key={index} legend={`Item ${index + 1}`}>
          <Stack gap="xs">
            <Group grow>
              <Select
                label="What"
                data={optionsOf(recordKindLabel)}
                allowDeselect={false}
                {...form.getInputProps(`items.${index}.kind`)}
              />
              <Select
                label="How it travels"
                data={optionsOf(transferMethodLabel)}
                allowDeselect={false}
                {...form.getInputProps(`items.${index}.transferMethod`)}
              />
            </Group>
            {item.kind.startsWith('IMAGING') && (
              <Select
                label="Modality"
                data={['XRAY', 'CT', 'MRI', 'PET', 'ULTRASOUND', 'MAMMOGRAM', 'OTHER']}
                {...form.getInputProps(`items.${index}.modality`)}
              />
            )}
            <TextInput label="Description" {...form.getInputProps(`items.${index}.description`)} />
            <Group grow>
              <TextInput label="Held by" {...form.getInputProps(`items.${index}.holder`)} />
              <DateInput
                label="Due by (optional)"
                valueFormat="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
                clearable
                {...form.getInputProps(`items.${index}.dueBy`)}
              />
            </Group>
            <Checkbox
              label="The patient's signed release is on file"
              {...form.getInputProps(`items.${index}.releaseAuthorisationOnFile`, { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button variant="default" onClick={() => form.insertListItem('items', blankItem())}>
          Add another item
        </Button>
        {form.values.items.length > 1 && (
          <Button
            variant="subtle"
            color="red"
            onClick={() => form.removeListItem('items', form.values.items.length - 1)}
          >
            Remove the last item
          </Button>
        )}
      </Group>
    </Stack>
  ),
});
