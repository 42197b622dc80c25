import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aCase, opinionRequest, receivedOpinion, recordItem } from '../../../../test/factories/case';
import { caseManager, renderWithApp } from '../../../../test/render';
import { AssignableUsersQuery } from '../../users/graphql/users';
import { AccessLogQuery } from '../../audit/graphql/access-log';
import { CaseAsOfQuery, CaseHistoryIntegrityQuery, CaseQuery, CaseUpdatedSubscription } from '../graphql/case';
import { TIMELINE_PAGE } from '../hooks/useCasePage';
import { CasePage } from './CasePage';

const theCase = aCase({
  version: 2,
  requests: [
    opinionRequest({
      status: 'RECEIVED',
      opinion: receivedOpinion('Anaplastic astrocytoma', 'Resection then radiotherapy with temozolomide'),
      records: [
        recordItem({
          status: 'REFUSED',
          refusedBy: 'Riverside Imaging',
          refusalReason: 'Will only release the report',
          refusals: [
            {
              __typename: 'Refusal',
              at: '2026-11-05T09:00:00.000Z',
              refusedBy: 'Riverside Imaging',
              reason: 'Will only release the report',
            },
          ],
        }),
      ],
    }),
  ],
  warnings: [
    {
      __typename: 'CaseWarning',
      code: 'ORIGINAL_CLINICIAN_NOT_INFORMED',
      requestId: null,
      itemIds: null,
      concerns: null,
      matchedRules: null,
      subjects: null,
      furtherOpinions: null,
      deadline: null,
    },
    {
      __typename: 'CaseWarning',
      code: 'RECORDS_RELEASE_REFUSED',
      requestId: 'second',
      itemIds: ['mri'],
      concerns: null,
      matchedRules: null,
      subjects: null,
      furtherOpinions: null,
      deadline: null,
    },
  ],
});
const opened = { ...aCase(), version: 1, requests: [], warnings: [] };

const entry = (revision: number, eventType: string, recordedAt: string) => ({
  __typename: 'TimelineEntry' as const,
  revision,
  eventType,
  occurredAt: recordedAt,
  recordedAt,
  actorId: 'ana',
  summary: eventType,
  text: null,
});

const mocks = [
  {
    request: { query: CaseHistoryIntegrityQuery, variables: { id: theCase.id } },
    result: {
      data: {
        case: {
          __typename: 'Case' as const,
          id: theCase.id,
          history: {
            __typename: 'HistoryIntegrity' as const,
            intact: false,
            checkedEvents: 1,
            unchainedEvents: 0,
            firstBrokenRevision: 1,
          },
        },
      },
    },
    maxUsageCount: 10,
  },
  // Live updates: subscribed to, and nothing happens during these tests.
  {
    request: { query: CaseUpdatedSubscription, variables: { caseId: theCase.id } },
    result: { data: null },
    delay: Infinity,
    maxUsageCount: 10,
  },
  {
    request: { query: CaseQuery, variables: { id: theCase.id, first: TIMELINE_PAGE } },
    result: {
      data: {
        case: {
          ...theCase,
          timeline: {
            __typename: 'TimelineConnection' as const,
            totalCount: 2,
            pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false },
            entries: [
              entry(0, 'CaseOpened', '2026-10-20T09:00:00.000Z'),
              entry(1, 'OpinionReceived', '2026-11-10T09:00:00.000Z'),
            ],
          },
        },
      },
    },
    maxUsageCount: 10,
  },
  {
    request: { query: CaseAsOfQuery, variables: { id: theCase.id, at: '2026-10-20T09:00:00.000Z' } },
    result: { data: { caseAsOf: opened } },
    maxUsageCount: 10,
  },
  {
    request: { query: AssignableUsersQuery },
    result: {
      data: { users: [{ __typename: 'AssignableUser', id: 'ana', displayName: 'Ana Ruiz', role: 'CASE_MANAGER' }] },
    },
    maxUsageCount: 10,
  },
  {
    request: { query: AccessLogQuery, variables: { first: 50, after: null, filter: { caseId: theCase.id } } },
    result: {
      data: {
        accessLog: {
          __typename: 'AccessLogConnection',
          entries: [
            {
              __typename: 'AccessLogEntry',
              id: '1',
              at: '2026-11-10T10:00:00.000Z',
              userId: 'ana',
              role: 'CASE_MANAGER',
              operation: 'case',
              outcome: 'ALLOWED',
              caseIds: [theCase.id],
              clientAddress: '127.0.0.1',
            },
          ],
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        },
      },
    },
    maxUsageCount: 10,
  },
];

const show = (options: { user?: typeof caseManager; path?: string } = {}) =>
  renderWithApp(<CasePage />, {
    mocks,
    route: '/cases/:caseId',
    path: options.path ?? `/cases/${theCase.id}`,
    ...options,
  });

describe('the case page', () => {
  it('shows the patient, the deadline, the warnings and the opinions, and offers what the case allows', async () => {
    show();
    expect(await screen.findByRole('heading', { name: 'Jana Nováková' })).toBeInTheDocument();
    expect(within(screen.getByLabelText('Decision deadline')).getByText('12 days left')).toBeInTheDocument();
    expect(screen.getByText('Records refused')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Opinions side by side' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Record the patient's decision" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reopen the case' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Who read this case' })).not.toBeInTheDocument();
  });

  it('lists the most urgent warning first, naming the record items it is about', async () => {
    show();
    const warnings = await screen.findByRole('region', { name: 'Warnings' });
    const titles = within(warnings)
      .getAllByText(/^(Records refused|Clinician not informed)$/)
      .map((node) => node.textContent);
    expect(titles).toEqual(['Records refused', 'Clinician not informed']);
    expect(within(warnings).getByText(/\(Brain MRI, original DICOM\)/)).toBeInTheDocument();
  });

  it("turns a refusal into a letter on the patient's legal right to a copy, in one click", async () => {
    show();
    await userEvent.click(await screen.findByRole('button', { name: "Letter: the patient's right to a copy" }));
    const letter = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Letter text' });
    expect(letter.value).toContain('To: Riverside Imaging');
    expect(letter.value).toContain('Jana Nováková, born 1961-04-12');
    expect(letter.value).toContain('45 CFR 164.524');
    expect(letter.value).toContain('Brain MRI, original DICOM');
  });

  it('shows an auditor the case and who read it, with no action at all', async () => {
    show({ user: { ...caseManager, id: 'ivy', role: 'AUDITOR', displayName: 'Ivy Grant' } });
    expect(await screen.findByRole('heading', { name: 'Jana Nováková' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Record the patient's decision" })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a note' })).not.toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'Who read this case' });
    expect(await within(history).findByText('Ana Ruiz')).toBeInTheDocument();
    const integrity = screen.getByRole('region', { name: 'Integrity of the record' });
    expect(await within(integrity).findByText("This case's history was altered")).toBeInTheDocument();
    expect(within(integrity).getByText(/revision 1 no longer matches/)).toBeInTheDocument();
  });

  it('shows the case as it stood at a moment of its timeline, and offers no action there', async () => {
    show({ path: `/cases/${theCase.id}?asOf=0` });
    expect(await screen.findByText('You are looking at the past')).toBeInTheDocument();
    expect(await screen.findByText(/No further opinion has been received yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Record the patient's decision" })).not.toBeInTheDocument();
    expect(screen.getByText('Since the moment shown')).toBeInTheDocument();
  });
});
