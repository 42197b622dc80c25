import { commandMutation } from '../../mutations';
import { SetDecisionDeadlineInput } from './set-decision-deadline.input';

export const SetDecisionDeadlineResolver = commandMutation({
  command: 'SetDecisionDeadline',
  input: SetDecisionDeadlineInput,
});
