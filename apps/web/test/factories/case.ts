import type { CaseFieldsFragment } from '../../src/gql/graphql';

type Request = CaseFieldsFragment['requests'][number];
type Item = Request['records'][number];

export const recordItem = (overrides: Partial<Item> = {}): Item => ({
  __typename: 'RecordItem',
  itemId: 'mri',
  kind: 'IMAGING_ORIGINAL',
  modality: 'MRI',
  description: 'Brain MRI, original DICOM',
  holder: 'Riverside Imaging',
  transferMethod: 'ELECTRONIC_NETWORK',
  status: 'REQUESTED',
  requestedAt: '2026-11-02T09:00:00.000Z',
  dueBy: null,
  sentAt: null,
  receivedAt: null,
  trackingReference: null,
  overdue: false,
  refusedBy: null,
  refusalReason: null,
  releaseAuthorisationOnFile: null,
  refusals: [],
  ...overrides,
});

export const opinionRequest = (overrides: Partial<Request> = {}): Request => ({
  __typename: 'OpinionRequest',
  requestId: 'second',
  ordinal: 2,
  status: 'REQUESTED',
  requestedAt: '2026-11-01T09:00:00.000Z',
  reviewMode: 'REMOTE',
  question: null,
  sameSpecialtyAsOriginal: true,
  independenceConcerns: [],
  expert: {
    __typename: 'Expert',
    name: 'Dr. Amara Okafor',
    specialty: 'Neuro-oncology',
    institution: 'Memorial Comprehensive Cancer Center',
    institutionType: 'NCI_COMPREHENSIVE_CANCER_CENTER',
    closeAssociateOfOriginalClinician: false,
  },
  coverage: null,
  records: [],
  opinion: null,
  ...overrides,
});

export const receivedOpinion = (diagnosis: string, recommendedTreatment: string) => ({
  __typename: 'ReceivedOpinion' as const,
  diagnosis,
  recommendedTreatment,
  changesDiagnosis: true,
  changesTreatment: true,
  summary: null,
  receivedAt: '2026-11-10T09:00:00.000Z',
});

/** A case as the api returns it, open with a deadline; override what a test is about. */
export const aCase = (overrides: Partial<CaseFieldsFragment> = {}): CaseFieldsFragment => ({
  __typename: 'Case',
  id: '6f1c9a4e-1111-4222-8333-444455556666',
  version: 3,
  status: 'OPEN',
  openedAt: '2026-10-20T09:00:00.000Z',
  lastActivityAt: '2026-11-10T09:00:00.000Z',
  caseManagerId: 'ana',
  patient: { __typename: 'Patient', name: 'Jana Nováková', birthDate: '1961-04-12', medicalRecordNumber: 'MRN-884422' },
  condition: { __typename: 'Condition', name: 'Glioblastoma', severity: 'LIFE_THREATENING', isCancer: true },
  originalOpinion: {
    __typename: 'OriginalOpinion',
    diagnosis: 'Glioblastoma, IDH wild-type',
    recommendedTreatment: 'Resection then radiotherapy with temozolomide',
    clinician: {
      __typename: 'Clinician',
      name: 'Dr. Helen Greer',
      specialty: 'Neurosurgery',
      institution: 'Riverside General',
    },
  },
  deadline: '2026-12-20T23:00:00.000Z',
  deadlineSource: 'Dr. Greer: within three weeks',
  deadlineState: 'UPCOMING',
  daysLeft: 12,
  clinicianInformedAt: null,
  clinicianInformedMethod: null,
  clinicianInformedReason: null,
  requests: [],
  conflicts: [],
  notes: [],
  decision: null,
  earlierDecisions: [],
  closedAt: null,
  closeReason: null,
  closeComment: null,
  erasure: null,
  warnings: [],
  ...overrides,
});
