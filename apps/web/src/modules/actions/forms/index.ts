import type { ActionId } from '../availability';
import {
  addNoteForm,
  assignCaseManagerForm,
  closeCaseForm,
  erasePatientDataForm,
  informOriginalClinicianForm,
  makeDecisionForm,
  reopenCaseForm,
  setDecisionDeadlineForm,
} from './case-forms';
import { raiseConflictForm, resolveConflictForm } from './conflict-forms';
import {
  cancelOpinionRequestForm,
  recordInsuranceCoverageForm,
  recordOpinionReceivedForm,
  requestOpinionForm,
} from './opinion-forms';
import {
  markRecordsReceivedForm,
  markRecordsSentForm,
  recordRecordsReleaseRefusedForm,
  requestRecordsForm,
} from './records-forms';
import type { CommandFormSpec } from './form-spec';

/** Every command on a case has its form; the table is typed so none can be missing. */
export const commandForms: Record<ActionId, CommandFormSpec> = {
  addNote: addNoteForm,
  setDecisionDeadline: setDecisionDeadlineForm,
  informOriginalClinician: informOriginalClinicianForm,
  assignCaseManager: assignCaseManagerForm,
  closeCase: closeCaseForm,
  reopenCase: reopenCaseForm,
  erasePatientData: erasePatientDataForm,
  makeDecision: makeDecisionForm,
  requestOpinion: requestOpinionForm,
  recordInsuranceCoverage: recordInsuranceCoverageForm,
  recordOpinionReceived: recordOpinionReceivedForm,
  cancelOpinionRequest: cancelOpinionRequestForm,
  requestRecords: requestRecordsForm,
  markRecordsSent: markRecordsSentForm,
  markRecordsReceived: markRecordsReceivedForm,
  recordRecordsReleaseRefused: recordRecordsReleaseRefusedForm,
  raiseConflict: raiseConflictForm,
  resolveConflict: resolveConflictForm,
};

export type { CommandFormSpec, FormContext, FormTarget } from './form-spec';
