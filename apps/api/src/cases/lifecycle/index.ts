import { OpenCaseResolver } from './open-case/open-case.resolver';
import { AssignCaseManagerResolver } from './assign-case-manager/assign-case-manager.resolver';
import { SetDecisionDeadlineResolver } from './set-decision-deadline/set-decision-deadline.resolver';
import { InformOriginalClinicianResolver } from './inform-original-clinician/inform-original-clinician.resolver';
import { CloseCaseResolver } from './close-case/close-case.resolver';
import { ReopenCaseResolver } from './reopen-case/reopen-case.resolver';
import { AddNoteResolver } from './add-note/add-note.resolver';
import { ErasePatientDataResolver } from './erase-patient-data/erase-patient-data.resolver';

/** The mutations of this group, one use case per folder. */
export const lifecycleResolvers = [
  OpenCaseResolver,
  AssignCaseManagerResolver,
  SetDecisionDeadlineResolver,
  InformOriginalClinicianResolver,
  CloseCaseResolver,
  ReopenCaseResolver,
  AddNoteResolver,
  ErasePatientDataResolver,
];
