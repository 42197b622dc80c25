import {
  MANAGER,
  command,
  daysAfterT0,
  history,
  minutesAfterT0,
  openCaseData,
  opinionData,
  recordItemsData,
  requestOpinionData,
} from '../test/factories/case-factories';
import { DomainError, ERASED, decide, erasedValue, fold, patientDataFieldsOf } from '.';
import type { CaseCommand, CaseEvent } from '.';

/** The event as it reads once the patient's key is gone. */
const erased = (event: CaseEvent): CaseEvent => {
  const data: Record<string, unknown> = { ...event.data };
  for (const field of patientDataFieldsOf(event.type)) {
    if (data[field] !== undefined) {
      data[field] = erasedValue(event.type, field);
    }
  }
  return { ...event, data } as CaseEvent;
};

const outcome = (next: CaseCommand, events: readonly CaseEvent[]): unknown => {
  try {
    return decide(next, fold(events));
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
};

const later = { now: minutesAfterT0(90) };
const story = [
  command('OpenCase', openCaseData()),
  command('SetDecisionDeadline', { deadline: daysAfterT0(20), source: 'Dr. Greer told Maria Lopez three weeks' }),
  command('InformOriginalClinician', { method: 'phone', reasonGiven: 'Maria wants certainty' }),
  command('RequestOpinion', requestOpinionData('r1', { question: 'Is surgery right for Maria?' })),
  command('RequestRecords', recordItemsData('r1')),
  command('RecordRecordsReleaseRefused', {
    requestId: 'r1',
    itemIds: ['mri'],
    refusedBy: 'Riverside Imaging',
    reason: 'No consent from Maria on file',
  }),
  command(
    'RecordOpinionReceived',
    opinionData('r1', { changesTreatment: true, summary: 'Saw Maria and her son' }),
    later,
  ),
  command('RaiseConflict', {
    conflictId: 'c1',
    subject: 'treatment',
    between: ['original', 'r1'],
    description: 'Maria heard two answers',
  }),
  command('AddNote', { noteId: 'n1', text: 'Maria fears the anaesthetic' }),
  command('ResolveConflict', { conflictId: 'c1', resolution: 'patient_judgement', outcome: 'Maria chose' }),
  command('MakeDecision', { optionChosen: 'Lumpectomy', rationaleInPatientsWords: 'I, Maria, want to keep working' }),
  command('CloseCase', { reason: 'decision_made', comment: 'Maria thanked the team' }),
];
const nextCommands = [
  command('SetDecisionDeadline', { deadline: daysAfterT0(30), source: 'x' }),
  command('InformOriginalClinician', { method: 'letter' }),
  command('RequestOpinion', requestOpinionData('r2')),
  command('RequestOpinion', requestOpinionData('r1')),
  command('MarkRecordsSent', { requestId: 'r1', itemIds: ['chart', 'mri'] }),
  command('MarkRecordsReceived', { requestId: 'r1', itemIds: ['chart'] }),
  command('RecordOpinionReceived', opinionData('r1'), later),
  command('CancelOpinionRequest', { requestId: 'r1', reason: 'x' }),
  command('RaiseConflict', { conflictId: 'c2', subject: 'diagnosis', between: ['original', 'r1'], description: 'x' }),
  command('ResolveConflict', { conflictId: 'c1', resolution: 'clinicians_conferred', outcome: 'x' }),
  command('MakeDecision', {
    optionChosen: 'Mastectomy',
    rationaleInPatientsWords: 'x',
    acknowledgeOpenConflicts: true,
  }),
  command('AddNote', { noteId: 'n1', text: 'again' }),
  command('AddNote', { noteId: 'n2', text: 'new' }),
  command('AssignCaseManager', { caseManagerId: MANAGER }),
  command('CloseCase', { reason: 'patient_withdrew' }),
  command('ReopenCase', { reason: 'x' }),
  command('ErasePatientData', { reason: 'patient_request' }),
];

describe("the patient's data in the rules", () => {
  it('seals nothing a decision needs: every command is decided alike with the patient data erased', () => {
    const events = history(...story);
    let compared = 0;
    for (let length = 1; length <= events.length; length += 1) {
      const known = events.slice(0, length);
      const forgotten = known.map(erased);
      for (const next of nextCommands) {
        expect({ after: length, command: next.type, outcome: outcome(next, forgotten) }).toEqual({
          after: length,
          command: next.type,
          outcome: outcome(next, known),
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('reads erased patient data as ERASED, required texts kept, optional ones gone', () => {
    const [opened] = history(command('OpenCase', openCaseData()));
    expect(erased(opened!).data).toMatchObject({ personal: { patientName: ERASED } });
    expect(erased(opened!).data).not.toHaveProperty('personal.birthDate');
  });
});
