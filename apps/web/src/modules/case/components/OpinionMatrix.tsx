import { Badge, Stack, Table, Text } from '@mantine/core';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { formatDate } from '../../shared/dates';
import { institutionTypeLabel } from '../../shared/labels';
import { wordDiff } from '../word-diff';
import classes from './OpinionMatrix.module.css';

type Opinion = {
  source: string;
  heading: string;
  who: string;
  where: string;
  diagnosis: string;
  treatment: string;
  changesDiagnosis?: boolean;
  changesTreatment?: boolean;
  receivedAt?: string;
};

/** The words an opinion adds to the original are marked, the ones it drops struck through. */
export const Diffed = ({ original, text }: { original: string; text: string }) => (
  <span>
    {wordDiff(original, text).map((part, index) =>
      part.change === 'added' ? (
        <ins key={index} className={classes.added}>
          {part.text}
        </ins>
      ) : part.change === 'removed' ? (
        <del key={index} className={classes.removed}>
          {part.text}
        </del>
      ) : (
        <span key={index}>{part.text}</span>
      ),
    )}
  </span>
);

const Flag = ({ changed, what }: { changed: boolean | undefined; what: string }) =>
  changed === undefined ? null : (
    <Badge variant={changed ? 'filled' : 'light'} color={changed ? 'orange' : 'gray'} tt="none">
      {changed ? `Changes the ${what}` : `Same ${what}`}
    </Badge>
  );

const opinionsOf = (c: CaseFieldsFragment): Opinion[] => [
  {
    source: 'original',
    heading: 'Original opinion',
    who: `${c.originalOpinion.clinician.name}, ${c.originalOpinion.clinician.specialty}`,
    where: c.originalOpinion.clinician.institution,
    diagnosis: c.originalOpinion.diagnosis,
    treatment: c.originalOpinion.recommendedTreatment,
  },
  ...c.requests.flatMap((request) =>
    request.opinion
      ? [
          {
            source: request.requestId,
            heading: `Opinion ${request.ordinal}`,
            who: `${request.expert.name}, ${request.expert.specialty}`,
            where: `${request.expert.institution} (${institutionTypeLabel[request.expert.institutionType]})`,
            diagnosis: request.opinion.diagnosis,
            treatment: request.opinion.recommendedTreatment,
            changesDiagnosis: request.opinion.changesDiagnosis,
            changesTreatment: request.opinion.changesTreatment,
            receivedAt: request.opinion.receivedAt,
          },
        ]
      : [],
  ),
];

/**
 * The original and every received opinion side by side: diagnosis and treatment with the words
 * that differ from the original highlighted, the changed flags, and the conflicts they raised.
 */
export const OpinionMatrix = ({ c }: { c: CaseFieldsFragment }) => {
  const opinions = opinionsOf(c);
  const original = opinions[0]!;
  const conflictsOf = (source: string) => c.conflicts.filter((conflict) => conflict.between.includes(source));
  if (opinions.length === 1) {
    return (
      <Text c="dimmed">No further opinion has been received yet; the original opinion is at the top of the page.</Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={opinions.length * 260}>
      <Table
        withTableBorder
        withColumnBorders
        layout="fixed"
        aria-label="Opinions side by side"
        className={classes.matrix}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={120}>
              <span className={classes.visuallyHidden}>Aspect</span>
            </Table.Th>
            {opinions.map((opinion) => (
              <Table.Th key={opinion.source} scope="col">
                {opinion.heading}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Who</Table.Th>
            {opinions.map((opinion) => (
              <Table.Td key={opinion.source}>
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {opinion.who}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {opinion.where}
                  </Text>
                  {opinion.receivedAt && (
                    <Text size="xs" c="dimmed">
                      Received {formatDate(opinion.receivedAt)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Diagnosis</Table.Th>
            {opinions.map((opinion) => (
              <Table.Td key={opinion.source}>
                <Stack gap={6} align="flex-start">
                  {opinion === original ? (
                    opinion.diagnosis
                  ) : (
                    <Diffed original={original.diagnosis} text={opinion.diagnosis} />
                  )}
                  <Flag changed={opinion.changesDiagnosis} what="diagnosis" />
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Treatment</Table.Th>
            {opinions.map((opinion) => (
              <Table.Td key={opinion.source}>
                <Stack gap={6} align="flex-start">
                  {opinion === original ? (
                    opinion.treatment
                  ) : (
                    <Diffed original={original.treatment} text={opinion.treatment} />
                  )}
                  <Flag changed={opinion.changesTreatment} what="treatment" />
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Conflicts</Table.Th>
            {opinions.map((opinion) => (
              <Table.Td key={opinion.source}>
                {conflictsOf(opinion.source).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  conflictsOf(opinion.source).map((conflict) => (
                    <Text size="sm" key={conflict.conflictId}>
                      {conflict.subject === 'DIAGNOSIS' ? 'Diagnosis' : 'Treatment'} (
                      {conflict.standing === 'OPEN' ? 'open' : 'settled'})
                    </Text>
                  ))
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
