/** Realistic inputs for the case mutations, as an integration would send them. */
export const openCaseInput = (caseManagerId: string, overrides: Record<string, unknown> = {}) => ({
  personal: { patientName: 'Maria Lopez', birthDate: '1961-04-09', medicalRecordNumber: 'MRN-100234' },
  condition: { name: 'Invasive ductal carcinoma, left breast', severity: 'SERIOUS', isCancer: true },
  originalOpinion: {
    clinician: { name: 'Dr. Alan Greer', specialty: 'Surgical oncology', institution: 'Riverside General Hospital' },
    diagnosis: 'Stage II invasive ductal carcinoma',
    recommendedTreatment: 'Mastectomy followed by chemotherapy',
  },
  caseManagerId,
  ...overrides,
});

export const expertInput = (name: string, institution: string) => ({
  name,
  specialty: 'Medical oncology',
  institution,
  institutionType: 'NCI_COMPREHENSIVE_CANCER_CENTER',
  closeAssociateOfOriginalClinician: false,
});

export const recordItemsInput = () => [
  {
    itemId: 'chart',
    kind: 'MEDICAL_RECORD_COPY',
    description: 'Oncology chart',
    holder: 'Riverside General Hospital',
    transferMethod: 'ELECTRONIC_NETWORK',
  },
  {
    itemId: 'mri',
    kind: 'IMAGING_ORIGINAL',
    modality: 'MRI',
    description: 'Breast MRI, original DICOM',
    holder: 'Riverside Imaging',
    transferMethod: 'DISK',
  },
  {
    itemId: 'slides',
    kind: 'PATHOLOGY_SLIDES',
    description: 'Core biopsy slides',
    holder: 'Riverside Pathology Lab',
    transferMethod: 'DIRECT_LAB_TO_INSTITUTION',
  },
];

export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
