import type { UseFormReturnType } from '@mantine/form';
import type { CommandType } from '@sot/domain';
import type { DocumentNode } from 'graphql';
import type { ReactNode } from 'react';
import type { AssignableUsersQuery, CaseFieldsFragment } from '../../../gql/graphql';
import type { ActionId } from '../availability';

/** What an action is aimed at, when it is started from a row of the page (a request, its items, a conflict). */
export type FormTarget = { requestId?: string; itemIds?: string[]; conflictId?: string };

export type FormContext = {
  case: CaseFieldsFragment;
  target: FormTarget;
  users: AssignableUsersQuery['users'];
};

export type Values = Record<string, unknown>;

export type CommandFormSpec<V extends Values = Values> = {
  id: ActionId;
  /** The verb phrase on the button and in the palette. */
  label: string;
  group: 'Case' | 'Opinions' | 'Records' | 'Conflicts' | 'Decision';
  domainType: CommandType;
  mutation: DocumentNode;
  /** The mutation's field in the answer. */
  field: string;
  /** Input fields whose values are enum codes (the domain spells them in lower case). */
  enumKeys?: readonly string[];
  initialValues: (context: FormContext) => V;
  /** The command's input, without caseId, commandId and expectedVersion (the dialog adds them). */
  toInput: (values: V, context: FormContext) => Values;
  Fields: (props: { form: UseFormReturnType<V>; context: FormContext }) => ReactNode;
};

/** Keeps each spec's value type while collecting them in one table. */
export const defineForm = <V extends Values>(spec: CommandFormSpec<V>): CommandFormSpec =>
  spec as unknown as CommandFormSpec;

/** Empty optional text is left out, as the api expects. */
export const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export const compact = (input: Values): Values =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/** A calendar date chosen in a form, as the end of that day where the user is. */
export const endOfDay = (date: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T23:59:00`).toISOString() : date || undefined;

export const newId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
