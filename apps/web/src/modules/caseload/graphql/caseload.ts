import { graphql } from '../../../gql';

export const CaseloadQuery = graphql(`
  query Caseload($first: Int!, $after: String, $filter: CaseFilter, $orderBy: CaseOrder!) {
    cases(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      totalCountIsExact
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          patientName
          conditionName
          severity
          status
          deadline
          deadlineState
          daysLeft
          openConflicts
          outstandingRecords
          overdueRecords
          refusedRecords
          pendingOpinions
          caseManagerId
          lastActivityAt
          version
          warnings {
            code
          }
        }
      }
    }
  }
`);

export const CaseloadCountsQuery = graphql(`
  query CaseloadCounts($caseManagerId: String, $search: String) {
    caseloadCounts(caseManagerId: $caseManagerId, search: $search) {
      all
      overdue
      dueWithinWeek
      openConflicts
      waitingOnRecords
      waitingOnOpinions
      exact
    }
  }
`);

export const CaseloadChangedSubscription = graphql(`
  subscription CaseloadChanged {
    caseloadChanged {
      caseId
      caseManagerId
      previousCaseManagerId
      version
    }
  }
`);

export const ReassignCaseMutation = graphql(`
  mutation ReassignCase($input: AssignCaseManagerInput!) {
    assignCaseManager(input: $input) {
      version
      caughtUp
      duplicate
    }
  }
`);
