import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AccessLogFilterInput } from '../../../gql/graphql';
import { errorMessage } from '../../shared/errors';
import { useNames } from '../../users/useNames';
import { AccessLogQuery } from '../graphql/access-log';
import { AccessLogTable } from './AccessLogTable';

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
      <AccessLogTable label="Access log entries" entries={entries} names={name} showCases />
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
