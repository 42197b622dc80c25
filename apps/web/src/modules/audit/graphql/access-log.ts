import { graphql } from '../../../gql';

export const AccessLogQuery = graphql(`
  query AccessLog($first: Int!, $after: String, $filter: AccessLogFilterInput) {
    accessLog(first: $first, after: $after, filter: $filter) {
      entries {
        id
        at
        userId
        role
        operation
        outcome
        caseIds
        clientAddress
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
