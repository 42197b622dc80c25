import { DateTimeResolver } from 'graphql-scalars';

/**
 * RFC 3339 date-times. Nest's built-in DateTime turns any string into a Date, so "next tuesday"
 * became an Invalid Date deep in a command; this one rejects it at the edge as BAD_USER_INPUT.
 */
export const DateTime = DateTimeResolver;
