import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../../test/render';
import { CaseloadTable } from './CaseloadTable';
import type { CaseloadRow } from './CaseloadTable';

const row = (overrides: Partial<CaseloadRow>): CaseloadRow => ({
  __typename: 'CaseSummary',
  id: 'case-1',
  patientName: 'Jana Nováková',
  conditionName: 'Glioblastoma',
  severity: 'LIFE_THREATENING',
  status: 'OPEN',
  deadline: '2026-11-20T23:00:00.000Z',
  deadlineState: 'OVERDUE',
  daysLeft: -2,
  openConflicts: 0,
  outstandingRecords: 0,
  overdueRecords: 0,
  refusedRecords: 0,
  pendingOpinions: 0,
  caseManagerId: 'ana',
  lastActivityAt: '2026-11-18T10:00:00.000Z',
  version: 4,
  warnings: [],
  ...overrides,
});

const rows = [
  row({ id: 'overdue' }),
  row({
    id: 'waiting',
    patientName: 'Tomás Silva',
    deadlineState: 'UPCOMING',
    daysLeft: 5,
    refusedRecords: 1,
    outstandingRecords: 2,
    pendingOpinions: 1,
    openConflicts: 1,
    warnings: [
      { __typename: 'CaseWarning', code: 'RECORDS_RELEASE_REFUSED' },
      { __typename: 'CaseWarning', code: 'MANY_FURTHER_OPINIONS' },
    ],
  }),
  row({ id: 'quiet', patientName: 'Mei Tanaka', deadline: null, deadlineState: null, daysLeft: null }),
];

const props = {
  rows,
  fetching: false,
  managerName: (id: string | null | undefined) => (id === 'ana' ? 'Ana Ruiz' : 'Unassigned'),
  changed: new Set<string>(),
  selectable: false,
  selected: [],
  onSelectedChange: () => undefined,
};

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('the caseload table', () => {
  it('says in words how urgent each case is and what it waits for, colour never the only signal', () => {
    renderWithApp(<CaseloadTable {...props} />);
    expect(within(rowOf('Jana Nováková')).getByText('2 days overdue')).toBeInTheDocument();
    expect(within(rowOf('Jana Nováková')).getByText('Nothing outstanding')).toBeInTheDocument();
    const waiting = within(rowOf('Tomás Silva'));
    for (const chip of [
      '5 days left',
      '1 record refused',
      '2 records outstanding',
      '1 opinion pending',
      '1 open conflict',
      'Many opinions',
    ]) {
      expect(waiting.getByText(chip)).toBeInTheDocument();
    }
    // A refusal is said once, not again as a warning chip.
    expect(waiting.queryByText('Records refused')).not.toBeInTheDocument();
    expect(within(rowOf('Mei Tanaka')).getByText('No deadline set')).toBeInTheDocument();
  });

  it('links each patient to the case page and names the case manager', () => {
    renderWithApp(<CaseloadTable {...props} />);
    expect(screen.getByRole('link', { name: 'Tomás Silva' })).toHaveAttribute('href', '/cases/waiting');
    expect(within(rowOf('Tomás Silva')).getByText('Ana Ruiz')).toBeInTheDocument();
  });

  it('offers row selection, each checkbox named after its patient, only where reassignment is allowed', () => {
    const { unmount } = renderWithApp(<CaseloadTable {...props} />);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    unmount();
    renderWithApp(<CaseloadTable {...props} selectable />);
    expect(screen.getByRole('checkbox', { name: 'Select Tomás Silva' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all cases on this page' })).toBeInTheDocument();
  });
});
