import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import type { FormContext, Values } from './form-spec';

type Request = CaseFieldsFragment['requests'][number];

export const notCancelled = (request: Request): boolean => request.status !== 'CANCELLED';
export const awaitingOpinion = (request: Request): boolean => request.status === 'REQUESTED';

/** The opinion request a command is about, described as "Opinion 2: Dr Okafor (Memorial)". */
export const RequestSelect = <V extends Values>({
  form,
  context,
  keep,
  onPicked,
}: {
  form: UseFormReturnType<V>;
  context: FormContext;
  keep: (request: Request) => boolean;
  /** After another request is picked (say, to clear the items chosen for the previous one). */
  onPicked?: () => void;
}) => {
  const input = form.getInputProps('requestId');
  return (
    <Select
      label="Opinion request"
      data={context.case.requests.filter(keep).map((request) => ({
        value: request.requestId,
        label: `Opinion ${request.ordinal}: ${request.expert.name} (${request.expert.institution})`,
      }))}
      allowDeselect={false}
      {...input}
      onChange={(value: string | null) => {
        (input.onChange as (value: string) => void)(value ?? '');
        onPicked?.();
      }}
    />
  );
};
