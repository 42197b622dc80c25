import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CommandData, CommandType } from '@sot/domain';

@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field({ nullable: true, description: 'Your id for this command: sending it again records nothing twice' })
  commandId?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The case version you saw; a different one is rejected with CONFLICT',
  })
  expectedVersion?: number;
}

@InputType({ isAbstract: true })
export abstract class CaseCommandInput extends CommandInput {
  @Field(() => ID) caseId: string;
}

/** The fields of every mutation's input that address the command rather than carry its data. */
export type EnvelopeField = 'caseId' | 'commandId' | 'expectedVersion';

/** The domain's command data: the input without the envelope fields, dates as ISO strings. */
export const commandData = (input: object): Record<string, unknown> => {
  const {
    caseId: _caseId,
    commandId: _commandId,
    expectedVersion: _expected,
    ...data
  } = input as Record<string, unknown>;
  return toPlain(data) as Record<string, unknown>;
};

const toPlain = (value: unknown): unknown => {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(toPlain);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, toPlain(v)]),
    );
  }
  return value;
};

/** What `commandData` makes of an input's type: dates become ISO strings. */
type AsCommandData<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? AsCommandData<U>[]
    : T extends object
      ? { [K in keyof T]: AsCommandData<T[K]> }
      : T;

/** One flat object type per level, so `{ a } & { b }` and `{ a; b }` compare equal. */
type Flat<T> = T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/**
 * True when a GraphQL input class carries exactly the domain command's data: the same fields,
 * each optional where the domain's is, of the same types (enums as the domain's unions). `Hidden`
 * names optional command fields the API deliberately does not offer.
 */
export type MatchesCommand<I, T extends CommandType, Hidden extends keyof CommandData<T> = never> = Same<
  Flat<AsCommandData<Omit<I, EnvelopeField>>>,
  Flat<Omit<CommandData<T>, Hidden>>
>;
