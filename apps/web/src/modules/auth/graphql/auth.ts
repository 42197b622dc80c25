import { graphql } from '../../../gql';

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      refreshToken
      sessionExpiresAt
      user {
        id
        displayName
        email
        role
      }
    }
  }
`);
