import { graphql } from '../../../gql';

export const AssignableUsersQuery = graphql(`
  query AssignableUsers {
    users {
      id
      displayName
      role
    }
  }
`);
