import { useQuery } from '@apollo/client/react';
import { Alert, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { CaseHistoryIntegrityQuery } from '../graphql/case';

/** For auditors and supervisors: whether the case's stored history is as it was recorded. */
export const HistoryIntegrity = ({ caseId, version }: { caseId: string; version: number }) => {
  const { data, error, refetch } = useQuery(CaseHistoryIntegrityQuery, {
    variables: { id: caseId },
    fetchPolicy: 'network-only',
  });
  // Checked again when the case moves on.
  const checked = useRef(version);
  useEffect(() => {
    if (checked.current !== version) {
      checked.current = version;
      void refetch();
    }
  }, [version, refetch]);
  if (error) {
    return <Text c="red.9">{error.message}</Text>;
  }
  const history = data?.case.history;
  if (!history) {
    return <Text size="sm">Checking the history…</Text>;
  }
  if (!history.intact) {
    return (
      <Alert color="red" title="This case's history was altered" role="alert">
        The stored event at revision {history.firstBrokenRevision} no longer matches what was recorded: it was changed,
        removed or moved. Report it; do not rely on this case's history from that point.
      </Alert>
    );
  }
  return (
    <Text size="sm">
      History intact: all {history.checkedEvents} events match their hash chain
      {history.unchainedEvents > 0 ? ` (${history.unchainedEvents} recorded before the chain existed)` : ''}.
    </Text>
  );
};
