import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { apiError } from '../../shared/errors';
import { ReassignCaseMutation } from '../graphql/caseload';
import type { CaseloadRow } from './CaseloadTable';

type Props = {
  selected: CaseloadRow[];
  managers: { value: string; label: string }[];
  onDone: () => void;
};

/**
 * Supervisors move the selected cases to another case manager, each with the version they saw:
 * a case changed meanwhile is reported, not overwritten; the others are moved.
 */
export const ReassignBar = ({ selected, managers, onDone }: Props) => {
  const [to, setTo] = useState<string | null>(null);
  const [reassign] = useMutation(ReassignCaseMutation);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!to) {
      return;
    }
    setBusy(true);
    const moving = selected.filter((row) => row.caseManagerId !== to);
    const results = await Promise.all(
      moving.map((row) =>
        reassign({
          variables: {
            input: {
              caseId: row.id,
              caseManagerId: to,
              expectedVersion: row.version,
              commandId: crypto.randomUUID(),
              reason: 'Bulk reassignment',
            },
          },
        }).then(
          () => undefined,
          (error: unknown) => `${row.patientName}: ${apiError(error).message}`,
        ),
      ),
    );
    setBusy(false);
    const failures = results.filter((result): result is string => result !== undefined);
    notifications.show({
      color: failures.length ? 'orange' : 'teal',
      title: `${moving.length - failures.length} of ${moving.length} cases reassigned`,
      message: failures.length ? failures.join('\n') : 'The caseloads are updated.',
      autoClose: failures.length ? false : 4000,
    });
    onDone();
  };

  return (
    <Paper withBorder p="xs" bg="indigo.0" role="region" aria-label="Bulk reassignment">
      <Group>
        <Text size="sm" fw={600}>
          {selected.length} selected
        </Text>
        <Select
          aria-label="Reassign to"
          placeholder="Reassign to…"
          data={managers}
          value={to}
          onChange={setTo}
          searchable
          size="xs"
        />
        <Button size="xs" onClick={() => void run()} disabled={!to} loading={busy}>
          Reassign {selected.length} {selected.length === 1 ? 'case' : 'cases'}
        </Button>
      </Group>
    </Paper>
  );
};
