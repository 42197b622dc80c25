import { Alert, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { useCaseActions } from '../../actions/components/CaseActions';
import { formatDateTime } from '../../shared/dates';
import { resolutionLabel, standingLabel } from '../../shared/labels';
import { describeWarning } from '../../shared/warnings';

type Props = { c: CaseFieldsFragment; names: (id: string | null | undefined) => string };

const sourceName = (c: CaseFieldsFragment, source: string) => {
  if (source === 'original') {
    return `the original (${c.originalOpinion.clinician.name})`;
  }
  const request = c.requests.find((r) => r.requestId === source);
  return request ? `opinion ${request.ordinal} (${request.expert.name})` : source;
};

const URGENCY = { red: 0, orange: 1, yellow: 2 } as const;

/** The record items a warning is about, by their description. */
const itemsNamed = (c: CaseFieldsFragment, warning: CaseFieldsFragment['warnings'][number]): string[] =>
  (warning.itemIds ?? []).map(
    (itemId) =>
      c.requests.find((r) => r.requestId === warning.requestId)?.records.find((item) => item.itemId === itemId)
        ?.description ?? itemId,
  );

/** Most urgent first; each says what to do, and which items or rules it is about. */
export const WarningsList = ({ c }: { c: CaseFieldsFragment }) => {
  if (c.warnings.length === 0) {
    return null;
  }
  const warnings = c.warnings
    .map((warning) => ({ warning, text: describeWarning(warning.code) }))
    .sort((a, b) => URGENCY[a.text.severity] - URGENCY[b.text.severity]);
  return (
    <Stack gap="xs" aria-label="Warnings" component="section">
      {warnings.map(({ warning, text }, index) => {
        const about = [...itemsNamed(c, warning), ...(warning.matchedRules ?? [])];
        return (
          <Alert
            key={`${warning.code}-${warning.requestId ?? ''}-${index}`}
            color={text.severity}
            title={text.chip}
            p="xs"
          >
            {text.advice}
            {about.length > 0 && <> ({about.join('; ')})</>}
          </Alert>
        );
      })}
    </Stack>
  );
};

export const ConflictsSection = ({ c }: Pick<Props, 'c'>) => {
  const { available, open } = useCaseActions();
  if (c.conflicts.length === 0) {
    return <Text c="dimmed">No conflict between opinions.</Text>;
  }
  return (
    <Stack gap="xs">
      {c.conflicts.map((conflict) => (
        <Card key={conflict.conflictId} withBorder padding="sm">
          <Group justify="space-between">
            <Text fw={600}>
              {conflict.subject === 'DIAGNOSIS' ? 'Diagnosis' : 'Treatment'}: {conflict.description}
            </Text>
            <Badge
              color={conflict.standing === 'OPEN' ? 'grape' : 'gray'}
              variant={conflict.standing === 'OPEN' ? 'filled' : 'light'}
            >
              {standingLabel[conflict.standing]}
            </Badge>
          </Group>
          <Text size="sm">Between {conflict.between.map((source) => sourceName(c, source)).join(' and ')}</Text>
          <Text size="xs" c="dimmed">
            Raised {conflict.raisedAutomatically ? 'automatically' : 'by hand'} {formatDateTime(conflict.raisedAt)}
          </Text>
          {conflict.resolution && (
            <Text size="sm" mt={4}>
              Settled by {resolutionLabel[conflict.resolution].toLowerCase()}: {conflict.outcome} (
              {formatDateTime(conflict.resolvedAt)})
            </Text>
          )}
          {conflict.standing === 'OPEN' && available.has('resolveConflict') && (
            <Group mt="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => open('resolveConflict', { conflictId: conflict.conflictId })}
              >
                Resolve
              </Button>
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
};

type Decision = NonNullable<CaseFieldsFragment['decision']>;

const DecisionCard = ({ c, decision, names, earlier }: Props & { decision: Decision; earlier?: boolean }) => (
  <Card withBorder padding="sm" bg={earlier ? 'gray.0' : undefined}>
    <Text fw={600}>{earlier ? `Earlier decision: ${decision.optionChosen}` : decision.optionChosen}</Text>
    <Text size="sm" fs="italic" mt={4}>
      &ldquo;{decision.rationaleInPatientsWords}&rdquo;
    </Text>
    <Text size="xs" c="dimmed" mt={4}>
      {decision.followsOpinionOf ? `Follows ${sourceName(c, decision.followsOpinionOf)}. ` : ''}
      Recorded by {names(decision.recordedBy)}, {formatDateTime(decision.decidedAt)}
      {decision.openConflictsAcknowledged.length > 0
        ? `; decided over ${decision.openConflictsAcknowledged.length} open conflict(s), acknowledged`
        : ''}
    </Text>
  </Card>
);

export const DecisionSection = ({ c, names }: Props) => (
  <Stack gap="xs">
    {c.decision ? (
      <DecisionCard c={c} names={names} decision={c.decision} />
    ) : (
      <Text c="dimmed">The patient has not decided yet.</Text>
    )}
    {c.earlierDecisions.map((decision) => (
      <DecisionCard key={decision.decidedAt} c={c} names={names} decision={decision} earlier />
    ))}
  </Stack>
);

export const NotesSection = ({ c, names }: Props) =>
  c.notes.length === 0 ? (
    <Text c="dimmed">No notes.</Text>
  ) : (
    <List spacing="xs" listStyleType="none">
      {[...c.notes].reverse().map((note) => (
        <List.Item key={note.noteId}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.text}
          </Text>
          <Text size="xs" c="dimmed">
            {names(note.author)}, {formatDateTime(note.addedAt)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
