import { commandMutation } from '../../mutations';
import { InformOriginalClinicianInput } from './inform-original-clinician.input';

export const InformOriginalClinicianResolver = commandMutation({
  command: 'InformOriginalClinician',
  input: InformOriginalClinicianInput,
});
