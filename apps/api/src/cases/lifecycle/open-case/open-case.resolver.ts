import { commandMutation } from '../../mutations';
import { OpenCaseInput } from './open-case.input';

export const OpenCaseResolver = commandMutation({
  command: 'OpenCase',
  input: OpenCaseInput,
  description: 'Open a case: the patient, the condition and the original opinion',
});
