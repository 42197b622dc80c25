/** Realistic material for demo cases: invented people, real kinds of disagreement. */
export const firstNames = [
  'Amelia',
  'Jonas',
  'Priya',
  'Mateo',
  'Hannah',
  'Kwame',
  'Sofia',
  'Daniel',
  'Mei',
  'Oskar',
  'Fatima',
  'Liam',
  'Ingrid',
  'Tomás',
  'Aisha',
  'Noah',
  'Eva',
  'Rafael',
  'Yuki',
  'Grace',
  'Ahmed',
  'Clara',
  'Dmitri',
  'Leila',
  'Samuel',
  'Ana',
  'Viktor',
  'Nadia',
  'Elias',
  'Rosa',
  'Jana',
  'Marek',
  'Chloé',
  'Emeka',
  'Zofia',
  'Arjun',
];
export const lastNames = [
  'Novák',
  'Okafor',
  'Lindqvist',
  'García',
  'Schneider',
  'Mensah',
  'Rossi',
  'Cohen',
  'Tanaka',
  'Nieminen',
  'Haddad',
  'Murphy',
  'Dvořák',
  'Silva',
  'Kowalski',
  'Patel',
  'Müller',
  'Ibrahim',
  'Johansson',
  'Moreau',
  'Nguyen',
  'Brennan',
  'Horvat',
  'Costa',
  'Petrov',
  'Adeyemi',
  'Fischer',
  'Svoboda',
  'Wright',
  'Yilmaz',
];

export type ConditionTemplate = {
  name: string;
  severity: 'moderate' | 'serious' | 'life_threatening';
  isCancer: boolean;
  diagnosis: string;
  treatment: string;
  specialty: string;
  /** A further opinion that changes the diagnosis, the treatment, or both. */
  alternatives: { diagnosis: string; treatment: string; changesDiagnosis: boolean; changesTreatment: boolean }[];
};

export const conditions: ConditionTemplate[] = [
  {
    name: 'Early-stage breast cancer',
    severity: 'serious',
    isCancer: true,
    diagnosis: 'Invasive ductal carcinoma, stage IIA, HER2 negative',
    treatment: 'Mastectomy followed by chemotherapy',
    specialty: 'Surgical oncology',
    alternatives: [
      {
        diagnosis: 'Invasive ductal carcinoma, stage IIA, HER2 negative',
        treatment: 'Breast-conserving surgery with radiotherapy',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'Invasive lobular carcinoma, stage IIA',
        treatment: 'Mastectomy followed by endocrine therapy',
        changesDiagnosis: true,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Prostate cancer',
    severity: 'serious',
    isCancer: true,
    diagnosis: 'Prostate adenocarcinoma, Gleason 3+4, localised',
    treatment: 'Radical prostatectomy',
    specialty: 'Urology',
    alternatives: [
      {
        diagnosis: 'Prostate adenocarcinoma, Gleason 3+4, localised',
        treatment: 'Active surveillance with repeat MRI in six months',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'Prostate adenocarcinoma, Gleason 3+3, low risk',
        treatment: 'Active surveillance',
        changesDiagnosis: true,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Glioblastoma',
    severity: 'life_threatening',
    isCancer: true,
    diagnosis: 'Glioblastoma, IDH wild-type, right temporal lobe',
    treatment: 'Maximal safe resection, then radiotherapy with temozolomide',
    specialty: 'Neurosurgery',
    alternatives: [
      {
        diagnosis: 'Glioblastoma, IDH wild-type, right temporal lobe',
        treatment: 'Maximal safe resection, then radiotherapy with temozolomide and tumour-treating fields',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'Anaplastic astrocytoma, IDH mutant',
        treatment: 'Resection, then radiotherapy and chemotherapy',
        changesDiagnosis: true,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Lumbar disc herniation',
    severity: 'moderate',
    isCancer: false,
    diagnosis: 'L4-L5 disc herniation with radiculopathy',
    treatment: 'Spinal fusion surgery',
    specialty: 'Orthopaedic surgery',
    alternatives: [
      {
        diagnosis: 'L4-L5 disc herniation with radiculopathy',
        treatment: 'Physiotherapy and epidural steroid injection for eight weeks',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'L4-L5 disc herniation with radiculopathy',
        treatment: 'Microdiscectomy',
        changesDiagnosis: false,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Coronary artery disease',
    severity: 'serious',
    isCancer: false,
    diagnosis: 'Three-vessel coronary artery disease, stable angina',
    treatment: 'Coronary artery bypass grafting',
    specialty: 'Cardiothoracic surgery',
    alternatives: [
      {
        diagnosis: 'Three-vessel coronary artery disease, stable angina',
        treatment: 'Percutaneous coronary intervention with stents',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'Two-vessel coronary artery disease, stable angina',
        treatment: 'Optimal medical therapy',
        changesDiagnosis: true,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Thyroid nodule',
    severity: 'moderate',
    isCancer: true,
    diagnosis: 'Papillary thyroid carcinoma, 1.2 cm',
    treatment: 'Total thyroidectomy',
    specialty: 'Endocrine surgery',
    alternatives: [
      {
        diagnosis: 'Papillary thyroid carcinoma, 1.2 cm',
        treatment: 'Hemithyroidectomy',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'Follicular adenoma, benign',
        treatment: 'Ultrasound surveillance',
        changesDiagnosis: true,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Multiple sclerosis',
    severity: 'serious',
    isCancer: false,
    diagnosis: 'Relapsing-remitting multiple sclerosis',
    treatment: 'Ocrelizumab infusions',
    specialty: 'Neurology',
    alternatives: [
      {
        diagnosis: 'Neuromyelitis optica spectrum disorder',
        treatment: 'Rituximab infusions',
        changesDiagnosis: true,
        changesTreatment: true,
      },
      {
        diagnosis: 'Relapsing-remitting multiple sclerosis',
        treatment: 'Natalizumab infusions',
        changesDiagnosis: false,
        changesTreatment: true,
      },
    ],
  },
  {
    name: 'Colorectal cancer',
    severity: 'life_threatening',
    isCancer: true,
    diagnosis: 'Rectal adenocarcinoma, stage III',
    treatment: 'Chemoradiotherapy followed by surgery',
    specialty: 'Colorectal surgery',
    alternatives: [
      {
        diagnosis: 'Rectal adenocarcinoma, stage III',
        treatment: 'Total neoadjuvant therapy, then watch-and-wait if complete response',
        changesDiagnosis: false,
        changesTreatment: true,
      },
      {
        diagnosis: 'Rectal adenocarcinoma, stage II',
        treatment: 'Surgery alone',
        changesDiagnosis: true,
        changesTreatment: true,
      },
    ],
  },
];

export const originalClinicians = [
  { name: 'Dr. Helen Greer', institution: 'Riverside General Hospital' },
  { name: 'Dr. Marcus Bell', institution: 'St. Anne Community Hospital' },
  { name: 'Dr. Olga Petrova', institution: 'Lakeside Medical Group' },
  { name: 'Dr. Samir Haddad', institution: 'Northgate Clinic' },
];

export const experts = [
  {
    name: 'Dr. Amara Okafor',
    institution: 'Memorial Comprehensive Cancer Center',
    institutionType: 'nci_comprehensive_cancer_center' as const,
  },
  {
    name: 'Dr. Lukas Berg',
    institution: 'University Hospital Karolinska',
    institutionType: 'academic_medical_center' as const,
  },
  {
    name: 'Dr. Ines Duarte',
    institution: 'Johns Hopkins Medicine',
    institutionType: 'academic_medical_center' as const,
  },
  {
    name: 'Dr. Tomasz Wójcik',
    institution: 'Dana-Farber Cancer Institute',
    institutionType: 'nci_comprehensive_cancer_center' as const,
  },
  { name: 'Dr. Rachel Kim', institution: 'Second Look Online', institutionType: 'online_service' as const },
  { name: 'Dr. Peter Lang', institution: 'Riverside General Hospital', institutionType: 'community_hospital' as const },
];

export const managers = [
  { id: 'ana-ruiz', name: 'Ana Ruiz', email: 'ana@demo.clinic', role: 'CASE_MANAGER' as const },
  { id: 'ben-osei', name: 'Ben Osei', email: 'ben@demo.clinic', role: 'CASE_MANAGER' as const },
  { id: 'carla-meier', name: 'Carla Meier', email: 'carla@demo.clinic', role: 'CASE_MANAGER' as const },
  { id: 'dev-sharma', name: 'Dev Sharma', email: 'dev@demo.clinic', role: 'CASE_MANAGER' as const },
];
export const supervisor = { id: 'sam-lee', name: 'Sam Lee', email: 'sam@demo.clinic', role: 'SUPERVISOR' as const };
export const auditor = { id: 'ivy-grant', name: 'Ivy Grant', email: 'ivy@demo.clinic', role: 'AUDITOR' as const };
/** Demo accounts only: printed to the terminal, never for a real deployment. */
export const DEMO_PASSWORD = 'demo-password-2026';
