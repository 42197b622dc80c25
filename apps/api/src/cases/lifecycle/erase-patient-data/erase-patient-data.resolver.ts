import { commandMutation } from '../../mutations';
import { ErasePatientDataInput } from './erase-patient-data.input';

export const ErasePatientDataResolver = commandMutation({
  command: 'ErasePatientData',
  input: ErasePatientDataInput,
  description:
    "Supervisors: destroys the key of a closed case's patient data. Names, birth date, record number and every free text then read as erased everywhere, for good; the coded facts and statistics remain, and the erasure is itself recorded.",
});
