import { graphql } from '../../../gql';

export const OutcomesQuery = graphql(`
  query Outcomes($caseManagerId: String) {
    outcomeStats(caseManagerId: $caseManagerId) {
      baseline {
        diagnosisChangedRate
        treatmentChangedRate
        source
      }
      overall {
        ...Rates
      }
      byManager {
        caseManagerId
        rates {
          ...Rates
        }
      }
    }
  }
  fragment Rates on OutcomeRates {
    cases
    decidedCases
    receivedOpinions
    diagnosisChanged
    treatmentChanged
    diagnosisChangedRate
    treatmentChangedRate
    averageDaysToDecision
    conflictsPerCase
  }
`);
