import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError, parse } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AuthService, GraphQLContext } from './auth';
import { DateTime, formatGraphQLError, limitViolations, operationLog, queryLimits } from './graphql';
import type { AppConfig } from './platform';

type HttpContext = {
  req?: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
  extra?: { user?: unknown; correlationId?: string };
};
type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Depth and cost of a subscription: graphql-ws validates on its own, without Apollo's rules. */
const overLimits = (query: string, maxDepth: number, maxCost: number): string[] => {
  try {
    return limitViolations(parse(query), maxDepth, maxCost);
  } catch {
    return []; // graphql-ws answers the syntax error itself
  }
};

const connectionAuthorization = (params: Record<string, unknown>): string | undefined => {
  const value = params.authorization ?? params.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/** graphql-ws: the same limits, error codes and authentication as HTTP. */
const subscriptionsConfig = (auth: AuthService, config: AppConfig, formatError: FormatError) => ({
  'graphql-ws': {
    path: '/graphql',
    onSubscribe: (_ctx: Context, _id: string, payload: { query: string }) => {
      const violations = overLimits(payload.query, config.GRAPHQL_MAX_DEPTH, config.GRAPHQL_MAX_COST);
      return violations.length > 0
        ? violations.map((message) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }))
        : undefined;
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
      const extra = context.extra as {
        user?: unknown;
        correlationId?: string;
        request?: { socket?: { remoteAddress?: string } };
      };
      const user = await auth.authenticate(connectionAuthorization(context.connectionParams ?? {}));
      extra.user = user && { ...user, clientAddress: extra.request?.socket?.remoteAddress };
      extra.correlationId = randomUUID();
      return true;
    },
  },
});

/** Who is asking (from the bearer token) and which correlation id their request carries. */
const requestContext =
  (auth: AuthService) =>
  async ({ req, extra }: HttpContext): Promise<GraphQLContext> => {
    if (extra) {
      return { user: extra.user as GraphQLContext['user'], correlationId: extra.correlationId ?? randomUUID() };
    }
    const given = header(req?.headers['x-correlation-id']);
    const correlationId = given && CORRELATION_ID.test(given) ? given : randomUUID();
    const user = await auth.authenticate(header(req?.headers.authorization));
    const clientAddress = req?.socket?.remoteAddress;
    return { ...(req ? { req } : {}), ...(user ? { user: { ...user, clientAddress } } : {}), correlationId };
  };

export const graphQLServerConfig = (auth: AuthService, config: AppConfig, logger: Logger): ApolloDriverConfig => {
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
    validationRules: [queryLimits(config.GRAPHQL_MAX_DEPTH, config.GRAPHQL_MAX_COST)],
    formatError,
    plugins: [operationLog(logger.child({ component: 'graphql' }))],
    subscriptions: subscriptionsConfig(auth, config, formatError),
    context: requestContext(auth),
  };
};
