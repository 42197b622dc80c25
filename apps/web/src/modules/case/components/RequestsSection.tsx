import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { useCaseActions } from '../../actions/components/CaseActions';
import { formatDate } from '../../shared/dates';
import { institutionTypeLabel } from '../../shared/labels';
import { RecordsChecklist } from './RecordsChecklist';
import { RefusalLetterButton } from './RefusalLetterButton';

type Request = CaseFieldsFragment['requests'][number];

const money = (cents: number, currency: string | null | undefined) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency ?? 'USD' }).format(cents / 100);

export const coverageText = (coverage: Request['coverage']): string => {
  if (!coverage) {
    return 'Coverage not checked yet';
  }
  return [
    coverage.covered ? 'Covered' : 'Not covered',
    coverage.inPlanExpertRequired ? 'in-plan expert required' : undefined,
    coverage.remoteReviewCovered === false ? 'remote review not covered' : undefined,
    coverage.selfPayFeeCents !== null && coverage.selfPayFeeCents !== undefined
      ? `self-pay fee ${money(coverage.selfPayFeeCents, coverage.currency)}`
      : undefined,
    coverage.paymentPlan ? `payment plan: ${coverage.paymentPlan}` : undefined,
    coverage.insurerReference ? `insurer ref. ${coverage.insurerReference}` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
};

const statusText = { REQUESTED: 'Awaiting opinion', RECEIVED: 'Opinion received', CANCELLED: 'Cancelled' } as const;

const RequestCard = ({ c, request }: { c: CaseFieldsFragment; request: Request }) => {
  const { available, open } = useCaseActions();
  const target = { requestId: request.requestId };
  const has = (status: string) => request.records.some((item) => item.status === status);
  const buttons = [
    { id: 'recordOpinionReceived', label: 'Record the opinion', show: request.status === 'REQUESTED' },
    { id: 'requestRecords', label: 'Request records', show: request.status !== 'CANCELLED' },
    { id: 'markRecordsSent', label: 'Mark sent', show: has('REQUESTED') || has('REFUSED') },
    { id: 'markRecordsReceived', label: 'Mark received', show: has('SENT') },
    { id: 'recordRecordsReleaseRefused', label: 'Record a refusal', show: has('REQUESTED') },
    { id: 'recordInsuranceCoverage', label: 'Coverage', show: request.status !== 'CANCELLED' },
  ] as const;
  return (
    <Card withBorder padding="md" component="article" aria-label={`Opinion ${request.ordinal}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h5">
            Opinion {request.ordinal}: {request.expert.name}
          </Title>
          <Text size="sm">
            {request.expert.specialty}, {request.expert.institution} (
            {institutionTypeLabel[request.expert.institutionType]})
          </Text>
          <Text size="xs" c="dimmed">
            Requested {formatDate(request.requestedAt)} ·{' '}
            {request.reviewMode === 'REMOTE' ? 'remote review' : 'in person'} ·{' '}
            {request.sameSpecialtyAsOriginal ? 'same specialty as the original' : 'a different specialty'}
          </Text>
        </Stack>
        <Badge
          variant="light"
          color={request.status === 'RECEIVED' ? 'green' : request.status === 'CANCELLED' ? 'gray' : 'blue'}
        >
          {statusText[request.status]}
        </Badge>
      </Group>
      {request.independenceConcerns.length > 0 && (
        <Text size="sm" c="red.9" fw={500} mt="xs">
          Independence: {request.independenceConcerns.map((concern) => concern.replaceAll('_', ' ')).join(', ')}
        </Text>
      )}
      <Text size="sm" mt="xs">
        <Text span fw={500}>
          Coverage:
        </Text>{' '}
        {coverageText(request.coverage)}
      </Text>
      {request.question && (
        <Text size="sm" mt={4}>
          <Text span fw={500}>
            Asked:
          </Text>{' '}
          {request.question}
        </Text>
      )}
      <Stack mt="sm" gap="xs">
        <RecordsChecklist items={request.records} />
        <Group gap="xs">
          <RefusalLetterButton c={c} request={request} />
          {buttons
            .filter((button) => button.show && available.has(button.id))
            .map((button) => (
              <Button key={button.id} size="xs" variant="default" onClick={() => open(button.id, target)}>
                {button.label}
              </Button>
            ))}
        </Group>
      </Stack>
    </Card>
  );
};

export const RequestsSection = ({ c }: { c: CaseFieldsFragment }) => (
  <Stack>
    {c.requests.length === 0 && <Text c="dimmed">No opinion has been requested yet.</Text>}
    {c.requests.map((request) => (
      <RequestCard key={request.requestId} c={c} request={request} />
    ))}
  </Stack>
);
