import { Field, ID, InputType, Int } from '@nestjs/graphql';

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
