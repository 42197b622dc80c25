import {
  T0,
  command,
  daysAfterT0,
  history,
  openCaseData,
  recordItemsData,
  requestOpinionData,
} from '../test/factories/case-factories';
import { fold, warningsAt } from '.';
import type { CaseState } from '.';

const codes = (state: CaseState, now = T0) => warningsAt(state, now).map((warning) => warning.code);

describe('case warnings', () => {
  it('warns of a passed deadline only while no decision is made', () => {
    const withDeadline = fold(
      history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(7), source: 'Dr. Greer' }),
      ),
    );
    expect(codes(withDeadline, daysAfterT0(6))).not.toContain('DEADLINE_PASSED');
    expect(warningsAt(withDeadline, daysAfterT0(8))).toContainEqual({
      code: 'DEADLINE_PASSED',
      deadline: daysAfterT0(7),
    });
    const decided = fold(
      history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(7), source: 'Dr. Greer' }),
        command(
          'MakeDecision',
          { optionChosen: 'Surgery', rationaleInPatientsWords: 'Trust my surgeon' },
          { now: daysAfterT0(5) },
        ),
      ),
    );
    expect(codes(decided, daysAfterT0(8))).not.toContain('DEADLINE_PASSED');
  });

  it('warns of a passed deadline as of an event that arrives after it', () => {
    const late = fold(
      history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(7), source: 'Dr. Greer' }),
        command('AddNote', { noteId: 'n1', text: 'Still waiting' }, { now: daysAfterT0(9) }),
      ),
    );
    expect(late.status === 'open' && codes(late, late.lastEventAt)).toContain('DEADLINE_PASSED');
  });

  it('flags more than three further opinions, but not three', () => {
    const requests = (count: number) =>
      fold(
        history(
          command('OpenCase', openCaseData()),
          command('InformOriginalClinician', { method: 'phone' }),
          ...Array.from({ length: count }, (_, i) => command('RequestOpinion', requestOpinionData(`r${i + 1}`))),
        ),
      );
    expect(codes(requests(3))).not.toContain('MANY_FURTHER_OPINIONS');
    expect(warningsAt(requests(4), T0)).toContainEqual({ code: 'MANY_FURTHER_OPINIONS', furtherOpinions: 4 });
  });

  it('flags a cancer opinion outside an NCI-designated or academic centre, and a dependent expert', () => {
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command(
          'RequestOpinion',
          requestOpinionData('r1', {
            expert: {
              name: 'Dr. Near',
              specialty: 'Oncology',
              institution: 'Riverside General Hospital',
              institutionType: 'community_hospital',
              closeAssociateOfOriginalClinician: false,
            },
          }),
        ),
      ),
    );
    expect(warningsAt(state, T0)).toEqual(
      expect.arrayContaining([
        { code: 'CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE', requestId: 'r1' },
        {
          code: 'EXPERT_NOT_INDEPENDENT',
          requestId: 'r1',
          concerns: ['same_institution_as_original'],
          matchedRules: [
            '"Riverside General Hospital" and "Riverside General Hospital" are the same name once case and punctuation are ignored',
          ],
        },
        { code: 'ORIGINAL_CLINICIAN_NOT_INFORMED' },
      ]),
    );
  });

  it('flags slides not sent lab to institution, and a remote review the plan does not cover', () => {
    const items = recordItemsData('r1');
    const slidesByHand = {
      ...items,
      items: items.items.map((item) =>
        item.kind === 'pathology_slides' ? { ...item, transferMethod: 'carried_by_patient' as const } : item,
      ),
    };
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1', { reviewMode: 'remote' })),
        command('RequestRecords', slidesByHand),
        command('RecordInsuranceCoverage', {
          requestId: 'r1',
          coverage: { covered: true, inPlanExpertRequired: false, remoteReviewCovered: false },
        }),
      ),
    );
    expect(warningsAt(state, T0)).toEqual(
      expect.arrayContaining([
        { code: 'SLIDES_NOT_SENT_DIRECT', requestId: 'r1', itemIds: ['slides'] },
        { code: 'REMOTE_REVIEW_NOT_COVERED', requestId: 'r1' },
      ]),
    );
  });

  it('says which rule found an expert not independent', () => {
    const expert = {
      name: 'Dr. Near',
      specialty: 'Oncology',
      institution: 'Riverside General',
      institutionType: 'academic_medical_center' as const,
      closeAssociateOfOriginalClinician: true,
    };
    const state = fold(
      history(command('OpenCase', openCaseData()), command('RequestOpinion', requestOpinionData('r1', { expert }))),
    );
    expect(warningsAt(state, T0)).toContainEqual({
      code: 'EXPERT_NOT_INDEPENDENT',
      requestId: 'r1',
      concerns: ['same_institution_as_original', 'close_associate_of_original'],
      matchedRules: [
        '"Riverside General" and "Riverside General Hospital" are the same institution once words such as "Hospital" or "Medical Center" are ignored',
        'marked as a close associate of the original clinician',
      ],
    });
  });

  it('flags an imaging report requested without the original images of that modality', () => {
    const item = (itemId: string, kind: 'imaging_report' | 'imaging_original', modality: 'ct' | 'mri') => ({
      itemId,
      kind,
      modality,
      description: `${modality} ${kind}`,
      holder: 'Riverside Imaging',
      transferMethod: 'electronic_network' as const,
    });
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('RequestRecords', {
          requestId: 'r1',
          items: [item('ct-report', 'imaging_report', 'ct'), item('mri-report', 'imaging_report', 'mri')],
        }),
        command('RequestRecords', { requestId: 'r1', items: [item('mri-images', 'imaging_original', 'mri')] }),
      ),
    );
    expect(warningsAt(state, T0)).toContainEqual({
      code: 'IMAGING_REPORT_WITHOUT_ORIGINALS',
      requestId: 'r1',
      itemIds: ['ct-report'],
    });
  });

  it('flags a remote review on a request that is not covered at all', () => {
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1', { reviewMode: 'remote' })),
        command('RecordInsuranceCoverage', {
          requestId: 'r1',
          coverage: { covered: false, inPlanExpertRequired: false },
        }),
      ),
    );
    expect(warningsAt(state, T0)).toContainEqual({ code: 'REMOTE_REVIEW_NOT_COVERED', requestId: 'r1' });
  });

  it('prompts a check when an opinion marked as agreeing words its diagnosis or treatment differently', () => {
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('RecordOpinionReceived', {
          requestId: 'r1',
          diagnosis: 'stage ii invasive ductal carcinoma.',
          recommendedTreatment: 'Lumpectomy and radiotherapy',
          changesDiagnosis: false,
          changesTreatment: false,
        }),
      ),
    );
    const prompts = warningsAt(state, T0).filter((w) => w.code === 'OPINION_DIFFERS_BUT_MARKED_UNCHANGED');
    // Case and punctuation are no difference; another treatment is.
    expect(prompts).toEqual([
      { code: 'OPINION_DIFFERS_BUT_MARKED_UNCHANGED', requestId: 'r1', subjects: ['treatment'] },
    ]);
  });

  it('flags an outstanding record item past its due date, and forgets it once received', () => {
    const items = recordItemsData('r1');
    const due = { ...items, items: items.items.map((item) => ({ ...item, dueBy: daysAfterT0(3) })) };
    const requested = [
      command('OpenCase', openCaseData()),
      command('RequestOpinion', requestOpinionData('r1')),
      command('RequestRecords', due),
      command('MarkRecordsSent', { requestId: 'r1', itemIds: ['mri'] }),
    ];
    const state = fold(history(...requested));
    expect(codes(state, daysAfterT0(2))).not.toContain('RECORDS_OVERDUE');
    expect(warningsAt(state, daysAfterT0(4))).toContainEqual({
      code: 'RECORDS_OVERDUE',
      requestId: 'r1',
      itemIds: items.items.map((item) => item.itemId),
    });
    const received = fold(history(...requested, command('MarkRecordsReceived', { requestId: 'r1', itemIds: ['mri'] })));
    expect(warningsAt(received, daysAfterT0(4)).find((w) => w.code === 'RECORDS_OVERDUE')).toMatchObject({
      itemIds: items.items.map((item) => item.itemId).filter((id) => id !== 'mri'),
    });
  });

  it('warns of nothing once the case is closed', () => {
    const closed = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('CloseCase', { reason: 'patient_withdrew' }),
      ),
    );
    expect(warningsAt(closed, daysAfterT0(100))).toEqual([]);
  });
});
