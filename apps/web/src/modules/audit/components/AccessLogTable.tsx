import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AccessLogQuery, Role } from '../../../gql/graphql';
import { formatDateTime } from '../../shared/dates';
import { roleLabel } from '../../shared/labels';

type Props = {
  label: string;
  entries: AccessLogQuery['accessLog']['entries'];
  names: (id: string) => string;
  /** Off on a case's own page, where every entry is about that case. */
  showCases: boolean;
};

/** Reads of patient data and refused attempts: when, who (and as what), what, the outcome, from where. */
export const AccessLogTable = ({ label, entries, names, showCases }: Props) => (
  <Table aria-label={label} striped>
    <Table.Thead>
      <Table.Tr>
        <Table.Th>When</Table.Th>
        <Table.Th>Who</Table.Th>
        <Table.Th>Read</Table.Th>
        {showCases && <Table.Th>Cases</Table.Th>}
        <Table.Th>Outcome</Table.Th>
        <Table.Th>From</Table.Th>
      </Table.Tr>
    </Table.Thead>
    <Table.Tbody>
      {entries.map((entry) => (
        <Table.Tr key={entry.id}>
          <Table.Td>{formatDateTime(entry.at)}</Table.Td>
          <Table.Td>
            {names(entry.userId)}
            <Text size="xs" c="dimmed">
              {entry.role && entry.role in roleLabel ? roleLabel[entry.role as Role] : (entry.role ?? '')}
            </Text>
          </Table.Td>
          <Table.Td>{entry.operation}</Table.Td>
          {showCases && (
            <Table.Td>
              {entry.caseIds.length === 1 ? (
                <Anchor component={Link} to={`/cases/${entry.caseIds[0]}`} size="sm">
                  Case {entry.caseIds[0]!.slice(0, 8)}
                </Anchor>
              ) : (
                <Text size="sm">{entry.caseIds.length} cases</Text>
              )}
            </Table.Td>
          )}
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
);
