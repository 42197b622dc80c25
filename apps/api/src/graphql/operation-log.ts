import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from './request-context';

/**
 * One structured line per GraphQL operation: which root fields, who, how long, which error codes.
 * Never the variables or the result: those carry patient data.
 */
export const operationLog = (logger: Logger): ApolloServerPlugin<RequestContext> => ({
  requestDidStart: () => {
    const started = performance.now();
    return Promise.resolve({
      willSendResponse: ({ contextValue, operation, response }) => {
        const fields =
          operation?.selectionSet.selections.flatMap((selection) =>
            selection.kind === Kind.FIELD ? [selection.name.value] : [],
          ) ?? [];
        // The errors as the client saw them, after formatError gave each its code.
        const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const codes = (sent ?? []).map((error) =>
          typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
        );
        logger.info(
          {
            operation: operation?.operation ?? 'unparsed',
            fields,
            userId: contextValue.user?.id,
            correlationId: contextValue.correlationId,
            durationMs: Math.round(performance.now() - started),
            ...(codes.length > 0 ? { errorCodes: codes } : {}),
          },
          'graphql operation',
        );
        return Promise.resolve();
      },
    });
  },
});
