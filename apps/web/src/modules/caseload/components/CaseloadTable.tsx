import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import type { DataTableColumn } from 'mantine-datatable';
import { Link } from 'react-router';
import type { CaseloadQuery } from '../../../gql/graphql';
import { DeadlineBadge } from '../../shared/components/DeadlineBadge';
import { formatDate } from '../../shared/dates';
import { severityLabel, statusLabel } from '../../shared/labels';
import { describeWarning } from '../../shared/warnings';
import classes from './CaseloadTable.module.css';
import { PatientName, patientLabel } from '../../shared/components/PatientName';

export type CaseloadRow = CaseloadQuery['cases']['edges'][number]['node'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the case is waiting for, in words: records, opinions, conflicts, then the warnings. */
export const AttentionChips = ({ row }: { row: CaseloadRow }) => {
  const chips: { text: string; color: string }[] = [];
  if (row.refusedRecords > 0) {
    chips.push({ text: plural(row.refusedRecords, 'record refused', 'records refused'), color: 'red' });
  }
  if (row.overdueRecords > 0) {
    chips.push({ text: plural(row.overdueRecords, 'record overdue', 'records overdue'), color: 'orange' });
  }
  if (row.outstandingRecords > 0) {
    chips.push({ text: plural(row.outstandingRecords, 'record outstanding', 'records outstanding'), color: 'blue' });
  }
  if (row.pendingOpinions > 0) {
    chips.push({ text: plural(row.pendingOpinions, 'opinion pending', 'opinions pending'), color: 'blue' });
  }
  if (row.openConflicts > 0) {
    chips.push({ text: plural(row.openConflicts, 'open conflict', 'open conflicts'), color: 'grape' });
  }
  const shown = new Set(['DEADLINE_PASSED', 'RECORDS_RELEASE_REFUSED', 'RECORDS_OVERDUE']);
  for (const code of new Set(row.warnings.map((w) => w.code))) {
    if (!shown.has(code)) {
      const warning = describeWarning(code);
      chips.push({ text: warning.chip, color: warning.severity });
    }
  }
  if (chips.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing outstanding
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {chips.map((chip) => (
        <Badge key={chip.text} variant="light" color={chip.color} size="sm" tt="none">
          {chip.text}
        </Badge>
      ))}
    </Group>
  );
};

type Props = {
  rows: CaseloadRow[];
  fetching: boolean;
  managerName: (id: string | null | undefined) => string;
  /** Rows changed by someone else a moment ago, shown as such until the next change. */
  changed: ReadonlySet<string>;
  selectable: boolean;
  selected: CaseloadRow[];
  onSelectedChange: (rows: CaseloadRow[]) => void;
};

const columns = (managerName: Props['managerName']): DataTableColumn<CaseloadRow>[] => [
  {
    accessor: 'patientName',
    title: 'Patient',
    render: (row) => (
      <Stack gap={0}>
        <Anchor component={Link} to={`/cases/${row.id}`} fw={600} data-case-link className={classes.caseLink}>
          <PatientName name={row.patientName} />
        </Anchor>
        <Text size="sm" c="dimmed">
          {row.conditionName} · {severityLabel[row.severity]}
        </Text>
      </Stack>
    ),
  },
  {
    accessor: 'deadline',
    title: 'Deadline',
    render: (row) =>
      row.deadline ? (
        <Stack gap={2} align="flex-start">
          <DeadlineBadge daysLeft={row.daysLeft} deadlineState={row.deadlineState} />
          <Text size="xs" c="dimmed">
            {formatDate(row.deadline)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No deadline set
        </Text>
      ),
  },
  { accessor: 'attention', title: 'Needs attention', render: (row) => <AttentionChips row={row} /> },
  { accessor: 'status', title: 'Status', render: (row) => statusLabel[row.status] },
  { accessor: 'caseManagerId', title: 'Case manager', render: (row) => managerName(row.caseManagerId) },
  { accessor: 'lastActivityAt', title: 'Last activity', render: (row) => formatDate(row.lastActivityAt) },
];

export const CaseloadTable = ({
  rows,
  fetching,
  managerName,
  changed,
  selectable,
  selected,
  onSelectedChange,
}: Props) => (
  <DataTable
    aria-label="Caseload"
    records={rows}
    columns={columns(managerName)}
    idAccessor="id"
    fetching={fetching}
    minHeight={rows.length === 0 ? 160 : undefined}
    noRecordsText="No cases in this view"
    highlightOnHover
    verticalSpacing="xs"
    rowClassName={(row) => (changed.has(row.id) ? `${classes.row} ${classes.changed}` : classes.row)}
    {...(selectable
      ? {
          selectedRecords: selected,
          onSelectedRecordsChange: onSelectedChange,
          allRecordsSelectionCheckboxProps: { 'aria-label': 'Select all cases on this page' },
          getRecordSelectionCheckboxProps: (row: CaseloadRow) => ({
            'aria-label': `Select ${patientLabel(row.patientName)}`,
          }),
        }
      : {})}
  />
);
