import { Catch, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { LOGGER } from '../platform';

type HttpResponse = {
  status: (code: number) => HttpResponse;
  type: (contentType: string) => HttpResponse;
  send: (body: string) => void;
  headersSent?: boolean;
};
type HttpRequest = { headers: Record<string, string | string[] | undefined> };

const CODES: Record<number, { code: string; message?: string }> = {
  400: { code: 'BAD_REQUEST' },
  404: { code: 'NOT_FOUND' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the server accepts: send less at once' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send GraphQL requests as application/json' },
};

/** A client's mistake caught before GraphQL: Nest's HttpException, or body-parser's http-errors. */
const clientError = (exception: unknown): { status: number; message: string } | undefined => {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return status < 500 ? { status, message: exception.message } : undefined;
  }
  const { status, expose, message } = (exception ?? {}) as { status?: unknown; expose?: unknown; message?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true && typeof message === 'string'
    ? { status, message }
    : undefined;
};

/**
 * GraphQL errors pass straight to GraphQL: without this Nest logs each at error level, so a wrong
 * password looked like an outage (formatError classifies them). Anything that fails before GraphQL
 * (malformed JSON, an oversized body, an unknown path) is answered as GraphQL-shaped JSON too,
 * never Express's HTML page with a stack trace.
 */
@Catch()
export class ErrorsToGraphQLFilter implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      return exception;
    }
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponse>();
    const request = http.getRequest<HttpRequest>();
    const known = clientError(exception);
    if (!known) {
      this.logger.error(
        { err: exception instanceof Error ? `${exception.name}: ${exception.message}` : 'non-error thrown' },
        'unexpected HTTP error',
      );
    }
    const status = known?.status ?? HttpStatus.INTERNAL_SERVER_ERROR;
    const described = known ? (CODES[known.status] ?? { code: 'BAD_REQUEST' }) : undefined;
    const error = known
      ? { message: described?.message ?? known.message, extensions: { code: described?.code ?? 'BAD_REQUEST' } }
      : { message: 'Internal error: it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    if (!response.headersSent) {
      const accept = String(request.headers.accept ?? '');
      const type = accept.includes('application/graphql-response+json')
        ? 'application/graphql-response+json; charset=utf-8'
        : 'application/json; charset=utf-8';
      response
        .status(status)
        .type(type)
        .send(JSON.stringify({ errors: [error] }));
    }
    return undefined;
  }
}
