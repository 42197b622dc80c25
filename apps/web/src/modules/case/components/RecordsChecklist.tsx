import { Badge, Table, Text } from '@mantine/core';
import type { CaseFieldsFragment, RecordStatus } from '../../../gql/graphql';
import { formatDate } from '../../shared/dates';
import { recordKindLabel, recordStatusLabel, transferMethodLabel } from '../../shared/labels';
import classes from './RecordsChecklist.module.css';

type Item = CaseFieldsFragment['requests'][number]['records'][number];

const statusColour: Record<RecordStatus, string> = {
  REQUESTED: 'blue',
  SENT: 'cyan',
  RECEIVED: 'green',
  REFUSED: 'red',
};

const dates = (item: Item) =>
  [
    `requested ${formatDate(item.requestedAt)}`,
    item.dueBy ? `due ${formatDate(item.dueBy)}` : undefined,
    item.sentAt ? `sent ${formatDate(item.sentAt)}` : undefined,
    item.receivedAt ? `received ${formatDate(item.receivedAt)}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

/** The records of one request, item by item: where each stands, how it travels, when. */
export const RecordsChecklist = ({ items }: { items: Item[] }) =>
  items.length === 0 ? (
    <Text size="sm" c="dimmed">
      No records requested yet.
    </Text>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} aria-label="Records checklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Held by, and how it travels</Table.Th>
            <Table.Th>Dates</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.itemId} className={item.status === 'REFUSED' ? classes.refused : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {item.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {recordKindLabel[item.kind]}
                  {item.modality ? ` · ${item.modality}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={statusColour[item.status]} variant={item.status === 'REFUSED' ? 'filled' : 'light'}>
                  {recordStatusLabel[item.status]}
                </Badge>
                {item.overdue && (
                  <Badge color="orange" variant="light" ml={4}>
                    Overdue
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.holder}</Text>
                <Text size="xs" c="dimmed">
                  {transferMethodLabel[item.transferMethod]}
                  {item.trackingReference ? ` · tracking ${item.trackingReference}` : ''}
                </Text>
                {item.status === 'REFUSED' && (
                  <Text size="sm" c="red.9" fw={500}>
                    Refused by {item.refusedBy}: {item.refusalReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{dates(item)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
