import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AccessLogFilterInput } from '../../../gql/graphql';
import { formatDateTime } from '../../shared/dates';
import { errorMessage } from '../../shared/errors';
import { roleLabel } from '../../shared/labels';
import type { Role } from '../../../gql/graphql';
import { useNames } from '../../users/useNames';
import { AccessLogQuery } from '../graphql/access-log';

const FILTERS = ['userId', 'caseId', 'operation', 'outcome', 'from', 'to'] as const;

/** `from` and `to` are calendar days in the URL: from the start of the first, up to the end of the last. */
const instantOf = (key: 'from' | 'to', day: string): string | undefined => {
  const start = Date.parse(`${day}T00:00:00`);
  return Number.isNaN(start) ? undefined : new Date(start + (key === 'to' ? 86_400_000 : 0)).toISOString();
};

const filterOf = (params: URLSearchParams): AccessLogFilterInput =>
  Object.fromEntries(
    FILTERS.flatMap((key) => {
      const raw = params.get(key);
      const value = raw && (key === 'from' || key === 'to') ? instantOf(key, raw) : raw;
      return value ? [[key, value]] : [];
    }),
  );

/** Who read which patient's data, or tried to: filters in the URL, newest first. */
export const AccessLogPage = () => {
  const [params, setParams] = useSearchParams();
  const { name, users } = useNames();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const filter = filterOf(params);
  const { data, error, loading } = useQuery(AccessLogQuery, {
    variables: { first: 50, after: pages.at(-1) ?? null, filter },
    fetchPolicy: 'cache-and-network',
  });
  const set = (key: (typeof FILTERS)[number], value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setPages([null]);
    setParams(next);
  };
  const entries = data?.accessLog.entries ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        Access log
      </Title>
      <Group align="flex-end">
        <Select
          label="Who"
          placeholder="Anyone"
          data={users.map((u) => ({ value: u.id, label: u.displayName }))}
          value={params.get('userId')}
          onChange={(v) => set('userId', v)}
          clearable
          searchable
        />
        <TextInput
          label="Case id"
          placeholder="Any case"
          defaultValue={params.get('caseId') ?? ''}
          onBlur={(e) => set('caseId', e.currentTarget.value.trim() || null)}
        />
        <Select
          label="Operation"
          placeholder="Any"
          data={['case', 'caseAsOf', 'timeline', 'cases']}
          value={params.get('operation')}
          onChange={(v) => set('operation', v)}
          clearable
        />
        <DateInput
          label="From"
          placeholder="Any day"
          valueFormat="YYYY-MM-DD"
          clearable
          value={params.get('from')}
          onChange={(v) => set('from', v)}
        />
        <DateInput
          label="To (including)"
          placeholder="Any day"
          valueFormat="YYYY-MM-DD"
          clearable
          value={params.get('to')}
          onChange={(v) => set('to', v)}
        />
        <Select
          label="Outcome"
          placeholder="Any"
          data={['ALLOWED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']}
          value={params.get('outcome')}
          onChange={(v) => set('outcome', v)}
          clearable
        />
      </Group>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <Table aria-label="Access log entries" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Read</Table.Th>
            <Table.Th>Cases</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>
                {name(entry.userId)}
                <Text size="xs" c="dimmed">
                  {entry.role && entry.role in roleLabel ? roleLabel[entry.role as Role] : (entry.role ?? '')}
                </Text>
              </Table.Td>
              <Table.Td>{entry.operation}</Table.Td>
              <Table.Td>
                {entry.caseIds.length === 1 ? (
                  <Anchor component={Link} to={`/cases/${entry.caseIds[0]}`} size="sm">
                    Case {entry.caseIds[0]!.slice(0, 8)}
                  </Anchor>
                ) : (
                  <Text size="sm">{entry.caseIds.length} cases</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={entry.outcome === 'ALLOWED' ? 400 : 700}>
                  {entry.outcome === 'ALLOWED' ? 'Allowed' : `Refused: ${entry.outcome}`}
                </Text>
              </Table.Td>
              <Table.Td>{entry.clientAddress ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!loading && entries.length === 0 && <Text>No reads match these filters.</Text>}
      <Group>
        <Button variant="default" size="xs" disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
          Newer
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!data?.accessLog.pageInfo.hasNextPage}
          onClick={() => setPages([...pages, data?.accessLog.pageInfo.endCursor ?? null])}
        >
          Older
        </Button>
      </Group>
    </Stack>
  );
};
