import { Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CancelOpinionRequestMutation,
  RecordInsuranceCoverageMutation,
  RecordOpinionReceivedMutation,
  RequestOpinionMutation,
} from '../graphql/commands';
import { institutionTypeLabel, optionsOf } from '../../shared/labels';
import { compact, defineForm, newId, optionalText } from './form-spec';
import { RequestSelect, awaitingOpinion, notCancelled } from './RequestSelect';
import type { FormContext } from './form-spec';

const firstRequest = (context: FormContext, keep: (status: string) => boolean) =>
  context.target.requestId ?? context.case.requests.find((request) => keep(request.status))?.requestId ?? '';

export const requestOpinionForm = defineForm({
  id: 'requestOpinion',
  label: 'Request an opinion',
  group: 'Opinions',
  domainType: 'RequestOpinion',
  mutation: RequestOpinionMutation,
  field: 'requestOpinion',
  enumKeys: ['institutionType', 'reviewMode'],
  initialValues: () => ({
    name: '',
    specialty: '',
    institution: '',
    institutionType: 'ACADEMIC_MEDICAL_CENTER',
    closeAssociateOfOriginalClinician: false,
    reviewMode: 'REMOTE',
    question: '',
  }),
  toInput: (values) =>
    compact({
      requestId: newId('request'),
      expert: {
        name: values.name,
        specialty: values.specialty,
        institution: values.institution,
        institutionType: values.institutionType,
        closeAssociateOfOriginalClinician: values.closeAssociateOfOriginalClinician,
      },
      reviewMode: values.reviewMode,
      question: optionalText(values.question),
    }),
  Fields: ({ form }) => (
    <Stack>
      <TextInput label="Expert" placeholder="Dr. Amara Okafor" data-autofocus {...form.getInputProps('name')} />
      <Group grow>
        <TextInput label="Specialty" {...form.getInputProps('specialty')} />
        <TextInput label="Institution" {...form.getInputProps('institution')} />
      </Group>
      <Group grow>
        <Select
          label="Kind of institution"
          data={optionsOf(institutionTypeLabel)}
          allowDeselect={false}
          {...form.getInputProps('institutionType')}
        />
        <Select
          label="Review"
          data={[
            { value: 'REMOTE', label: 'Remote review of the records' },
            { value: 'IN_PERSON', label: 'In person' },
          ]}
          allowDeselect={false}
          {...form.getInputProps('reviewMode')}
        />
      </Group>
      <Checkbox
        label="A close associate of the original clinician"
        {...form.getInputProps('closeAssociateOfOriginalClinician', { type: 'checkbox' })}
      />
      <Textarea label="What the expert is asked (optional)" autosize minRows={2} {...form.getInputProps('question')} />
    </Stack>
  ),
});

export const recordInsuranceCoverageForm = defineForm({
  id: 'recordInsuranceCoverage',
  label: 'Record insurance coverage',
  group: 'Opinions',
  domainType: 'RecordInsuranceCoverage',
  mutation: RecordInsuranceCoverageMutation,
  field: 'recordInsuranceCoverage',
  initialValues: (context) => ({
    requestId: firstRequest(context, (status) => status !== 'CANCELLED'),
    covered: true,
    inPlanExpertRequired: false,
    remoteReviewCovered: true,
    selfPayFee: '',
    currency: 'USD',
    paymentPlan: '',
    insurerReference: '',
  }),
  toInput: (values) => ({
    requestId: values.requestId,
    coverage: compact({
      covered: values.covered,
      inPlanExpertRequired: values.inPlanExpertRequired,
      remoteReviewCovered: values.remoteReviewCovered,
      selfPayFeeCents: typeof values.selfPayFee === 'number' ? Math.round(values.selfPayFee * 100) : undefined,
      currency: typeof values.selfPayFee === 'number' ? values.currency : undefined,
      paymentPlan: optionalText(values.paymentPlan),
      insurerReference: optionalText(values.insurerReference),
    }),
  }),
  Fields: ({ form, context }) => (
    <Stack>
      <RequestSelect form={form} context={context} keep={notCancelled} />
      <Checkbox label="Covered by the insurer" {...form.getInputProps('covered', { type: 'checkbox' })} />
      <Checkbox
        label="An in-plan expert is required"
        {...form.getInputProps('inPlanExpertRequired', { type: 'checkbox' })}
      />
      <Checkbox
        label="A remote review is covered"
        {...form.getInputProps('remoteReviewCovered', { type: 'checkbox' })}
      />
      <Group grow>
        <NumberInput label="Self-pay fee (optional)" min={0} decimalScale={2} {...form.getInputProps('selfPayFee')} />
        <Select label="Currency" data={['USD', 'EUR', 'GBP', 'CAD', 'CHF']} {...form.getInputProps('currency')} />
      </Group>
      <TextInput label="Payment plan (optional)" {...form.getInputProps('paymentPlan')} />
      <TextInput label="Insurer reference (optional)" {...form.getInputProps('insurerReference')} />
    </Stack>
  ),
});

export const recordOpinionReceivedForm = defineForm({
  id: 'recordOpinionReceived',
  label: 'Record a received opinion',
  group: 'Opinions',
  domainType: 'RecordOpinionReceived',
  mutation: RecordOpinionReceivedMutation,
  field: 'recordOpinionReceived',
  initialValues: (context) => ({
    requestId: firstRequest(context, (status) => status === 'REQUESTED'),
    diagnosis: '',
    recommendedTreatment: '',
    changesDiagnosis: false,
    changesTreatment: false,
    summary: '',
  }),
  toInput: (values) =>
    compact({
      requestId: values.requestId,
      diagnosis: values.diagnosis,
      recommendedTreatment: values.recommendedTreatment,
      changesDiagnosis: values.changesDiagnosis,
      changesTreatment: values.changesTreatment,
      summary: optionalText(values.summary),
    }),
  Fields: ({ form, context }) => (
    <Stack>
      <RequestSelect form={form} context={context} keep={awaitingOpinion} />
      <Textarea
        label="Diagnosis"
        description={`Original: ${context.case.originalOpinion.diagnosis}`}
        autosize
        data-autofocus
        {...form.getInputProps('diagnosis')}
      />
      <Checkbox label="Changes the diagnosis" {...form.getInputProps('changesDiagnosis', { type: 'checkbox' })} />
      <Textarea
        label="Recommended treatment"
        description={`Original: ${context.case.originalOpinion.recommendedTreatment}`}
        autosize
        {...form.getInputProps('recommendedTreatment')}
      />
      <Checkbox label="Changes the treatment" {...form.getInputProps('changesTreatment', { type: 'checkbox' })} />
      <Textarea label="The expert's summary (optional)" autosize minRows={2} {...form.getInputProps('summary')} />
    </Stack>
  ),
});

export const cancelOpinionRequestForm = defineForm({
  id: 'cancelOpinionRequest',
  label: 'Cancel an opinion request',
  group: 'Opinions',
  domainType: 'CancelOpinionRequest',
  mutation: CancelOpinionRequestMutation,
  field: 'cancelOpinionRequest',
  initialValues: (context) => ({ requestId: firstRequest(context, (status) => status === 'REQUESTED'), reason: '' }),
  toInput: (values) => ({ requestId: values.requestId, reason: values.reason }),
  Fields: ({ form, context }) => (
    <Stack>
      <RequestSelect form={form} context={context} keep={awaitingOpinion} />
      <TextInput label="Why" {...form.getInputProps('reason')} />
    </Stack>
  ),
});
