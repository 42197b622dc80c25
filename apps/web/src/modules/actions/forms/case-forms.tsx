import { Alert, Checkbox, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import {
  AddNoteMutation,
  AssignCaseManagerMutation,
  CloseCaseMutation,
  ErasePatientDataMutation,
  InformOriginalClinicianMutation,
  MakeDecisionMutation,
  ReopenCaseMutation,
  SetDecisionDeadlineMutation,
} from '../graphql/commands';
import { closeReasonLabel, erasureReasonLabel, informMethodLabel, optionsOf } from '../../shared/labels';
import { compact, defineForm, endOfDay, newId, optionalText } from './form-spec';
import type { FormContext } from './form-spec';

export const addNoteForm = defineForm({
  id: 'addNote',
  label: 'Add a note',
  group: 'Case',
  domainType: 'AddNote',
  mutation: AddNoteMutation,
  field: 'addNote',
  initialValues: () => ({ text: '' }),
  toInput: (values) => ({ noteId: newId('note'), text: values.text }),
  Fields: ({ form }) => <Textarea label="Note" autosize minRows={4} data-autofocus {...form.getInputProps('text')} />,
});

export const setDecisionDeadlineForm = defineForm({
  id: 'setDecisionDeadline',
  label: 'Set the decision deadline',
  group: 'Case',
  domainType: 'SetDecisionDeadline',
  mutation: SetDecisionDeadlineMutation,
  field: 'setDecisionDeadline',
  initialValues: (context) => ({ deadline: context.case.deadline?.slice(0, 10) ?? '', source: '' }),
  toInput: (values) => ({ deadline: endOfDay(values.deadline), source: values.source }),
  Fields: ({ form }) => (
    <Stack>
      <DateInput
        label="Decide by"
        description="The end of this day, as the treating doctor advised"
        valueFormat="YYYY-MM-DD"
        placeholder="YYYY-MM-DD"
        data-autofocus
        {...form.getInputProps('deadline')}
      />
      <TextInput
        label="Who set it, and how"
        placeholder="Dr. Greer: within three weeks"
        {...form.getInputProps('source')}
      />
    </Stack>
  ),
});

export const informOriginalClinicianForm = defineForm({
  id: 'informOriginalClinician',
  label: 'Record that the original clinician was informed',
  group: 'Case',
  domainType: 'InformOriginalClinician',
  mutation: InformOriginalClinicianMutation,
  field: 'informOriginalClinician',
  enumKeys: ['method'],
  initialValues: () => ({ method: 'LETTER', reasonGiven: '' }),
  toInput: (values) => compact({ method: values.method, reasonGiven: optionalText(values.reasonGiven) }),
  Fields: ({ form }) => (
    <Stack>
      <Select label="How" data={optionsOf(informMethodLabel)} allowDeselect={false} {...form.getInputProps('method')} />
      <TextInput label="Reason given (optional)" {...form.getInputProps('reasonGiven')} />
    </Stack>
  ),
});

const managerOptions = (context: FormContext) =>
  context.users
    .filter((user) => user.id !== context.case.caseManagerId)
    .map((user) => ({ value: user.id, label: user.displayName }));

export const assignCaseManagerForm = defineForm({
  id: 'assignCaseManager',
  label: 'Reassign the case',
  group: 'Case',
  domainType: 'AssignCaseManager',
  mutation: AssignCaseManagerMutation,
  field: 'assignCaseManager',
  initialValues: () => ({ caseManagerId: '', reason: '' }),
  toInput: (values) => compact({ caseManagerId: values.caseManagerId, reason: optionalText(values.reason) }),
  Fields: ({ form, context }) => (
    <Stack>
      <Select
        label="New case manager"
        data={managerOptions(context)}
        searchable
        {...form.getInputProps('caseManagerId')}
      />
      <TextInput label="Reason (optional)" {...form.getInputProps('reason')} />
    </Stack>
  ),
});

export const closeCaseForm = defineForm({
  id: 'closeCase',
  label: 'Close the case',
  group: 'Case',
  domainType: 'CloseCase',
  mutation: CloseCaseMutation,
  field: 'closeCase',
  enumKeys: ['reason'],
  initialValues: (context) => ({
    reason: context.case.status === 'DECIDED' ? 'DECISION_MADE' : 'PATIENT_WITHDREW',
    comment: '',
  }),
  toInput: (values) => compact({ reason: values.reason, comment: optionalText(values.comment) }),
  Fields: ({ form, context }) => (
    <Stack>
      <Select
        label="Why"
        data={optionsOf(closeReasonLabel).filter(
          (option) => option.value !== 'DECISION_MADE' || context.case.status === 'DECIDED',
        )}
        allowDeselect={false}
        {...form.getInputProps('reason')}
      />
      <TextInput label="Comment (optional)" {...form.getInputProps('comment')} />
    </Stack>
  ),
});

export const reopenCaseForm = defineForm({
  id: 'reopenCase',
  label: 'Reopen the case',
  group: 'Case',
  domainType: 'ReopenCase',
  mutation: ReopenCaseMutation,
  field: 'reopenCase',
  initialValues: () => ({ reason: '' }),
  toInput: (values) => ({ reason: values.reason }),
  Fields: ({ form }) => <TextInput label="Why it is reopened" data-autofocus {...form.getInputProps('reason')} />,
});

export const erasePatientDataForm = defineForm({
  id: 'erasePatientData',
  label: "Erase the patient's data",
  group: 'Case',
  domainType: 'ErasePatientData',
  mutation: ErasePatientDataMutation,
  field: 'erasePatientData',
  enumKeys: ['reason'],
  initialValues: () => ({ reason: 'PATIENT_REQUEST', reference: '' }),
  toInput: (values) => compact({ reason: values.reason, reference: optionalText(values.reference) }),
  Fields: ({ form, context }) => (
    <Stack>
      <Alert color="red" variant="light" title="This cannot be undone">
        {context.case.patient.name}'s name, birth date, record number, the notes and every text typed on this case will
        read "erased" everywhere, for good. The dates, codes, opinions and statistics stay, and the erasure itself is
        recorded.
      </Alert>
      <Select
        label="Why"
        data={optionsOf(erasureReasonLabel)}
        allowDeselect={false}
        data-autofocus
        {...form.getInputProps('reason')}
      />
      <TextInput
        label="Request reference (optional)"
        description="A ticket or request number: never the patient's name"
        {...form.getInputProps('reference')}
      />
    </Stack>
  ),
});

const opinionSources = (context: FormContext) => [
  {
    value: 'original',
    label: `The original opinion (${context.case.originalOpinion.clinician.name})`,
  },
  ...context.case.requests
    .filter((request) => request.status === 'RECEIVED')
    .map((request) => ({ value: request.requestId, label: `Opinion ${request.ordinal}: ${request.expert.name}` })),
];

export const makeDecisionForm = defineForm({
  id: 'makeDecision',
  label: "Record the patient's decision",
  group: 'Decision',
  domainType: 'MakeDecision',
  mutation: MakeDecisionMutation,
  field: 'makeDecision',
  initialValues: () => ({
    optionChosen: '',
    followsOpinionOf: '',
    rationaleInPatientsWords: '',
    acknowledgeOpenConflicts: false,
  }),
  toInput: (values) =>
    compact({
      optionChosen: values.optionChosen,
      followsOpinionOf: optionalText(values.followsOpinionOf),
      rationaleInPatientsWords: values.rationaleInPatientsWords,
      acknowledgeOpenConflicts: values.acknowledgeOpenConflicts || undefined,
    }),
  Fields: ({ form, context }) => {
    const open = context.case.conflicts.filter((conflict) => conflict.standing === 'OPEN');
    return (
      <Stack>
        <TextInput label="Option chosen" data-autofocus {...form.getInputProps('optionChosen')} />
        <Select
          label="Follows the opinion of (optional)"
          data={opinionSources(context)}
          clearable
          {...form.getInputProps('followsOpinionOf')}
        />
        <Textarea
          label="Why, in the patient's own words"
          autosize
          minRows={3}
          {...form.getInputProps('rationaleInPatientsWords')}
        />
        {open.length > 0 && (
          <Checkbox
            label={`Decide although ${open.length === 1 ? 'a conflict is' : `${open.length} conflicts are`} still open`}
            description="The patient may decide over a disagreement, but only explicitly"
            {...form.getInputProps('acknowledgeOpenConflicts', { type: 'checkbox' })}
          />
        )}
      </Stack>
    );
  },
});
