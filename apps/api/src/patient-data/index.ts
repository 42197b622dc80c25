export { PatientDataModule } from './patient-data.module';
export { PatientDataVault, withoutPatientData } from './patient-data.vault';
export type { Opener, Sealer } from './patient-data.vault';
export { destroyPatientKey } from './patient-keys.repository';
export { SEALED } from './patient-data.cipher';
