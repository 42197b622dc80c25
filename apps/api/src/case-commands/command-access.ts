import type { CaseCommand, CaseState } from '@sot/domain';
import type { Actor } from '../auth';
import { AppError } from '../platform';

/**
 * Who may send which command, decided from the case's own stream (never from read models):
 * auditors only read; case managers act on their own caseload; supervisors on every case.
 */
export const authorizeCommand = (actor: Actor, command: CaseCommand, state: CaseState): void => {
  switch (actor.role) {
    case 'SYSTEM':
    case 'SUPERVISOR':
      return;
    case 'AUDITOR':
      throw new AppError('FORBIDDEN', 'Auditors have read-only access');
    case 'CASE_MANAGER':
      authorizeCaseManager(actor, command, state);
      return;
    default: {
      const unexpected: never = actor.role;
      throw new AppError('FORBIDDEN', `Unknown role ${String(unexpected)}`);
    }
  }
};

const authorizeCaseManager = (actor: Actor, command: CaseCommand, state: CaseState): void => {
  if (command.type === 'AssignCaseManager') {
    throw new AppError('FORBIDDEN', 'Only a supervisor reassigns cases');
  }
  if (command.type === 'ErasePatientData') {
    throw new AppError('FORBIDDEN', "Only a supervisor erases a patient's data");
  }
  if (command.type === 'OpenCase' && command.data.caseManagerId !== actor.id) {
    throw new AppError('FORBIDDEN', 'A case manager opens cases for their own caseload only');
  }
  // Once the case exists (an openCase sent again, say, after the case changed hands), only the
  // manager it belongs to now may act on it, or be answered with it.
  if (state.status !== 'none' && state.caseManagerId !== actor.id) {
    throw new AppError('FORBIDDEN', 'This case is not in your caseload');
  }
};
