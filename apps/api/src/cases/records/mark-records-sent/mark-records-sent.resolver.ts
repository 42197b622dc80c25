import { commandMutation } from '../../mutations';
import { MarkRecordsSentInput } from './mark-records-sent.input';

export const MarkRecordsSentResolver = commandMutation({
  command: 'MarkRecordsSent',
  input: MarkRecordsSentInput,
});
