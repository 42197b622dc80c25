import { DomainError, domainErrorCodes } from '@sot/domain';
import { EventStoreError } from '@sot/event-store';
import { GraphQLError } from 'graphql';
import { AppError } from '../platform';
import { formatGraphQLError, graphQLCodeFor } from './error-mapping';

/** What graphql-js hands formatError for an error thrown in a resolver. */
const thrownInResolver = (error: Error): GraphQLError =>
  new GraphQLError(error.message, { path: ['openCase'], originalError: error });

describe('GraphQL error mapping', () => {
  const reported: unknown[] = [];
  const format = formatGraphQLError((error) => reported.push(error));
  const run = (error: Error | GraphQLError) => {
    const graphQLError = error instanceof GraphQLError ? error : thrownInResolver(error);
    return format(graphQLError.toJSON(), graphQLError);
  };
  beforeEach(() => reported.splice(0));

  it.each(domainErrorCodes.map((code) => [code]))('maps the domain rule %s to a client error code', (code) => {
    expect(['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']).toContain(graphQLCodeFor(code));
  });

  it('keeps a domain error’s message, adds its code, rule and field, and reports nothing', () => {
    const formatted = run(
      new DomainError('OPINION_REQUEST_NOT_FOUND', 'No opinion request r7 on this case', 'data.requestId'),
    );
    expect(formatted).toEqual({
      message: 'No opinion request r7 on this case',
      path: ['openCase'],
      extensions: { code: 'NOT_FOUND', domainCode: 'OPINION_REQUEST_NOT_FOUND', field: 'input.requestId' },
    });
    expect(reported).toEqual([]);
  });

  it('keeps an api error’s message, code and details', () => {
    expect(run(new AppError('FORBIDDEN', 'This case is not in your caseload', { field: 'caseId' }))).toMatchObject({
      message: 'This case is not in your caseload',
      extensions: { code: 'FORBIDDEN', field: 'caseId' },
    });
  });

  it('says the event store is unavailable and that nothing was recorded', () => {
    const formatted = run(new EventStoreError('UNAVAILABLE', 'connect ECONNREFUSED 10.0.0.5:2113'));
    expect(formatted.extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(formatted.message).toMatch(/nothing was recorded/);
    expect(formatted.message).not.toMatch(/10\.0\.0\.5/);
  });

  it('keeps the code of errors Apollo or graphql-js already classified', () => {
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(run(validation)).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(reported).toEqual([]);
  });

  it('hides anything unexpected behind INTERNAL_SERVER_ERROR and reports the original', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'patientName')");
    const formatted = run(bug);
    expect(formatted).toEqual({
      message: 'Internal error: it has been logged',
      path: ['openCase'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(reported).toEqual([bug]);
  });
});
