import { commandMutation } from '../../mutations';
import { ReopenCaseInput } from './reopen-case.input';

export const ReopenCaseResolver = commandMutation({
  command: 'ReopenCase',
  input: ReopenCaseInput,
});
