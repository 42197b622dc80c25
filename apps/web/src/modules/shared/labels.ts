import type {
  CaseStatus,
  CloseReason,
  ConflictResolution,
  ConflictStanding,
  ErasureReason,
  InformMethod,
  InstitutionType,
  RecordKind,
  RecordStatus,
  Role,
  Severity,
  TransferMethod,
} from '../../gql/graphql';

/** What the api's codes read as, in words a case manager uses. */
export const roleLabel: Record<Role, string> = {
  CASE_MANAGER: 'Case manager',
  SUPERVISOR: 'Supervisor',
  AUDITOR: 'Auditor',
};

export const statusLabel: Record<CaseStatus, string> = { OPEN: 'Open', DECIDED: 'Decided', CLOSED: 'Closed' };

export const severityLabel: Record<Severity, string> = {
  LIFE_THREATENING: 'Life-threatening',
  SERIOUS: 'Serious',
  MODERATE: 'Moderate',
};

export const recordStatusLabel: Record<RecordStatus, string> = {
  REQUESTED: 'Requested',
  SENT: 'Sent',
  RECEIVED: 'Received',
  REFUSED: 'Refused',
};

export const recordKindLabel: Record<RecordKind, string> = {
  MEDICAL_RECORD_COPY: 'Copy of the medical record',
  IMAGING_ORIGINAL: 'Original images',
  IMAGING_REPORT: 'Imaging report',
  PATHOLOGY_SLIDES: 'Pathology slides',
  PATHOLOGY_REPORT: 'Pathology report',
  LAB_RESULTS: 'Lab results',
  OPERATIVE_REPORT: 'Operative report',
  OTHER: 'Other',
};

export const transferMethodLabel: Record<TransferMethod, string> = {
  DIRECT_LAB_TO_INSTITUTION: 'Lab to reviewing institution',
  CARRIED_BY_PATIENT: 'Carried by the patient',
  ELECTRONIC_NETWORK: 'Network link',
  DISK: 'Disk',
  FAX: 'Fax',
  MAIL_OR_COURIER: 'Mail or courier',
};

export const institutionTypeLabel: Record<InstitutionType, string> = {
  NCI_COMPREHENSIVE_CANCER_CENTER: 'NCI comprehensive cancer centre',
  ACADEMIC_MEDICAL_CENTER: 'Academic medical centre',
  COMMUNITY_HOSPITAL: 'Community hospital',
  PRIVATE_PRACTICE: 'Private practice',
  ONLINE_SERVICE: 'Online service',
  OTHER: 'Other',
};

export const informMethodLabel: Record<InformMethod, string> = {
  IN_PERSON: 'In person',
  PHONE: 'Phone',
  LETTER: 'Letter',
  PATIENT_PORTAL: 'Patient portal',
  OTHER: 'Other',
};

export const closeReasonLabel: Record<CloseReason, string> = {
  DECISION_MADE: 'The patient decided',
  PATIENT_WITHDREW: 'The patient withdrew',
  PATIENT_DECEASED: 'The patient died',
  DUPLICATE: 'Duplicate case',
  OTHER: 'Other',
};

export const erasureReasonLabel: Record<ErasureReason, string> = {
  PATIENT_REQUEST: 'The patient asked for it',
  LEGAL_OBLIGATION: 'A legal obligation',
  ENTERED_IN_ERROR: 'Entered in error (wrong patient)',
  RETENTION_PERIOD_ENDED: 'The retention period ended',
};

export const resolutionLabel: Record<ConflictResolution, string> = {
  CLINICIANS_CONFERRED: 'The clinicians conferred',
  FURTHER_OPINION: 'A further opinion',
  PATIENT_JUDGEMENT: "The patient's own judgement",
};

export const standingLabel: Record<ConflictStanding, string> = {
  OPEN: 'Open',
  RESOLVED: 'Resolved',
  ACKNOWLEDGED_AT_DECISION: 'Acknowledged at decision',
  CLOSED_UNRESOLVED: 'Closed unresolved',
};

/** Options for a Select, in the order of the label table. */
export const optionsOf = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
