import { registerEnumType } from '@nestjs/graphql';
import {
  clinicianInformMethods,
  closeReasons,
  conflictResolutions,
  conflictSubjects,
  imagingModalities,
  institutionTypes,
  recordKinds,
  reviewModes,
  severities,
  transferMethods,
} from '@sot/domain';

/** GraphQL names its enum values in capitals; the domain's lower-case values stay the internal ones. */
const enumOf = <T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
): Record<string, T[number]> => {
  const mapping = Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as Record<string, T[number]>;
  registerEnumType(mapping, { name, description });
  return mapping;
};

export const Severity = enumOf(severities, 'Severity', 'How serious the condition is');
export const InstitutionType = enumOf(
  institutionTypes,
  'InstitutionType',
  'NCI-designated and academic centres are preferred for cancer',
);
export const ReviewMode = enumOf(reviewModes, 'ReviewMode', 'In person, or remote review of the records');
export const RecordKind = enumOf(
  recordKinds,
  'RecordKind',
  'What is sent: originals of scans and slides, not only reports',
);
export const ImagingModality = enumOf(imagingModalities, 'ImagingModality', 'Imaging modality');
export const TransferMethod = enumOf(transferMethods, 'TransferMethod', 'How a record travels to the reviewing expert');
export const ConflictSubject = enumOf(conflictSubjects, 'ConflictSubject', 'What the opinions disagree on');
export const ConflictResolution = enumOf(conflictResolutions, 'ConflictResolution', 'How a conflict was settled');
export const CloseReason = enumOf(closeReasons, 'CloseReason', 'Why a case was closed');
export const InformMethod = enumOf(clinicianInformMethods, 'InformMethod', 'How the original clinician was told');
export const CaseStatus = enumOf(['open', 'decided', 'closed'] as const, 'CaseStatus', 'Where a case stands');
export const RecordStatus = enumOf(
  ['requested', 'sent', 'received', 'refused'] as const,
  'RecordStatus',
  'Where a record item stands',
);
export const RequestStatus = enumOf(
  ['requested', 'received', 'cancelled'] as const,
  'RequestStatus',
  'Where an opinion request stands',
);
export const Role = enumOf(['CASE_MANAGER', 'SUPERVISOR', 'AUDITOR'] as const, 'Role', 'What a user may see and do');
export const CaseOrder = enumOf(
  ['urgency', 'deadline', 'last_activity', 'opened'] as const,
  'CaseOrder',
  'URGENCY: overdue first, then nearest deadline, open conflicts, refused records',
);
