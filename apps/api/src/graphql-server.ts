import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import { parse } from 'graphql';
import type { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Authentication, BearerAuthentication, GraphQLContext, LiveSessions } from './auth';
import {
  DateTime,
  brokenInputError,
  formatGraphQLError,
  inputHygiene,
  introspectionNeedsSignIn,
  limitViolations,
  queryLimits,
  operationLog,
} from './graphql';
import type { QueryLimits } from './graphql';
import type { AppConfig } from './platform';

type SocketExtra = {
  user?: GraphQLContext['user'];
  authFailure?: GraphQLContext['authFailure'];
  correlationId?: string;
  request?: { socket?: { remoteAddress?: string } };
  socket?: { close: (code: number, reason: string) => void };
  /** Stops following the connection's session (see LiveSessions). */
  untrack?: () => void;
};
type HttpContext = {
  req?: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
  extra?: SocketExtra;
};

/** Who is asking, from where; or why the token they sent does not say. */
const requester = (
  authentication: Authentication,
  clientAddress: string | undefined,
): Pick<GraphQLContext, 'user' | 'authFailure'> =>
  authentication === 'expired'
    ? { authFailure: 'TOKEN_EXPIRED' }
    : authentication === 'no-role'
      ? { authFailure: 'NO_ROLE' }
      : authentication
        ? { user: { ...authentication, ...(clientAddress ? { clientAddress } : {}) } }
        : {};
type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The schema Apollo serves, kept for the checks graphql-ws runs outside Apollo's pipeline. */
type SchemaHolder = { schema?: GraphQLSchema };

const holdSchema = (holder: SchemaHolder): ApolloServerPlugin => ({
  serverWillStart: () =>
    Promise.resolve({ schemaDidLoadOrUpdate: ({ apiSchema }) => void (holder.schema = apiSchema) }),
});

/** Depth, aliases and cost of a subscription: graphql-ws validates on its own, without Apollo's rules. */
const overLimits = (
  holder: SchemaHolder,
  payload: { query: string; variables?: unknown; operationName?: string | null },
  limits: QueryLimits,
): GraphQLError[] => {
  if (!holder.schema) {
    return [];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch {
    return []; // graphql-ws answers the syntax error itself
  }
  const variables = (payload.variables ?? {}) as Record<string, unknown>;
  const broken = brokenInputError(document, variables);
  return broken
    ? [broken]
    : limitViolations(holder.schema, document, variables, limits, payload.operationName ?? undefined);
};

const connectionAuthorization = (params: Record<string, unknown>): string | undefined => {
  const value = params.authorization ?? params.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/** graphql-ws: the same limits, error codes and authentication as HTTP. */
const subscriptionsConfig = (
  auth: BearerAuthentication,
  liveSessions: LiveSessions,
  limits: QueryLimits,
  holder: SchemaHolder,
  formatError: FormatError,
) => ({
  'graphql-ws': {
    path: '/graphql',
    onSubscribe: (
      _ctx: Context,
      _id: string,
      payload: { query: string; variables?: unknown; operationName?: string | null },
    ) => {
      const violations = overLimits(holder, payload, limits);
      return violations.length > 0 ? violations : undefined;
    },
    // Apollo's formatError does not see results sent over graphql-ws: give them the same codes.
    onNext: (
      _ctx: Context,
      _id: string,
      _payload: unknown,
      _args: unknown,
      result: { errors?: readonly GraphQLError[] },
    ) =>
      result.errors
        ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
        : undefined,
    onConnect: async (context: Context) => {
      const extra = context.extra as SocketExtra;
      const authentication = await auth.authenticate(connectionAuthorization(context.connectionParams ?? {}));
      Object.assign(extra, requester(authentication, extra.request?.socket?.remoteAddress));
      extra.correlationId = randomUUID();
      const { user, socket } = extra;
      if (user?.tokenExpiresAt && socket) {
        // Authenticated once, for as long as the token and the session last: closed when either ends.
        extra.untrack = liveSessions.track(user.id, user.tokenExpiresAt, (code, reason) => socket.close(code, reason));
      }
      return true;
    },
    onClose: (context: Context) => {
      (context.extra as SocketExtra).untrack?.();
    },
  },
});

/** Who is asking (from the bearer token) and which correlation id their request carries. */
const requestContext =
  (auth: BearerAuthentication) =>
  async ({ req, extra }: HttpContext): Promise<GraphQLContext> => {
    if (extra) {
      const { user, authFailure } = extra;
      return {
        ...(user ? { user } : {}),
        ...(authFailure ? { authFailure } : {}),
        correlationId: extra.correlationId ?? randomUUID(),
      };
    }
    const given = header(req?.headers['x-correlation-id']);
    const correlationId = given && CORRELATION_ID.test(given) ? given : randomUUID();
    const authentication = await auth.authenticate(header(req?.headers.authorization));
    return { ...(req ? { req } : {}), ...requester(authentication, req?.socket?.remoteAddress), correlationId };
  };

export const graphQLServerConfig = (
  auth: BearerAuthentication,
  liveSessions: LiveSessions,
  config: AppConfig,
  logger: Logger,
): ApolloDriverConfig => {
  const limits: QueryLimits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COST,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
  };
  const holder: SchemaHolder = {};
  const formatError = formatGraphQLError((error) =>
    logger.error(
      { err: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown' },
      'unexpected GraphQL error',
    ),
  );
  return {
    driver: ApolloDriver,
    // Generated from the code; committed so the dashboard and integrations build against it.
    autoSchemaFile: config.NODE_ENV === 'production' ? true : join(__dirname, '..', 'schema.graphql'),
    sortSchema: true,
    // Every Date field, declared or inferred, goes through the strict scalar.
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTime }] },
    playground: false,
    introspection: config.NODE_ENV !== 'production',
    formatError,
    plugins: [
      // Cache hints are for shared caches; nothing here may be cached (Cache-Control: no-store is
      // set on every answer). Without the plugin, no resolver of a 50-row page is wrapped to track them.
      ApolloServerPluginCacheControlDisabled(),
      holdSchema(holder),
      introspectionNeedsSignIn(),
      inputHygiene(),
      queryLimits(limits),
      operationLog(logger.child({ component: 'graphql' })),
    ],
    subscriptions: subscriptionsConfig(auth, liveSessions, limits, holder, formatError),
    context: requestContext(auth),
  };
};
