import { Button, Group, MultiSelect, Select, Slider, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CaseQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../shared/dates';

export type TimelineEntry = CaseQuery['case']['timeline']['entries'][number];

type Props = {
  entries: TimelineEntry[];
  names: (id: string | null | undefined) => string;
  /** The revision the page shows the case at; undefined for now. */
  asOf: number | undefined;
  onAsOf: (revision: number | undefined) => void;
  /** Set while older events are still to be fetched. */
  onLoadMore: (() => void) | undefined;
};

const words = (eventType: string) => eventType.replace(/([a-z])([A-Z])/g, '$1 $2');

/**
 * Every event of the case, filterable by kind, who and when, with the as-of scrubber: drag it to
 * see the case as it stood then; the events after it are what changed since.
 */
export const TimelineSection = ({ entries, names, asOf, onAsOf, onLoadMore }: Props) => {
  const [kinds, setKinds] = useState<string[]>([]);
  const [who, setWho] = useState<string | null>(null);
  const [since, setSince] = useState<string | null>(null);
  const kindOptions = useMemo(
    () => [...new Set(entries.map((e) => e.eventType))].map((k) => ({ value: k, label: words(k) })),
    [entries],
  );
  const whoOptions = useMemo(
    () =>
      [...new Set(entries.map((e) => e.actorId ?? ''))].filter(Boolean).map((id) => ({ value: id, label: names(id) })),
    [entries, names],
  );
  const first = entries[0]?.revision ?? 0;
  const last = entries.at(-1)?.revision ?? 0;
  const shown = entries.filter(
    (e) =>
      (kinds.length === 0 || kinds.includes(e.eventType)) &&
      (!who || e.actorId === who) &&
      (!since || Date.parse(e.recordedAt) >= Date.now() - Number(since) * 86_400_000),
  );
  const asOfEntry = entries.find((e) => e.revision === asOf);
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="as-of-label">
          As of:{' '}
          {asOfEntry ? `${formatDateTime(asOfEntry.recordedAt)} (event ${asOfEntry.revision} of ${last})` : 'now'}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Slider
            flex={1}
            min={first}
            max={Math.max(first + 1, last)}
            step={1}
            value={asOf ?? last}
            onChange={(value) => onAsOf(value >= last ? undefined : value)}
            label={(value) => words(entries.find((e) => e.revision === value)?.eventType ?? '')}
            thumbProps={{ 'aria-labelledby': 'as-of-label' }}
            disabled={last - first < 1}
          />
          {asOf !== undefined && (
            <Button size="xs" variant="default" onClick={() => onAsOf(undefined)}>
              Back to now
            </Button>
          )}
        </Group>
      </Stack>
      <Group grow>
        <MultiSelect
          label="Kind"
          data={kindOptions}
          value={kinds}
          onChange={setKinds}
          clearable
          placeholder="Every kind"
        />
        <Select label="Who" data={whoOptions} value={who} onChange={setWho} clearable placeholder="Anyone" />
        <Select
          label="When"
          data={[
            { value: '1', label: 'Last 24 hours' },
            { value: '7', label: 'Last 7 days' },
            { value: '30', label: 'Last 30 days' },
          ]}
          value={since}
          onChange={setSince}
          clearable
          placeholder="Any time"
        />
      </Group>
      <Table verticalSpacing={4} aria-label="Timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Who</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...shown].reverse().map((entry) => (
            <Table.Tr key={entry.revision} bg={asOf !== undefined && entry.revision > asOf ? 'yellow.0' : undefined}>
              <Table.Td>
                <Text size="xs">{formatDateTime(entry.occurredAt)}</Text>
                {asOf !== undefined && entry.revision > asOf && (
                  <Text size="xs" fw={700}>
                    Since the moment shown
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {words(entry.eventType)}
                </Text>
                {entry.text && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.text}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{names(entry.actorId)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onLoadMore && (
        <Button variant="default" size="xs" onClick={onLoadMore}>
          Load more events
        </Button>
      )}
    </Stack>
  );
};
