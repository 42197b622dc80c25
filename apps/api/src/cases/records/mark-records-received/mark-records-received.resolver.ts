import { commandMutation } from '../../mutations';
import { MarkRecordsReceivedInput } from './mark-records-received.input';

export const MarkRecordsReceivedResolver = commandMutation({
  command: 'MarkRecordsReceived',
  input: MarkRecordsReceivedInput,
});
