import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { env } from './env';

type ClientOptions = {
  /** The bearer token of the session, read at each request (it changes when the user signs in). */
  token: () => string | undefined;
  /** Called when the api says the session is no longer valid (expired, or the account is gone). */
  onUnauthenticated: () => void;
};

const isSubscription = ({ query }: ApolloLink.Operation): boolean => {
  const definition = getMainDefinition(query);
  return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
};

const websocketUrl = (): string => {
  const url = new URL(env.graphqlPath, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
};

/**
 * Caseload rows and cases are normalised by id, so a live update or a mutation's answer refreshes
 * every view of the case. A case "as of" a moment is never cached (it would overwrite the present).
 */
export const createCache = () =>
  new InMemoryCache({
    typePolicies: {
      Case: { fields: { requests: { merge: false }, conflicts: { merge: false }, notes: { merge: false } } },
      OpinionRequest: { keyFields: false },
      Conflict: { keyFields: false },
    },
  });

export const createApolloClient = ({ token, onUnauthenticated }: ClientOptions) => {
  const authenticate = new SetContextLink((previous) => {
    const bearer = token();
    const headers = previous.headers as Record<string, string> | undefined;
    return bearer ? { headers: { ...headers, authorization: `Bearer ${bearer}` } } : {};
  });
  const signOutWhenRefused = new ErrorLink(({ error, operation }) => {
    const refused =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    // A wrong password is also UNAUTHENTICATED: that is the sign-in form's to show, not a session's end.
    if (refused && operation.operationName !== 'SignIn') {
      onUnauthenticated();
    }
  });
  const websocket = new GraphQLWsLink(
    createClient({
      url: websocketUrl,
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      connectionParams: () => {
        const bearer = token();
        return bearer ? { authorization: `Bearer ${bearer}` } : {};
      },
    }),
  );
  const http = ApolloLink.from([signOutWhenRefused, authenticate, new HttpLink({ uri: env.graphqlPath })]);
  return new ApolloClient({ link: ApolloLink.split(isSubscription, websocket, http), cache: createCache() });
};
