import type { CaseCommand, CaseCommandOf, CommandType } from './commands';
import {
  addNote,
  assignCaseManager,
  closeCase,
  erasePatientData,
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

type Deciders = { readonly [T in CommandType]: (command: CaseCommandOf<T>, state: CaseState) => CaseEvent[] };

/** The whole write-side rule book, one rule per command: a new command does not compile without one. */
const deciders: Deciders = {
  OpenCase: openCase,
  AssignCaseManager: assignCaseManager,
  SetDecisionDeadline: setDecisionDeadline,
  InformOriginalClinician: informOriginalClinician,
  RequestOpinion: requestOpinion,
  RecordInsuranceCoverage: recordInsuranceCoverage,
  RequestRecords: requestRecords,
  MarkRecordsSent: markRecordsSent,
  MarkRecordsReceived: markRecordsReceived,
  RecordRecordsReleaseRefused: recordRecordsReleaseRefused,
  RecordOpinionReceived: recordOpinionReceived,
  CancelOpinionRequest: cancelOpinionRequest,
  RaiseConflict: raiseConflict,
  ResolveConflict: resolveConflict,
  MakeDecision: makeDecision,
  CloseCase: closeCase,
  ReopenCase: reopenCase,
  AddNote: addNote,
  ErasePatientData: erasePatientData,
};

/** A pure function of the command and the case so far. */
export const decide = (command: CaseCommand, state: CaseState): CaseEvent[] => {
  // TypeScript cannot pair a union's tag with its data across a lookup; the table's type does.
  const rule = deciders[command.type] as (command: CaseCommand, state: CaseState) => CaseEvent[];
  return rule(command, state);
};
