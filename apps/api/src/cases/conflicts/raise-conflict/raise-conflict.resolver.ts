import { commandMutation } from '../../mutations';
import { RaiseConflictInput } from './raise-conflict.input';

export const RaiseConflictResolver = commandMutation({
  command: 'RaiseConflict',
  input: RaiseConflictInput,
  hidden: ['raisedAutomatically'],
});
