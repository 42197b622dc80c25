import { commandMutation } from '../../mutations';
import { RecordOpinionReceivedInput } from './record-opinion-received.input';

export const RecordOpinionReceivedResolver = commandMutation({
  command: 'RecordOpinionReceived',
  input: RecordOpinionReceivedInput,
  description: 'Disagreement with the original or another opinion raises a conflict automatically',
});
