import { commandMutation } from '../../mutations';
import { MakeDecisionInput } from './make-decision.input';

export const MakeDecisionResolver = commandMutation({
  command: 'MakeDecision',
  input: MakeDecisionInput,
  description: "The patient's decision; over open conflicts only with acknowledgeOpenConflicts",
});
