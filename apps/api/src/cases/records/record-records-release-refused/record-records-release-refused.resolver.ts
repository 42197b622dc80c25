import { commandMutation } from '../../mutations';
import { RecordRecordsReleaseRefusedInput } from './record-records-release-refused.input';

export const RecordRecordsReleaseRefusedResolver = commandMutation({
  command: 'RecordRecordsReleaseRefused',
  input: RecordRecordsReleaseRefusedInput,
  description: 'A provider refused to release records: the patient is entitled to a copy, so act on it',
});
