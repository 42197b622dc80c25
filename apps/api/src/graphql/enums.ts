import { registerEnumType } from '@nestjs/graphql';
import {
  clinicianInformMethods,
  closeReasons,
  erasureReasons,
  conflictResolutions,
  conflictSubjects,
  currencies,
  imagingModalities,
  institutionTypes,
  recordKinds,
  reviewModes,
  severities,
  transferMethods,
} from '@sot/domain';

/**
 * A GraphQL enum whose values are the domain's own: GraphQL names them in capitals, resolvers and
 * inputs see the domain's lower-case values, typed as the domain's union.
 */
export const enumOf = <T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
): Record<string, T[number]> => {
  const mapping = Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as Record<string, T[number]>;
  registerEnumType(mapping, { name, description });
  return mapping;
};

export const SeverityEnum = enumOf(severities, 'Severity', 'How serious the condition is');
export const InstitutionTypeEnum = enumOf(
  institutionTypes,
  'InstitutionType',
  'NCI-designated and academic centres are preferred for cancer',
);
export const ReviewModeEnum = enumOf(reviewModes, 'ReviewMode', 'In person, or remote review of the records');
export const RecordKindEnum = enumOf(
  recordKinds,
  'RecordKind',
  'What is sent: originals of scans and slides, not only reports',
);
export const ImagingModalityEnum = enumOf(imagingModalities, 'ImagingModality', 'Imaging modality');
export const TransferMethodEnum = enumOf(
  transferMethods,
  'TransferMethod',
  'How a record travels to the reviewing expert',
);
export const ConflictSubjectEnum = enumOf(conflictSubjects, 'ConflictSubject', 'What the opinions disagree on');
export const ConflictResolutionEnum = enumOf(conflictResolutions, 'ConflictResolution', 'How a conflict was settled');
export const CloseReasonEnum = enumOf(closeReasons, 'CloseReason', 'Why a case was closed');
export const ErasureReasonEnum = enumOf(erasureReasons, 'ErasureReason', "Why a patient's data was erased");
export const InformMethodEnum = enumOf(clinicianInformMethods, 'InformMethod', 'How the original clinician was told');
export const CurrencyEnum = enumOf(currencies, 'Currency', 'Currency of a self-pay fee');
export const CaseStatusEnum = enumOf(['open', 'decided', 'closed'] as const, 'CaseStatus', 'Where a case stands');
export const RecordStatusEnum = enumOf(
  ['requested', 'sent', 'received', 'refused'] as const,
  'RecordStatus',
  'Where a record item stands',
);
export const RequestStatusEnum = enumOf(
  ['requested', 'received', 'cancelled'] as const,
  'RequestStatus',
  'Where an opinion request stands',
);
