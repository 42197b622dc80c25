import { commandMutation } from '../../mutations';
import { ResolveConflictInput } from './resolve-conflict.input';

export const ResolveConflictResolver = commandMutation({
  command: 'ResolveConflict',
  input: ResolveConflictInput,
});
