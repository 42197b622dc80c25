import { useQuery } from '@apollo/client/react';
import { Table, Text } from '@mantine/core';
import { CaseAccessHistoryQuery } from '../graphql/case';
import { formatDateTime } from '../../shared/dates';

/** Who read this case, and who was refused: for auditors and supervisors. */
export const CaseAccessHistory = ({ caseId, names }: { caseId: string; names: (id: string) => string }) => {
  const { data, error } = useQuery(CaseAccessHistoryQuery, { variables: { caseId }, fetchPolicy: 'cache-and-network' });
  if (error) {
    return <Text c="red.9">{error.message}</Text>;
  }
  const entries = data?.accessLog.entries ?? [];
  return (
    <Table verticalSpacing={4} aria-label="Access history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>What</Table.Th>
          <Table.Th>Outcome</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>
              <Text size="xs">{formatDateTime(entry.at)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{names(entry.userId)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{entry.operation}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={entry.outcome === 'ALLOWED' ? 400 : 700}>
                {entry.outcome === 'ALLOWED' ? 'Allowed' : `Refused (${entry.outcome})`}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
