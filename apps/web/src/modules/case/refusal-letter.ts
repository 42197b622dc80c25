import type { CaseFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../shared/dates';
import { recordKindLabel } from '../shared/labels';

type Request = CaseFieldsFragment['requests'][number];
type Item = Request['records'][number];

/**
 * The letter to a provider who refused to release records: the patient's right of access to
 * their own records (HIPAA, 45 CFR 164.524) and what is asked, item by item.
 */
export const refusalLetter = (c: CaseFieldsFragment, request: Request, items: Item[], today: Date): string => {
  const holder = items[0]?.refusedBy ?? items[0]?.holder ?? 'the records holder';
  const lines = items.map(
    (item) =>
      `- ${item.description} (${recordKindLabel[item.kind].toLowerCase()}), refused on ${formatDate(item.refusals.at(-1)?.at)}: "${item.refusalReason ?? 'no reason given'}"`,
  );
  return [
    formatDate(today.toISOString()),
    '',
    `To: ${holder}`,
    `Re: ${c.patient.name}${c.patient.birthDate ? `, born ${c.patient.birthDate}` : ''}${c.patient.medicalRecordNumber ? `, record number ${c.patient.medicalRecordNumber}` : ''}`,
    '',
    'Dear colleague,',
    '',
    `Our patient is seeking a further medical opinion from ${request.expert.name} at ${request.expert.institution}. Your office declined to release the following:`,
    '',
    ...lines,
    '',
    'Under the HIPAA Privacy Rule (45 CFR 164.524), a patient has the right to obtain a copy of their own medical records, including original imaging and pathology material, and to direct that copy to a person they designate. A provider must act on such a request within 30 days.',
    '',
    `Please release these items to ${request.expert.institution}. If a signed authorisation is still needed, tell us which form you require and we will send it at once.`,
    '',
    'With thanks,',
    'Case management, Second Opinion Tracker',
  ].join('\n');
};
