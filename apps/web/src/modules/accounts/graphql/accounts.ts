import { graphql } from '../../../gql';

export const AccountsQuery = graphql(`
  query Accounts {
    accounts {
      ...AccountFields
    }
  }
  fragment AccountFields on Account {
    id
    email
    displayName
    role
    disabled
    createdAt
  }
`);

export const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      account {
        ...AccountFields
      }
      temporaryPassword
    }
  }
`);

export const SetAccountDisabledMutation = graphql(`
  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {
    setAccountDisabled(id: $id, disabled: $disabled) {
      ...AccountFields
    }
  }
`);

export const ChangeAccountRoleMutation = graphql(`
  mutation ChangeAccountRole($id: ID!, $role: Role!) {
    changeAccountRole(id: $id, role: $role) {
      ...AccountFields
    }
  }
`);

export const ResetAccountPasswordMutation = graphql(`
  mutation ResetAccountPassword($id: ID!) {
    resetAccountPassword(id: $id) {
      account {
        ...AccountFields
      }
      temporaryPassword
    }
  }
`);
