export const CASE_FIELDS = `
  id status version caseManagerId deadline daysLeft clinicianInformedAt
  patient { name birthDate }
  condition { name severity isCancer }
  originalOpinion { clinician { name institution } diagnosis recommendedTreatment }
  requests {
    requestId ordinal status reviewMode sameSpecialtyAsOriginal independenceConcerns
    expert { name institution institutionType }
    coverage { covered inPlanExpertRequired selfPayFeeCents }
    records { itemId kind status transferMethod refusedBy refusalReason }
    opinion { diagnosis recommendedTreatment changesDiagnosis changesTreatment }
  }
  conflicts { conflictId subject between raisedAutomatically resolution furtherOpinionRequestId }
  decision { optionChosen followsOpinionOf recordedBy openConflictsAcknowledged }
  warnings { code requestId itemIds }
  closeReason
`;

const inputTypeOf = (mutation: string): string => `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;

/** `mutation($input: XInput!) { x(input: $input) { ... } }` for any of the case mutations. */
export const mutationDocument = (mutation: string): string => `
  mutation($input: ${inputTypeOf(mutation)}!) {
    ${mutation}(input: $input) { version caughtUp duplicate case { ${CASE_FIELDS} } }
  }`;

export const CASE_QUERY = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} timeline(first: 100) { totalCount entries { revision eventType actorId summary recordedAt } } } }`;
