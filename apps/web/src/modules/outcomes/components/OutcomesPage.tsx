import { useQuery } from '@apollo/client/react';
import { Alert, Card, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { RatesFragment } from '../../../gql/graphql';
import { useUser } from '../../auth/hooks/useSession';
import { useNames } from '../../users/useNames';
import { OutcomesQuery } from '../graphql/outcomes';
import { SMALL_SAMPLE, percent, wilson } from '../wilson';

const RatesChart = lazy(() => import('./RatesChart'));

const interval = (changed: number, trials: number) => {
  const ci = wilson(changed, trials);
  return ci ? `95% CI ${percent(ci.low)}–${percent(ci.high)}` : 'no opinions yet';
};

/** Whether the published figure lies inside our interval: a difference chance alone may explain, or not. */
export const againstPublished = (changed: number, trials: number, published: number): string => {
  const ci = wilson(changed, trials);
  if (!ci) {
    return `Published: ${percent(published)}`;
  }
  if (ci.low > published) {
    return `Higher than the published ${percent(published)}, beyond chance`;
  }
  if (ci.high < published) {
    return `Lower than the published ${percent(published)}, beyond chance`;
  }
  return `In line with the published ${percent(published)}`;
};

const RateCard = ({
  title,
  changed,
  trials,
  rate,
  published,
}: {
  title: string;
  changed: number;
  trials: number;
  rate: number | null | undefined;
  published: number;
}) => (
  <Card withBorder>
    <Text size="sm" fw={600}>
      {title}
    </Text>
    <Text size="xl" fw={700}>
      {percent(rate)}
    </Text>
    <Text size="sm">
      {changed} of {trials} opinions · {interval(changed, trials)}
    </Text>
    <Text size="sm" c="dimmed">
      {againstPublished(changed, trials, published)}
    </Text>
  </Card>
);

const ManagerTable = ({
  rows,
  names,
}: {
  rows: { caseManagerId: string; rates: RatesFragment }[];
  names: (id: string) => string;
}) => (
  <Table aria-label="Outcomes per case manager">
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Case manager</Table.Th>
        <Table.Th>Cases</Table.Th>
        <Table.Th>Opinions</Table.Th>
        <Table.Th>Diagnosis changed</Table.Th>
        <Table.Th>Treatment changed</Table.Th>
        <Table.Th>Days to decision</Table.Th>
        <Table.Th>Conflicts per case</Table.Th>
      </Table.Tr>
    </Table.Thead>
    <Table.Tbody>
      {rows.map(({ caseManagerId, rates }) => (
        <Table.Tr key={caseManagerId}>
          <Table.Td>{names(caseManagerId)}</Table.Td>
          <Table.Td>{rates.cases}</Table.Td>
          <Table.Td>{rates.receivedOpinions}</Table.Td>
          <Table.Td>{percent(rates.diagnosisChangedRate)}</Table.Td>
          <Table.Td>{percent(rates.treatmentChangedRate)}</Table.Td>
          <Table.Td>{rates.averageDaysToDecision?.toFixed(1) ?? '—'}</Table.Td>
          <Table.Td>{rates.conflictsPerCase?.toFixed(2) ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  </Table>
);

/** How often opinions changed the diagnosis or the treatment, against the published figures. */
export const OutcomesPage = () => {
  const user = useUser();
  const { name } = useNames();
  const { data, error } = useQuery(OutcomesQuery, { variables: {}, fetchPolicy: 'cache-and-network' });
  if (error) {
    return <Alert color="red">{error.message}</Alert>;
  }
  if (!data) {
    return <Loader role="status" aria-label="Loading outcomes" />;
  }
  const { overall, baseline, byManager } = data.outcomeStats;
  return (
    <Stack>
      <Title order={1} size="h2">
        Outcomes{user.role === 'CASE_MANAGER' ? ' of my cases' : ''}
      </Title>
      {overall.receivedOpinions < SMALL_SAMPLE && (
        <Alert color="yellow" title="Small sample">
          Only {overall.receivedOpinions} opinions have been received: the rates below can differ from the published
          figures by chance alone. Read the intervals, not the point figures.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <RateCard
          title="Diagnosis changed"
          changed={overall.diagnosisChanged}
          trials={overall.receivedOpinions}
          rate={overall.diagnosisChangedRate}
          published={baseline.diagnosisChangedRate}
        />
        <RateCard
          title="Treatment changed"
          changed={overall.treatmentChanged}
          trials={overall.receivedOpinions}
          rate={overall.treatmentChangedRate}
          published={baseline.treatmentChangedRate}
        />
        <Card withBorder>
          <Text size="sm" fw={600}>
            Opening to decision
          </Text>
          <Text size="xl" fw={700}>
            {overall.averageDaysToDecision === null || overall.averageDaysToDecision === undefined
              ? '—'
              : `${overall.averageDaysToDecision.toFixed(1)} days`}
          </Text>
          <Text size="sm">on average, over {overall.decidedCases} decided cases</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" fw={600}>
            Conflicts per case
          </Text>
          <Text size="xl" fw={700}>
            {overall.conflictsPerCase?.toFixed(2) ?? '—'}
          </Text>
          <Text size="sm">over {overall.cases} cases</Text>
        </Card>
      </SimpleGrid>
      <Suspense fallback={<Loader role="status" aria-label="Loading the chart" />}>
        <RatesChart
          data={[
            {
              label: 'Diagnosis changed',
              ours: (overall.diagnosisChangedRate ?? 0) * 100,
              published: baseline.diagnosisChangedRate * 100,
            },
            {
              label: 'Treatment changed',
              ours: (overall.treatmentChangedRate ?? 0) * 100,
              published: baseline.treatmentChangedRate * 100,
            },
          ]}
        />
      </Suspense>
      <Text size="xs" c="dimmed">
        Published figures: {baseline.source}
      </Text>
      {user.role !== 'CASE_MANAGER' && byManager.length > 0 && (
        <>
          <Title order={2} size="h3">
            Per case manager
          </Title>
          <ManagerTable rows={byManager} names={name} />
        </>
      )}
    </Stack>
  );
};
