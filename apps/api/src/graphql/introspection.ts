import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { RequestContext } from './request-context';

/** Per document: Apollo hands over the same DocumentNode for a query it has cached. */
const askers = new WeakMap<DocumentNode, boolean>();

const asksForTheSchema = (document: DocumentNode): boolean => {
  const known = askers.get(document);
  if (known !== undefined) {
    return known;
  }
  let found = false;
  visit(document, {
    Field: (field) => {
      if (field.name.value === '__schema' || field.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  askers.set(document, found);
  return found;
};

/**
 * The schema describes what the api holds about patients: introspection answers only a signed-in
 * user (and not at all in production, where Apollo's `introspection` is off). `__typename` stays free.
 */
export const introspectionNeedsSignIn = (): ApolloServerPlugin<RequestContext> => ({
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ document, contextValue }) => {
        if (!contextValue.user && asksForTheSchema(document)) {
          throw new GraphQLError('Sign in first: the schema is described to signed-in users only', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } },
          });
        }
        return Promise.resolve();
      },
    }),
});
