import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import type { ValueNode } from 'graphql';

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

const plausible = (date: Date): Date => {
  const year = date.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    throw new GraphQLError(`DateTime must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
};

/**
 * RFC 3339 date-times. Nest's built-in DateTime turns any string into a Date, so "next tuesday"
 * became an Invalid Date deep in a command; this one rejects it at the edge as BAD_USER_INPUT, and
 * also a year no case can be in (year 0 reached PostgreSQL, which refuses it).
 */
export const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value: unknown) => plausible(DateTimeResolver.parseValue(value)),
  parseLiteral: (node: ValueNode, variables?: Record<string, unknown> | null) =>
    plausible(DateTimeResolver.parseLiteral(node, variables)),
});
