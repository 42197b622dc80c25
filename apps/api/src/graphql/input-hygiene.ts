import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit } from 'graphql';
import type { DocumentNode } from 'graphql';

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/;

/** A string no part of the product can store: NUL (PostgreSQL refuses it) or a lone UTF-16 surrogate. */
const broken = (value: string): string | undefined =>
  !value.isWellFormed()
    ? 'a broken character (a lone UTF-16 surrogate)'
    : NUL.test(value)
      ? 'a NUL character'
      : undefined;

/** The path of the first unusable string in a value, with what is wrong with it. */
export const firstBrokenString = (value: unknown, path: string): { field: string; problem: string } | undefined => {
  if (typeof value === 'string') {
    const problem = broken(value);
    return problem ? { field: path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstBrokenString(item, `${path}[${index}]`);
      if (found) {
        return found;
      }
    }
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstBrokenString(item, path ? `${path}.${key}` : key);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
};

type Finding = { field: string; problem: string } | undefined;

/** Per document: Apollo hands over the same DocumentNode for a query it has cached. */
const literalFindings = new WeakMap<DocumentNode, { finding: Finding }>();

/** The first string literal of a document that is unusable once its escapes (`\u0000`) are decoded. */
const brokenLiteral = (document: DocumentNode): Finding => {
  const known = literalFindings.get(document);
  if (known) {
    return known.finding;
  }
  let found: Finding;
  visit(document, {
    StringValue(node) {
      const problem = found ? undefined : broken(node.value);
      if (problem) {
        found = { field: 'query', problem };
        return BREAK;
      }
      return undefined;
    },
  });
  literalFindings.set(document, { finding: found });
  return found;
};

/** Checks a parsed request's literals and its variables before anything runs. */
export const brokenInputError = (document: DocumentNode, variables: unknown): GraphQLError | undefined => {
  const found = brokenLiteral(document) ?? firstBrokenString(variables ?? {}, '');
  return found
    ? new GraphQLError(`${found.field} contains ${found.problem}: remove it and send again`, {
        extensions: { code: 'BAD_USER_INPUT', field: found.field, http: { status: 400 } },
      })
    : undefined;
};

/** Refuses unusable strings anywhere in a request as BAD_USER_INPUT naming where, instead of a 500 later. */
export const inputHygiene = (): ApolloServerPlugin => ({
  requestDidStart: () =>
    Promise.resolve({
      // Thrown here, once the document is parsed (escapes decoded), Apollo answers and runs nothing.
      didResolveOperation: ({ document, request }) => {
        const error = brokenInputError(document, request.variables);
        return error ? Promise.reject(error) : Promise.resolve();
      },
    }),
});
