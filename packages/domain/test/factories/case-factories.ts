import { decide, evolve, parseCommand } from '../../src';
import type { CaseCommand, CaseEvent, CaseState, CommandData, CommandType } from '../../src';

export const T0 = '2026-03-02T09:00:00.000Z';
/** `minutesAfterT0(90)`: commands carry their own time, so tests move the clock by hand. */
export const minutesAfterT0 = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
export const daysAfterT0 = (days: number): string => minutesAfterT0(days * 24 * 60);

export const MANAGER = 'manager-ana';
export const OTHER_MANAGER = 'manager-ben';

/** Builds a command through the same parser every transport uses. */
export const command = <T extends CommandType>(
  type: T,
  data: CommandData<T>,
  options: { now?: string; actorId?: string } = {},
): CaseCommand => parseCommand(type, data, { now: options.now ?? T0, actorId: options.actorId ?? MANAGER });

export const openCaseData = (overrides: Partial<CommandData<'OpenCase'>> = {}): CommandData<'OpenCase'> => ({
  personal: { patientName: 'Maria Lopez', birthDate: '1961-04-09', medicalRecordNumber: 'MRN-100234' },
  condition: { name: 'Invasive ductal carcinoma, left breast', severity: 'serious', isCancer: true },
  originalOpinion: {
    clinician: { name: 'Dr. Alan Greer', specialty: 'Surgical oncology', institution: 'Riverside General Hospital' },
    diagnosis: 'Stage II invasive ductal carcinoma',
    recommendedTreatment: 'Mastectomy followed by chemotherapy',
  },
  caseManagerId: MANAGER,
  ...overrides,
});

export const requestOpinionData = (
  requestId: string,
  overrides: Partial<CommandData<'RequestOpinion'>> = {},
): CommandData<'RequestOpinion'> => ({
  requestId,
  expert: {
    name: `Dr. Expert ${requestId}`,
    specialty: 'Medical oncology',
    institution: `Comprehensive Cancer Centre ${requestId}`,
    institutionType: 'nci_comprehensive_cancer_center',
    closeAssociateOfOriginalClinician: false,
  },
  reviewMode: 'in_person',
  ...overrides,
});

export const opinionData = (
  requestId: string,
  overrides: Partial<CommandData<'RecordOpinionReceived'>> = {},
): CommandData<'RecordOpinionReceived'> => ({
  requestId,
  diagnosis: 'Stage II invasive ductal carcinoma',
  recommendedTreatment: 'Mastectomy followed by chemotherapy',
  changesDiagnosis: false,
  changesTreatment: false,
  ...overrides,
});

export const recordItemsData = (requestId: string): CommandData<'RequestRecords'> => ({
  requestId,
  items: [
    {
      itemId: 'chart',
      kind: 'medical_record_copy',
      description: 'Oncology chart',
      holder: 'Riverside General Hospital',
      transferMethod: 'electronic_network',
    },
    {
      itemId: 'mri',
      kind: 'imaging_original',
      modality: 'mri',
      description: 'Breast MRI, original DICOM',
      holder: 'Riverside Imaging',
      transferMethod: 'disk',
    },
    {
      itemId: 'slides',
      kind: 'pathology_slides',
      description: 'Core biopsy slides',
      holder: 'Riverside Pathology Lab',
      transferMethod: 'direct_lab_to_institution',
    },
  ],
});

/** The events a sequence of commands would record: histories come from the rules, not by hand. */
export const history = (...commands: CaseCommand[]): CaseEvent[] => {
  let state: CaseState = { status: 'none' };
  const events: CaseEvent[] = [];
  for (const next of commands) {
    const produced = decide(next, state);
    state = produced.reduce(evolve, state);
    events.push(...produced);
  }
  return events;
};

export const openedCase = (): CaseEvent[] => history(command('OpenCase', openCaseData()));

export const withReceivedOpinions = (...opinions: CommandData<'RecordOpinionReceived'>[]): CaseEvent[] =>
  history(
    command('OpenCase', openCaseData()),
    ...opinions.map((opinion) => command('RequestOpinion', requestOpinionData(opinion.requestId))),
    ...opinions.map((opinion) => command('RecordOpinionReceived', opinion, { now: minutesAfterT0(60) })),
  );
