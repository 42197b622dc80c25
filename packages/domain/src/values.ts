import { array, bool, calendarDate, identifier, instant, integer, object, oneOf, optional, text } from './schema';
import type { Infer } from './schema';

export const severities = ['moderate', 'serious', 'life_threatening'] as const;
export const institutionTypes = [
  'nci_comprehensive_cancer_center',
  'academic_medical_center',
  'community_hospital',
  'private_practice',
  'online_service',
  'other',
] as const;
export const reviewModes = ['in_person', 'remote'] as const;

/** What a second opinion needs, item by item: originals of scans and slides, not only reports. */
export const recordKinds = [
  'medical_record_copy',
  'imaging_original',
  'imaging_report',
  'pathology_slides',
  'pathology_report',
  'lab_results',
  'operative_report',
  'other',
] as const;
export const imagingModalities = ['xray', 'ct', 'mri', 'pet', 'ultrasound', 'mammogram', 'other'] as const;

/** Slides go lab to institution; film is carried; electronic images go over a link or on a disk. */
export const transferMethods = [
  'direct_lab_to_institution',
  'electronic_network',
  'disk',
  'carried_by_patient',
  'mail_or_courier',
  'fax',
] as const;

export const conflictSubjects = ['diagnosis', 'treatment'] as const;
export const conflictResolutions = ['clinicians_conferred', 'further_opinion', 'patient_judgement'] as const;
export const closeReasons = ['decision_made', 'patient_withdrew', 'patient_deceased', 'duplicate', 'other'] as const;
/** Why a patient's identifying data was erased: coded, so the audited fact itself names no one. */
export const erasureReasons = [
  'patient_request',
  'legal_obligation',
  'entered_in_error',
  'retention_period_ended',
] as const;
export const clinicianInformMethods = ['in_person', 'phone', 'letter', 'patient_portal', 'other'] as const;
export const currencies = ['USD', 'EUR', 'GBP', 'CAD', 'CHF'] as const;

export type Severity = (typeof severities)[number];
export type InstitutionType = (typeof institutionTypes)[number];
export type ReviewMode = (typeof reviewModes)[number];
export type RecordKind = (typeof recordKinds)[number];
export type ImagingModality = (typeof imagingModalities)[number];
export type TransferMethod = (typeof transferMethods)[number];
export type ConflictSubject = (typeof conflictSubjects)[number];
export type ConflictResolution = (typeof conflictResolutions)[number];
export type CloseReason = (typeof closeReasons)[number];
export type ErasureReason = (typeof erasureReasons)[number];
export type ClinicianInformMethod = (typeof clinicianInformMethods)[number];
export type Currency = (typeof currencies)[number];

export const NAME = text({ max: 200, bidiControls: 'refused' });
export const SHORT_TEXT = text({ max: 500 });
export const LONG_TEXT = text({ max: 4000 });
/** A ticket or request number: short, one line. */
export const REFERENCE = text({ max: 100 });

/**
 * Patient-identifying data. Events keep it under a `personal` key and nowhere else, so that it
 * can be encrypted per patient and erased by destroying the key without touching other facts.
 */
export const patientPersonalData = object({
  patientName: NAME,
  birthDate: optional(calendarDate),
  medicalRecordNumber: optional(text({ max: 64 })),
});
export type PatientPersonalData = Infer<typeof patientPersonalData>;

export const clinician = object({
  name: NAME,
  specialty: NAME,
  institution: NAME,
});
export type Clinician = Infer<typeof clinician>;

export const condition = object({
  name: NAME,
  severity: oneOf(severities),
  isCancer: bool,
});
export type Condition = Infer<typeof condition>;

export const originalOpinion = object({
  clinician,
  diagnosis: SHORT_TEXT,
  recommendedTreatment: SHORT_TEXT,
});
export type OriginalOpinion = Infer<typeof originalOpinion>;

export const expert = object({
  name: NAME,
  specialty: NAME,
  institution: NAME,
  institutionType: oneOf(institutionTypes),
  /** Trained with, or practising alongside, the original clinician. */
  closeAssociateOfOriginalClinician: bool,
});
export type Expert = Infer<typeof expert>;

export const recordItem = object({
  itemId: identifier,
  kind: oneOf(recordKinds),
  description: SHORT_TEXT,
  modality: optional(oneOf(imagingModalities)),
  /** Who holds the originals: the hospital, imaging centre or lab that must release them. */
  holder: NAME,
  transferMethod: oneOf(transferMethods),
  /** When the holder should have sent it; past it, an outstanding item is overdue. */
  dueBy: optional(instant),
  /** Whether the patient's signed release authorisation is on file for this item. */
  releaseAuthorisationOnFile: optional(bool),
});
export type RecordItem = Infer<typeof recordItem>;

export const recordItemIds = array(identifier, { min: 1, max: 50 });

export const coverage = object({
  covered: bool,
  inPlanExpertRequired: bool,
  remoteReviewCovered: optional(bool),
  /** Whole cents, so no float ever meets money. */
  selfPayFeeCents: optional(integer({ min: 0, max: 100_000_000 })),
  currency: optional(oneOf(currencies)),
  paymentPlan: optional(SHORT_TEXT),
  insurerReference: optional(text({ max: 120 })),
});
export type Coverage = Infer<typeof coverage>;

/** Whose opinion: the original clinician's, or the expert of an opinion request. */
export const ORIGINAL_OPINION = 'original';
export const opinionSource = identifier;
