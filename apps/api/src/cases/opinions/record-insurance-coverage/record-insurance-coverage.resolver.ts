import { commandMutation } from '../../mutations';
import { RecordInsuranceCoverageInput } from './record-insurance-coverage.input';

export const RecordInsuranceCoverageResolver = commandMutation({
  command: 'RecordInsuranceCoverage',
  input: RecordInsuranceCoverageInput,
});
