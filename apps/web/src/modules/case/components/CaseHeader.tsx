import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { DeadlineBadge } from '../../shared/components/DeadlineBadge';
import { daysBetween, formatDate, formatDateTime } from '../../shared/dates';
import { PatientName } from '../../shared/components/PatientName';
import {
  closeReasonLabel,
  erasureReasonLabel,
  informMethodLabel,
  severityLabel,
  statusLabel,
} from '../../shared/labels';

type Props = { c: CaseFieldsFragment; managerName: string; now: Date };

/** Who the patient is, what is at stake, and how much time is left. */
export const CaseHeader = ({ c, managerName, now }: Props) => (
  <Stack gap="sm">
    <Group justify="space-between" align="flex-start">
      <Stack gap={2}>
        <Title order={1} size="h2">
          <PatientName name={c.patient.name} />
        </Title>
        <Text size="sm" c="dimmed">
          {c.erasure ? '' : c.patient.birthDate ? `Born ${c.patient.birthDate} · ` : 'Birth date not recorded · '}
          {c.patient.medicalRecordNumber ? `record ${c.patient.medicalRecordNumber} · ` : ''}case manager {managerName}
        </Text>
      </Stack>
      <Group gap="xs">
        <Badge
          size="lg"
          variant="light"
          color={c.status === 'OPEN' ? 'indigo' : c.status === 'DECIDED' ? 'teal' : 'gray'}
        >
          {statusLabel[c.status]}
        </Badge>
        <Badge size="lg" variant="light" color={c.condition.severity === 'LIFE_THREATENING' ? 'red' : 'gray'}>
          {severityLabel[c.condition.severity]}
        </Badge>
      </Group>
    </Group>
    {c.erasure && (
      <Alert color="gray" title="The patient's data was erased" aria-label="Erasure">
        On {formatDateTime(c.erasure.erasedAt)} ({erasureReasonLabel[c.erasure.reason]}). Names, birth date, record
        number and every text typed on this case read "erased"; the rest of its history stands.
      </Alert>
    )}
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder padding="sm">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          Condition
        </Text>
        <Text fw={600}>{c.condition.name}</Text>
        <Text size="sm">
          {c.condition.isCancer ? 'Cancer: a comprehensive cancer centre is preferred' : 'Not cancer'}
        </Text>
        <Text size="xs" c="dimmed">
          Opened {formatDate(c.openedAt)}, {daysBetween(c.openedAt, now)} days ago
        </Text>
      </Card>
      <Card withBorder padding="sm" aria-label="Decision deadline">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          Decision deadline
        </Text>
        {c.deadline ? (
          <Stack gap={2} align="flex-start">
            <Group gap="xs">
              <Text fw={600}>{formatDate(c.deadline)}</Text>
              <DeadlineBadge daysLeft={c.daysLeft} deadlineState={c.deadlineState} />
            </Group>
            <Text size="sm">Set by {c.deadlineSource}</Text>
            <Text size="xs" c="dimmed">
              {daysBetween(c.openedAt, now)} days elapsed since opening
            </Text>
          </Stack>
        ) : (
          <Text size="sm">No deadline set: ask the treating doctor how much time there is.</Text>
        )}
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          Original opinion
        </Text>
        <Text fw={600}>{c.originalOpinion.diagnosis}</Text>
        <Text size="sm">{c.originalOpinion.recommendedTreatment}</Text>
        <Text size="xs" c="dimmed">
          {c.originalOpinion.clinician.name}, {c.originalOpinion.clinician.specialty},{' '}
          {c.originalOpinion.clinician.institution}
        </Text>
        <Text size="xs" c="dimmed">
          {c.clinicianInformedAt
            ? `Informed ${formatDate(c.clinicianInformedAt)} by ${informMethodLabel[c.clinicianInformedMethod ?? 'OTHER'].toLowerCase()}`
            : 'Not yet told that another opinion is sought'}
        </Text>
      </Card>
    </SimpleGrid>
    {c.status === 'CLOSED' && (
      <Text size="sm">
        Closed {formatDateTime(c.closedAt)}: {c.closeReason ? closeReasonLabel[c.closeReason] : ''}
        {c.closeComment ? ` (${c.closeComment})` : ''}
      </Text>
    )}
  </Stack>
);
