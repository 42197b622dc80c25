import { commandMutation } from '../../mutations';
import { AssignCaseManagerInput } from './assign-case-manager.input';

export const AssignCaseManagerResolver = commandMutation({
  command: 'AssignCaseManager',
  input: AssignCaseManagerInput,
  description: 'Supervisors only',
});
