import { graphql } from '../../../gql';

export const CaseFieldsFragment = graphql(`
  fragment CaseFields on Case {
    id
    version
    status
    openedAt
    lastActivityAt
    caseManagerId
    patient {
      name
      birthDate
      medicalRecordNumber
    }
    condition {
      name
      severity
      isCancer
    }
    originalOpinion {
      diagnosis
      recommendedTreatment
      clinician {
        name
        specialty
        institution
      }
    }
    deadline
    deadlineSource
    deadlineState
    daysLeft
    clinicianInformedAt
    clinicianInformedMethod
    clinicianInformedReason
    requests {
      requestId
      ordinal
      status
      requestedAt
      reviewMode
      question
      sameSpecialtyAsOriginal
      independenceConcerns
      expert {
        name
        specialty
        institution
        institutionType
        closeAssociateOfOriginalClinician
      }
      coverage {
        covered
        inPlanExpertRequired
        remoteReviewCovered
        selfPayFeeCents
        currency
        paymentPlan
        insurerReference
      }
      records {
        itemId
        kind
        modality
        description
        holder
        transferMethod
        status
        requestedAt
        dueBy
        sentAt
        receivedAt
        trackingReference
        overdue
        refusedBy
        refusalReason
        releaseAuthorisationOnFile
        refusals {
          at
          refusedBy
          reason
        }
      }
      opinion {
        diagnosis
        recommendedTreatment
        changesDiagnosis
        changesTreatment
        summary
        receivedAt
      }
    }
    conflicts {
      conflictId
      subject
      between
      description
      raisedAt
      raisedAutomatically
      standing
      resolution
      outcome
      resolvedAt
      furtherOpinionRequestId
    }
    notes {
      noteId
      text
      author
      addedAt
    }
    decision {
      ...DecisionFields
    }
    earlierDecisions {
      ...DecisionFields
    }
    closedAt
    closeReason
    closeComment
    erasure {
      erasedAt
      reason
      erasedBy
    }
    warnings {
      code
      requestId
      itemIds
      concerns
      matchedRules
      subjects
      furtherOpinions
      deadline
    }
  }
  fragment DecisionFields on Decision {
    optionChosen
    rationaleInPatientsWords
    followsOpinionOf
    openConflictsAcknowledged
    recordedBy
    decidedAt
  }
`);

/** The case and (a page of) its timeline in one request: one read, one access-log entry pair. */
export const CaseQuery = graphql(`
  query Case($id: ID!, $first: Int!, $after: String) {
    case(id: $id) {
      ...CaseFields
      timeline(first: $first, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        entries {
          revision
          eventType
          occurredAt
          recordedAt
          actorId
          summary
          text
        }
      }
    }
  }
`);

export const CaseAsOfQuery = graphql(`
  query CaseAsOf($id: ID!, $at: DateTime!) {
    caseAsOf(id: $id, at: $at) {
      ...CaseFields
    }
  }
`);

export const CaseUpdatedSubscription = graphql(`
  subscription CaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      caseId
      version
      eventTypes
    }
  }
`);

export const CaseHistoryIntegrityQuery = graphql(`
  query CaseHistoryIntegrity($id: ID!) {
    case(id: $id) {
      id
      history {
        intact
        checkedEvents
        unchainedEvents
        firstBrokenRevision
      }
    }
  }
`);
