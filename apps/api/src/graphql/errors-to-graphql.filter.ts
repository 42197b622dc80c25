import { Catch } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error thrown in a resolver or guard straight to GraphQL. Without it Nest logs each
 * one at error level, so a wrong password or a rule a case manager broke looked like an outage.
 * formatError (error-mapping.ts) is the one place that classifies errors and reports the unexpected.
 */
@Catch()
export class ErrorsToGraphQLFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      throw exception;
    }
    return exception;
  }
}
