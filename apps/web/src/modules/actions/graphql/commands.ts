import { graphql } from '../../../gql';

// One mutation per command; each answers with the case as it now stands.

export const CommandResultFragment = graphql(`
  fragment CommandResult on CasePayload {
    version
    caughtUp
    duplicate
    case {
      ...CaseFields
    }
  }
`);

export const OpenCaseMutation = graphql(`
  mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      ...CommandResult
    }
  }
`);

export const AssignCaseManagerMutation = graphql(`
  mutation AssignCaseManager($input: AssignCaseManagerInput!) {
    assignCaseManager(input: $input) {
      ...CommandResult
    }
  }
`);

export const SetDecisionDeadlineMutation = graphql(`
  mutation SetDecisionDeadline($input: SetDecisionDeadlineInput!) {
    setDecisionDeadline(input: $input) {
      ...CommandResult
    }
  }
`);

export const InformOriginalClinicianMutation = graphql(`
  mutation InformOriginalClinician($input: InformOriginalClinicianInput!) {
    informOriginalClinician(input: $input) {
      ...CommandResult
    }
  }
`);

export const RequestOpinionMutation = graphql(`
  mutation RequestOpinion($input: RequestOpinionInput!) {
    requestOpinion(input: $input) {
      ...CommandResult
    }
  }
`);

export const RecordInsuranceCoverageMutation = graphql(`
  mutation RecordInsuranceCoverage($input: RecordInsuranceCoverageInput!) {
    recordInsuranceCoverage(input: $input) {
      ...CommandResult
    }
  }
`);

export const RequestRecordsMutation = graphql(`
  mutation RequestRecords($input: RequestRecordsInput!) {
    requestRecords(input: $input) {
      ...CommandResult
    }
  }
`);

export const MarkRecordsSentMutation = graphql(`
  mutation MarkRecordsSent($input: MarkRecordsSentInput!) {
    markRecordsSent(input: $input) {
      ...CommandResult
    }
  }
`);

export const MarkRecordsReceivedMutation = graphql(`
  mutation MarkRecordsReceived($input: MarkRecordsReceivedInput!) {
    markRecordsReceived(input: $input) {
      ...CommandResult
    }
  }
`);

export const RecordRecordsReleaseRefusedMutation = graphql(`
  mutation RecordRecordsReleaseRefused($input: RecordRecordsReleaseRefusedInput!) {
    recordRecordsReleaseRefused(input: $input) {
      ...CommandResult
    }
  }
`);

export const RecordOpinionReceivedMutation = graphql(`
  mutation RecordOpinionReceived($input: RecordOpinionReceivedInput!) {
    recordOpinionReceived(input: $input) {
      ...CommandResult
    }
  }
`);

export const CancelOpinionRequestMutation = graphql(`
  mutation CancelOpinionRequest($input: CancelOpinionRequestInput!) {
    cancelOpinionRequest(input: $input) {
      ...CommandResult
    }
  }
`);

export const RaiseConflictMutation = graphql(`
  mutation RaiseConflict($input: RaiseConflictInput!) {
    raiseConflict(input: $input) {
      ...CommandResult
    }
  }
`);

export const ResolveConflictMutation = graphql(`
  mutation ResolveConflict($input: ResolveConflictInput!) {
    resolveConflict(input: $input) {
      ...CommandResult
    }
  }
`);

export const MakeDecisionMutation = graphql(`
  mutation MakeDecision($input: MakeDecisionInput!) {
    makeDecision(input: $input) {
      ...CommandResult
    }
  }
`);

export const CloseCaseMutation = graphql(`
  mutation CloseCase($input: CloseCaseInput!) {
    closeCase(input: $input) {
      ...CommandResult
    }
  }
`);

export const ErasePatientDataMutation = graphql(`
  mutation ErasePatientData($input: ErasePatientDataInput!) {
    erasePatientData(input: $input) {
      ...CommandResult
    }
  }
`);

export const ReopenCaseMutation = graphql(`
  mutation ReopenCase($input: ReopenCaseInput!) {
    reopenCase(input: $input) {
      ...CommandResult
    }
  }
`);

export const AddNoteMutation = graphql(`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      ...CommandResult
    }
  }
`);
