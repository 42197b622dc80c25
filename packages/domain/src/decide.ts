import type { CaseCommand } from './commands';
import {
  addNote,
  assignCaseManager,
  closeCase,
  informOriginalClinician,
  openCase,
  reopenCase,
  setDecisionDeadline,
} from './decide-case';
import { makeDecision, raiseConflict, resolveConflict } from './decide-conflicts';
import {
  cancelOpinionRequest,
  recordInsuranceCoverage,
  recordOpinionReceived,
  requestOpinion,
} from './decide-opinions';
import { markRecordsReceived, markRecordsSent, recordRecordsReleaseRefused, requestRecords } from './decide-records';
import type { CaseEvent } from './events';
import type { CaseState } from './state';

/** The whole write-side rule book: a pure function of the command and the case so far. */
export const decide = (command: CaseCommand, state: CaseState): CaseEvent[] => {
  switch (command.type) {
    case 'OpenCase':
      return openCase(command, state);
    case 'AssignCaseManager':
      return assignCaseManager(command, state);
    case 'SetDecisionDeadline':
      return setDecisionDeadline(command, state);
    case 'InformOriginalClinician':
      return informOriginalClinician(command, state);
    case 'RequestOpinion':
      return requestOpinion(command, state);
    case 'RecordInsuranceCoverage':
      return recordInsuranceCoverage(command, state);
    case 'RequestRecords':
      return requestRecords(command, state);
    case 'MarkRecordsSent':
      return markRecordsSent(command, state);
    case 'MarkRecordsReceived':
      return markRecordsReceived(command, state);
    case 'RecordRecordsReleaseRefused':
      return recordRecordsReleaseRefused(command, state);
    case 'RecordOpinionReceived':
      return recordOpinionReceived(command, state);
    case 'CancelOpinionRequest':
      return cancelOpinionRequest(command, state);
    case 'RaiseConflict':
      return raiseConflict(command, state);
    case 'ResolveConflict':
      return resolveConflict(command, state);
    case 'MakeDecision':
      return makeDecision(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'ReopenCase':
      return reopenCase(command, state);
    case 'AddNote':
      return addNote(command, state);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
};
