import { commandMutation } from '../../mutations';
import { RequestRecordsInput } from './request-records.input';

export const RequestRecordsResolver = commandMutation({
  command: 'RequestRecords',
  input: RequestRecordsInput,
  description: 'Request records item by item: originals of scans and slides, not only reports',
});
