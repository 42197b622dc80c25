import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { AccessLogTable } from '../../audit/components/AccessLogTable';
import { AccessLogQuery } from '../../audit/graphql/access-log';

/** Who read this case, and who was refused, newest first: for auditors and supervisors. */
export const CaseAccessHistory = ({ caseId, names }: { caseId: string; names: (id: string) => string }) => {
  const { data, error } = useQuery(AccessLogQuery, {
    variables: { first: 50, after: null, filter: { caseId } },
    fetchPolicy: 'cache-and-network',
  });
  if (error) {
    return <Text c="red.9">{error.message}</Text>;
  }
  return (
    <AccessLogTable label="Access history" entries={data?.accessLog.entries ?? []} names={names} showCases={false} />
  );
};
