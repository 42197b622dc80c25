export * from './enums';
export { formatGraphQLError, graphQLCodeFor } from './error-mapping';
export { ErrorsToGraphQLFilter } from './errors-to-graphql.filter';
export { limitViolations, queryLimits } from './limits';
export { operationLog } from './operation-log';
export { PageInfo } from './page-info';
export type { RequestContext } from './request-context';
export { DateTime } from './scalars';
