import { Alert, Anchor, Button, Grid, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { CaseActions, useCaseActions } from '../../actions/components/CaseActions';
import type { ActionId } from '../../actions/availability';
import { commandForms } from '../../actions/forms';
import { useUser } from '../../auth/hooks/useSession';
import { formatDateTime } from '../../shared/dates';
import { apiError } from '../../shared/errors';
import { useNames } from '../../users/useNames';
import { useCasePage } from '../hooks/useCasePage';
import { CaseAccessHistory } from './CaseAccessHistory';
import { CaseHeader } from './CaseHeader';
import { HistoryIntegrity } from './HistoryIntegrity';
import { ConflictsSection, DecisionSection, NotesSection, WarningsList } from './CaseSections';
import { OpinionMatrix } from './OpinionMatrix';
import { PrintSummary } from './PrintSummary';
import { RequestsSection } from './RequestsSection';
import { TimelineSection } from './TimelineSection';

const PRIMARY: ActionId[] = [
  'setDecisionDeadline',
  'informOriginalClinician',
  'requestOpinion',
  'raiseConflict',
  'makeDecision',
  'addNote',
  'assignCaseManager',
  'closeCase',
  'reopenCase',
];

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Paper component="section" withBorder p="md" aria-label={title}>
    <Title order={2} size="h4" mb="sm">
      {title}
    </Title>
    {children}
  </Paper>
);

const ActionBar = () => {
  const { available, open } = useCaseActions();
  return (
    <Group gap="xs" className="no-print">
      {PRIMARY.filter((id) => available.has(id)).map((id) => (
        <Button key={id} size="xs" variant={id === 'makeDecision' ? 'filled' : 'default'} onClick={() => open(id)}>
          {commandForms[id].label}
        </Button>
      ))}
      <Button size="xs" variant="subtle" onClick={() => window.print()}>
        Print a summary for the patient
      </Button>
    </Group>
  );
};

const CaseBody = ({
  c,
  live,
  page,
}: {
  c: CaseFieldsFragment;
  live: CaseFieldsFragment;
  page: ReturnType<typeof useCasePage>;
}) => {
  const user = useUser();
  const { name } = useNames();
  const asOfEntry = page.entries.find((entry) => entry.revision === page.asOf);
  return (
    <>
      <Stack className="case-screen">
        <Anchor component={Link} to="/" size="sm">
          Back to the caseload
        </Anchor>
        {asOfEntry && (
          <Alert color="yellow" title="You are looking at the past" role="status">
            The case as it stood on {formatDateTime(asOfEntry.recordedAt)}; {live.version - asOfEntry.revision} event(s)
            have been recorded since, marked in the timeline. Nothing can be changed from here.
          </Alert>
        )}
        <CaseHeader c={c} managerName={name(c.caseManagerId)} now={new Date()} />
        {!asOfEntry && <ActionBar />}
        <WarningsList c={c} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack>
              <Section title="Opinions side by side">
                <OpinionMatrix c={c} />
              </Section>
              <Section title="Opinion requests and records">
                <RequestsSection c={c} />
              </Section>
              <Section title="Conflicts">
                <ConflictsSection c={c} />
              </Section>
              <Section title="Decision">
                <DecisionSection c={c} names={name} />
              </Section>
              <Section title="Notes">
                <NotesSection c={c} names={name} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              <Section title="Timeline">
                <TimelineSection
                  entries={page.entries}
                  names={name}
                  asOf={page.asOf}
                  onAsOf={page.setAsOf}
                  onLoadMore={page.loadMoreEvents}
                />
              </Section>
              {user.role !== 'CASE_MANAGER' && (
                <>
                  <Section title="Integrity of the record">
                    <HistoryIntegrity caseId={live.id} version={live.version} />
                  </Section>
                  <Section title="Who read this case">
                    <CaseAccessHistory caseId={c.id} names={name} />
                  </Section>
                </>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <PrintSummary c={c} />
    </>
  );
};

/** One case in full: everything a case manager needs to act, and the history to account for it. */
export const CasePage = () => {
  const { caseId = '' } = useParams();
  const page = useCasePage(caseId);
  const live = page.current.data?.case;
  if (!live) {
    if (page.current.error) {
      const error = apiError(page.current.error);
      return (
        <Alert
          color="red"
          title={
            error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'
              ? 'No such case in your caseload'
              : 'Could not load the case'
          }
        >
          {error.message}{' '}
          <Anchor component={Link} to="/">
            Back to the caseload
          </Anchor>
        </Alert>
      );
    }
    return <Loader role="status" aria-label="Loading the case" />;
  }
  // Moving back in time replaces what is shown, never what can be done: actions stay on the present.
  const shown = page.past ?? live;
  return (
    <CaseActions c={live} onReload={page.reload}>
      <CaseBody c={shown} live={live} page={page} />
    </CaseActions>
  );
};
